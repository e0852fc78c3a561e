// The output formats of casekit check, one row each in check_formats().
// A reporter renders check's results (results.hpp); it never depends on
// the engine, so a new format is one file and one row.
#pragma once

#include <cstddef>
#include <memory>
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

// What only the whole run knows, for a report's end.
struct ReportTotals {
  std::size_t errors = 0, warnings = 0, infos = 0;  // each finding counted once
  std::size_t clients = 0;
};

// A report as check writes it: the case folder's own findings first (a
// ClientReport with an empty id), then each client as soon as it is
// checked, in order, then the end once the totals are known. A writer
// holds what its format must say before the clients, never the clients:
// memory stays flat however large the caseload (JUnit alone keeps its
// text, since its root element carries the totals).
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual std::string client(const ClientReport& report) = 0;
  virtual std::string end(const ReportTotals& totals) = 0;
};

// One output format of casekit check (`--format NAME`).
struct CheckFormat {
  std::string_view name;
  std::unique_ptr<ReportWriter> (*writer)(const ReportOptions&);
  // A person is reading: the counts go to standard error too, and the
  // offending line is shown under a finding on a terminal.
  bool for_people = false;
  // Needs ClientReport::rules_run: which rules applied to each record.
  bool rule_coverage = false;
  // The supervisor's view: ends with the record's quality over time.
  bool quality_over_time = false;
};

// text (the default), json, sarif, junit, github, checklist.
std::span<const CheckFormat> check_formats();
const CheckFormat* find_check_format(std::string_view name);

// The writers, one file each (report_text.cpp, report_json.cpp...).
// text: file:line:col: severity: message (hint) [rule]
std::unique_ptr<ReportWriter> text_writer(const ReportOptions& options);
// The stable JSON schema documented in casekit-check(1).
std::unique_ptr<ReportWriter> json_writer(const ReportOptions& options);
// SARIF 2.1.0, for code-scanning dashboards.
std::unique_ptr<ReportWriter> sarif_writer(const ReportOptions& options);
// JUnit XML: one test case per client and checklist.
std::unique_ptr<ReportWriter> junit_writer(const ReportOptions& options);
// GitHub Actions workflow annotations.
std::unique_ptr<ReportWriter> github_writer(const ReportOptions& options);
// The supervisor's coaching-tool view (seed 001): each checklist's items
// met or not met per client, then feedback as the coaching tips ask.
std::unique_ptr<ReportWriter> checklist_writer(const ReportOptions& options);

// One client's findings as text, the way the text format shows them.
std::string render_text(const ClientReport& client, const TextStyle& style);
// A whole report of findings already gathered (one client's, a test's):
// the writer fed the folder's findings, each client, then the end.
std::string render_report(const CheckFormat& format, const CheckResult& result,
                          const ReportOptions& options);

}  // namespace casekit
