// Findings about casekit.yaml itself: severities for rules that do not
// exist, and day counts that differ from the profile's; and the severities
// it sets, applied to any findings.
#pragma once

#include <vector>

#include "findings/diagnostic.hpp"
#include "record/case_folder.hpp"
#include "schema/settings.hpp"

namespace casekit {

std::vector<Diagnostic> check_settings(const SourceFile& file, const Settings& settings);
// The program's `rules:` settings applied: a severity per rule, or off (dropped).
void apply_severities(const Settings& settings, std::vector<Diagnostic>& findings);

}  // namespace casekit
