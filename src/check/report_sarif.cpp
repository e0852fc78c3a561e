// --format sarif: SARIF 2.1.0 (OASIS), so code-scanning dashboards can show
// casekit's findings next to a repository of case records. One run; the
// driver lists every rule of rules.yaml so a dashboard can explain a rule
// even when no record breaks it.
#include <fmt/format.h>

#include <cctype>

#include "check/json_text.hpp"
#include "check/report.hpp"

namespace casekit {
namespace {

// SARIF has no "info" level; "note" is its word for it.
const char* sarif_level(Severity s) {
  // clang-format off
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  // clang-format on
  return "warning";
}

// artifactLocation.uri must be a URI reference: a stray file name with a
// space, '%' or non-ASCII bytes would otherwise make the log invalid. ':' is
// encoded too, so "a:b/c" cannot read as a scheme.
std::string uri_reference(std::string_view path) {
  static constexpr std::string_view keep = "-._~/!$&'()*+,;=@";
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u < 0x80 && std::isalnum(u)) || keep.find(c) != std::string_view::npos;
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
  }
  return out;
}

// Where a dashboard sends a reader for a rule: its entry in the RULES
// section of casekit-check(1), where each rule id is written out. casekit
// has no web site, and man: is the URI scheme man pages go by.
std::string help_uri(const RuleInfo& rule) {
  return "man:casekit-check(1)#" + uri_reference(rule.id);
}

Json rule_entry(const RuleInfo& rule) {
  return {{"id", rule.id},
          {"shortDescription", {{"text", rule.item.empty() ? rule.id : rule.item}}},
          {"fullDescription", {{"text", rule.source}}},
          {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
          {"helpUri", help_uri(rule)},
          {"help", {{"text", explain_rule(rule)}}},
          {"properties", {{"tags", Json::array({rule.checklist})}}}};
}

// Line 0 means "the whole file" (a missing plan, a stray file). It gets
// line 1 as its region: dashboards such as GitHub code scanning show a
// result without a region nowhere in the file.
Json location_of(const Location& at) {
  Json physical = {{"artifactLocation", {{"uri", uri_reference(at.file)}}}};
  physical["region"] = {{"startLine", at.line > 0 ? at.line : 1}};
  if (at.line > 0 && at.column > 0) physical["region"]["startColumn"] = at.column;
  return Json::array({{{"physicalLocation", std::move(physical)}}});
}

// ruleIndex points into the driver's rules; a finding whose rule is not in
// the catalogue keeps its ruleId and goes without an index.
Json result_entry(const Diagnostic& d) {
  Json out = Json::object();
  if (!d.rule.empty()) out["ruleId"] = d.rule;
  if (const RuleInfo* info = find_rule(d.rule)) out["ruleIndex"] = info - rule_catalogue().data();
  out["level"] = sarif_level(d.severity);
  out["message"] = {
      {"text", d.hint.empty() ? d.message : fmt::format("{} ({})", d.message, d.hint)}};
  if (!d.location.file.empty()) out["locations"] = location_of(d.location);
  return out;
}

constexpr const char* kResultsGoHere = "casekit: the results go here";

Json sarif_log() {
  Json rules = Json::array();
  for (const auto& rule : rule_catalogue()) rules.push_back(rule_entry(rule));
  Json driver = {{"name", "casekit"},
                 {"version", CASEKIT_VERSION},
                 {"informationUri", "man:casekit-check(1)"},
                 {"rules", std::move(rules)}};
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"results", Json::array({kResultsGoHere})}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", Json::array({std::move(run)})}};
}

// The driver lists every rule, so the head is known before any finding.
class SarifWriter : public ReportWriter {
 public:
  SarifWriter() : cut_(sarif_log(), kResultsGoHere) {}
  std::string client(const ClientReport& report) override {
    std::string out = head_written_ ? "" : cut_.head();
    head_written_ = true;
    for (const auto& d : report.findings) out += cut_.element(result_entry(d), results_++ == 0);
    return out;
  }
  std::string end(const ReportTotals&) override {
    std::string out = head_written_ ? "" : cut_.head();
    return out + cut_.tail(results_) + "\n";
  }

 private:
  JsonListCut cut_;
  std::size_t results_ = 0;
  bool head_written_ = false;
};

}  // namespace

std::unique_ptr<ReportWriter> sarif_writer(const ReportOptions&) {
  return std::make_unique<SarifWriter>();
}

}  // namespace casekit
