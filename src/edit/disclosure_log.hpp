// Writing the accounting of disclosures (record/disclosures.hpp): one entry
// appended to a client's disclosures.yaml per client an export sent.
#pragma once

#include <string>

#include "record/case_folder.hpp"
#include "record/disclosures.hpp"

namespace casekit {

// Appends `entry` to the client's disclosures.yaml, creating the file, with
// its hash chained to the last entry's; under the client's lock, written
// atomically. Refuses (nothing changed) a file with format errors or an
// entry changed, since a chain cannot go on from an entry nobody can trust.
// Returns the entry as written.
Disclosure append_disclosure(const CaseFolder& folder, const std::string& id, Disclosure entry);

}  // namespace casekit
