// --format junit: JUnit XML, the one test report every CI server reads. A
// client is a test suite and each checklist of rules.yaml a test case, so a
// CI page reads "jasmine-rivera / progress-note failed" and its history
// shows a checklist going from red to green.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "base/xml_escape.hpp"
#include "check/report.hpp"
#include "check/rule_groups.hpp"

namespace casekit {
namespace {

// Every client gets every checklist (rule_groups.hpp), so a passing
// checklist shows as a passing test rather than a missing one.
std::vector<std::string_view> checklists() {
  std::vector<std::string_view> names;
  for (const RuleGroup& group : rule_groups()) names.push_back(group.checklist);
  return names;
}

// A finding whose rule is not in the catalogue is about the record's form.
std::string_view checklist_of(const Diagnostic& d) {
  const RuleInfo* rule = find_rule(d.rule);
  return rule && !rule->checklist.empty() ? std::string_view(rule->checklist)
                                          : rule_groups().front().checklist;
}

std::string attr(std::string_view text) {
  return xml_escape(text, true);
}

struct Case {
  std::string lines, info_lines;  // failing findings; info findings
  std::size_t failures = 0;
  Severity worst = Severity::warning;
};

std::string test_case(const std::string& suite, std::string_view checklist, const Case& c) {
  std::string head =
      fmt::format("    <testcase name=\"{}\" classname=\"{}\"", attr(checklist), attr(suite));
  if (c.failures == 0 && c.info_lines.empty()) return head + "/>\n";
  std::string out = head + ">\n";
  if (c.failures > 0)
    out += fmt::format("      <failure message=\"{} finding{}\" type=\"{}\">{}</failure>\n",
                       c.failures, c.failures == 1 ? "" : "s", to_string(c.worst),
                       xml_escape(c.lines, false));
  if (!c.info_lines.empty())
    out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(c.info_lines, false));
  return out + "    </testcase>\n";
}

struct Totals {
  std::size_t tests = 0, failures = 0;
};

// Sorts findings into test cases: the given checklists, then any checklist
// a finding names that they lack (a rule added to rules.yaml later).
std::vector<Case> gather(const std::vector<Diagnostic>& findings,
                         std::vector<std::string_view>& names) {
  for (const auto& d : findings)
    if (std::find(names.begin(), names.end(), checklist_of(d)) == names.end())
      names.push_back(checklist_of(d));
  std::vector<Case> cases(names.size());
  for (const auto& d : findings) {
    Case& c = cases[static_cast<std::size_t>(
        std::find(names.begin(), names.end(), checklist_of(d)) - names.begin())];
    if (d.severity == Severity::info) {
      c.info_lines += format_diagnostic(d) + "\n";
      continue;
    }
    c.lines += format_diagnostic(d) + "\n";
    if (++c.failures == 1 || d.severity > c.worst) c.worst = d.severity;
  }
  return cases;
}

std::string test_suite(const std::string& name, const std::vector<Diagnostic>& findings,
                       std::vector<std::string_view> names, Totals& totals) {
  std::vector<Case> cases = gather(findings, names);
  std::string body;
  std::size_t failed = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    body += test_case(name, names[i], cases[i]);
    failed += cases[i].failures > 0 ? 1 : 0;
  }
  totals.tests += names.size();
  totals.failures += failed;
  return fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{}  "
      "</testsuite>\n",
      attr(name), names.size(), failed, body);
}

// The root element carries the totals, so the suites wait for them: the
// one format whose text is held until the end.
class JunitWriter : public ReportWriter {
 public:
  // casekit.yaml and stray entries in clients/ (an empty id) belong to no
  // client, and only the structure checklist applies to them.
  std::string client(const ClientReport& report) override {
    if (report.id.empty())
      suites_ +=
          test_suite("case-folder", report.findings, {rule_groups().front().checklist}, totals_);
    else
      suites_ += test_suite(report.id, report.findings, checklists(), totals_);
    return {};
  }
  std::string end(const ReportTotals&) override {
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"casekit check\" tests=\"{}\" failures=\"{}\" "
        "errors=\"0\">\n{}</testsuites>\n",
        totals_.tests, totals_.failures, suites_);
  }

 private:
  std::string suites_;
  Totals totals_;
};

}  // namespace

std::unique_ptr<ReportWriter> junit_writer(const ReportOptions&) {
  return std::make_unique<JunitWriter>();
}

}  // namespace casekit
