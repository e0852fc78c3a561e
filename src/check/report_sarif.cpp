// --format sarif: SARIF 2.1.0 (OASIS), so code-scanning dashboards can show
// casekit's findings next to a repository of case records. One run; the
// driver lists every rule of rules.yaml so a dashboard can explain a rule
// even when no record breaks it.
#include <fmt/format.h>

#include <cctype>

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

std::string rule_entry(const RuleInfo& rule) {
  return fmt::format(
      "{{\"id\": {}, \"shortDescription\": {{\"text\": {}}}, \"fullDescription\": {{\"text\": "
      "{}}}, "
      "\"defaultConfiguration\": {{\"level\": \"{}\"}}, \"help\": {{\"text\": {}}}, "
      "\"properties\": {{\"tags\": [{}]}}}}",
      json_string(rule.id), json_string(rule.item), json_string(rule.source),
      sarif_level(rule.severity), json_string(explain_rule(rule)), json_string(rule.checklist));
}

// Line 0 means "the whole file": SARIF then wants no region at all.
std::string location_of(const Location& at) {
  if (at.file.empty()) return {};
  std::string region;
  if (at.line > 0)
    region = at.column > 0 ? fmt::format(", \"region\": {{\"startLine\": {}, \"startColumn\": {}}}",
                                         at.line, at.column)
                           : fmt::format(", \"region\": {{\"startLine\": {}}}", at.line);
  return fmt::format(
      ", \"locations\": [{{\"physicalLocation\": {{\"artifactLocation\": {{\"uri\": {}}}{}}}}}]",
      json_string(uri_reference(at.file)), region);
}

// ruleIndex points into the driver's rules; a finding whose rule is not in
// the catalogue keeps its ruleId and goes without an index.
std::string result_entry(const Diagnostic& d) {
  std::string rule;
  if (!d.rule.empty()) rule = fmt::format("\"ruleId\": {}, ", json_string(d.rule));
  if (const RuleInfo* info = find_rule(d.rule))
    rule += fmt::format("\"ruleIndex\": {}, ", info - rule_catalogue().data());
  std::string text = d.hint.empty() ? d.message : fmt::format("{} ({})", d.message, d.hint);
  return fmt::format("{{{}\"level\": \"{}\", \"message\": {{\"text\": {}}}{}}}", rule,
                     sarif_level(d.severity), json_string(text), location_of(d.location));
}

std::string rules_array() {
  std::string out;
  for (const auto& rule : rule_catalogue())
    out += (out.empty() ? "\n          " : ",\n          ") + rule_entry(rule);
  return out.empty() ? "[]" : "[" + out + "\n        ]";
}

std::string results_array(const CheckResult& result) {
  std::string out;
  auto add = [&](const Diagnostic& d) {
    out += (out.empty() ? "\n        " : ",\n        ") + result_entry(d);
  };
  for (const auto& d : result.folder_findings) add(d);
  for (const auto& client : result.clients)
    for (const auto& d : client.findings) add(d);
  return out.empty() ? "[]" : "[" + out + "\n      ]";
}

}  // namespace

std::string render_sarif(const CheckResult& result) {
  return fmt::format(
      "{{\n"
      "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
      "  \"version\": \"2.1.0\",\n"
      "  \"runs\": [\n"
      "    {{\n"
      "      \"tool\": {{\n"
      "        \"driver\": {{\"name\": \"casekit\", \"rules\": {}}}\n"
      "      }},\n"
      "      \"results\": {}\n"
      "    }}\n"
      "  ]\n"
      "}}\n",
      rules_array(), results_array(result));
}

}  // namespace casekit
