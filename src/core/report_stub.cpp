// Formats still to come (issue 3): for now they say so.
#include "casekit/report.hpp"

namespace casekit {

std::string render_sarif(const CheckResult&) { throw Error("--format sarif is not available yet"); }
std::string render_junit(const CheckResult&) { throw Error("--format junit is not available yet"); }
std::string render_github(const CheckResult&) { throw Error("--format github is not available yet"); }
std::string render_checklist(const CheckResult&, const std::string&) { throw Error("--format checklist is not available yet"); }

}  // namespace casekit
