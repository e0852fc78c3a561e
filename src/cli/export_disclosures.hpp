// The accounting of disclosures an export to a partner keeps
// (casekit-export(1), DISCLOSURES): an entry for each client sent.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export/export.hpp"

namespace casekit::cli {

// A partner is sent something of each client exported: each gets an entry
// in its accounting of disclosures, before anything leaves. `hashes`: the
// output each entry names, one a client (sent_hashes.hpp). When an entry
// cannot be recorded nothing is sent, and the exit status is 3.
void record_disclosures(const CaseFolder& folder, const std::vector<SentRelease>& releases,
                        const std::vector<std::string>& hashes, std::string_view format);

}  // namespace casekit::cli
