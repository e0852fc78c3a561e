// Inline suppression comments in record files:
//   # casekit: disable=RULE[,RULE]       on the line above, or at the end of the line
//   # casekit: disable-file=RULE[,RULE]  anywhere: the whole file
// A suppression that suppresses nothing is reported (check/unused-suppression).
#pragma once

#include <vector>

#include "findings/diagnostic.hpp"
#include "record/case_folder.hpp"

namespace casekit {

void apply_suppressions(const std::vector<const SourceFile*>& files,
                        std::vector<Diagnostic>& findings);

}  // namespace casekit
