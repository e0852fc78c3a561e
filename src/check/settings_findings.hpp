// Findings about casekit.yaml itself: severities for rules that do not
// exist, and day counts that differ from the profile's.
#pragma once

#include <vector>

#include "findings/diagnostic.hpp"
#include "record/case_folder.hpp"
#include "schema/settings.hpp"

namespace casekit {

std::vector<Diagnostic> check_settings(const SourceFile& file, const Settings& settings);

}  // namespace casekit
