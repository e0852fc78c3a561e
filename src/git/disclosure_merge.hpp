// Merging two copies of a client's disclosures.yaml (casekit(5), MERGING):
// both copies appended entries after the same ones. The entries they
// share stay as they are; the new entries of both follow, in the order of
// their date and time (each copy's own entries keep their order), chained
// anew from the last shared entry, so that check sees one unbroken chain.
// No entry's words change: the server's gate compares entries by what
// they say (disclosures_dropped).
#pragma once

#include <optional>
#include <string>

namespace casekit {

// The merged file, or nothing when the copies cannot be joined that way:
// a copy whose shared entries differ from the common version's, a broken
// chain, or format errors (git's own merge decides then).
std::optional<std::string> merge_disclosures(const std::string& base, const std::string& ours,
                                             const std::string& theirs);

}  // namespace casekit
