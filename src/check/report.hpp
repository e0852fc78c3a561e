// The output formats of casekit check. Each renders the whole result.
#pragma once

#include <string>

#include "check/check.hpp"

namespace casekit {

struct TextStyle {
  bool source_lines = false;  // the offending line with a caret under it
  bool colour = false;
};

// file:line:col: severity: message (hint) [rule]
std::string render_text(const CheckResult& result, const TextStyle& style);
std::string render_text(const ClientReport& client, const TextStyle& style);
// The stable JSON schema documented in casekit-check(1).
std::string render_json(const CheckResult& result, const std::string& as_of);
// SARIF 2.1.0, for code-scanning dashboards.
std::string render_sarif(const CheckResult& result);
// JUnit XML: one test case per client and checklist.
std::string render_junit(const CheckResult& result);
// GitHub Actions workflow annotations.
std::string render_github(const CheckResult& result);
// The supervisor's coaching-tool view (seed 001): each checklist's items
// met or not met per client, then feedback as the coaching tips ask.
std::string render_checklist(const CheckResult& result, const std::string& as_of);

// JSON string escaping, shared by the JSON-based formats.
std::string json_string(std::string_view text);
// Text for XML and HTML: & < > escaped; in attributes quotes and line ends
// too. Control characters XML cannot carry become '?'.
std::string xml_escape(std::string_view text, bool attribute);

}  // namespace casekit
