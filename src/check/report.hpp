// The output formats of casekit check, one row each in check_formats().
// A reporter renders check's results (results.hpp); it never depends on
// the engine, so a new format is one file and one row.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "check/results.hpp"
#include "findings/rule_catalogue.hpp"

namespace casekit {

struct TextStyle {
  bool source_lines = false;  // the offending line with a caret under it
  bool colour = false;
  // A terminal's width: each finding wraps at word boundaries with a
  // hanging indent, and its hint goes on a line of its own. 0 (piped): one
  // line per finding, as editors and CI annotators parse it.
  std::size_t width = 0;
};

// What a format may need besides the results.
struct ReportOptions {
  std::string as_of;  // the date checked against, YYYY-MM-DD
  TextStyle style = {};
};

// One output format of casekit check (`--format NAME`).
struct CheckFormat {
  std::string_view name;
  // The whole report, once every client is checked.
  std::string (*render)(const CheckResult&, const ReportOptions&);
  // When set, a client's part of the report, printed as soon as the client
  // is checked so memory stays flat on any caseload (then `render` is not
  // used); a person is reading, so the counts go to standard error too.
  std::string (*render_client)(const ClientReport&, const ReportOptions&) = nullptr;
  // Needs ClientReport::rules_run: which rules applied to each record.
  bool rule_coverage = false;
};

// text (the default), json, sarif, junit, github, checklist.
std::span<const CheckFormat> check_formats();
const CheckFormat* find_check_format(std::string_view name);

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

}  // namespace casekit
