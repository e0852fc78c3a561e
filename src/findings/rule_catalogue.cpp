#include "findings/rule_catalogue.hpp"

#include <fmt/format.h>

#include <cassert>
#include <map>

#include "base/embedded.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

std::vector<RuleInfo> load() {
  YamlNode root = parse_yaml(embedded_file("rules.yaml"), "rules.yaml");
  const YamlNode& rules = *root.find("rules");
  std::vector<RuleInfo> out;
  for (std::size_t i = 0; i < rules.keys.size(); ++i) {
    const YamlNode& r = rules.items[i];
    RuleInfo info{rules.keys[i].value, r.text_at("checklist"), r.text_at("item"),
                  r.text_at("source"), r.text_at("fail"),      r.text_at("pass"),
                  Severity::warning};
    auto severity = parse_severity(r.text_at("severity"));
    assert(severity);
    info.severity = severity.value_or(Severity::warning);
    out.push_back(std::move(info));
  }
  return out;
}

// Each document the rule's source quotes, by title ("000: ..." cites the
// first desk guide): the numbers mean nothing to a worker without them.
std::string cited_sources(const std::string& source) {
  static const YamlNode sources =
      *parse_yaml(embedded_file("rules.yaml"), "rules.yaml").find("sources");
  std::string out;
  for (std::size_t i = 0; i < sources.keys.size(); ++i) {
    const std::string& key = sources.keys[i].value;
    if (source.find(key + ":") == std::string::npos && source != key) continue;
    out += fmt::format("    {}  {}\n", key, sources.items[i].value);
  }
  return out;
}

std::string indented(const std::string& text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

}  // namespace

const std::vector<RuleInfo>& rule_catalogue() {
  static const std::vector<RuleInfo> rules = load();
  return rules;
}

// Every finding looks its rule up, and a hostile file may make hundreds
// of thousands of them: by id, not by a walk of the list.
const RuleInfo* find_rule(std::string_view id) {
  static const std::map<std::string_view, const RuleInfo*, std::less<>> by_id = [] {
    std::map<std::string_view, const RuleInfo*, std::less<>> index;
    for (const auto& rule : rule_catalogue()) index.emplace(rule.id, &rule);
    return index;
  }();
  auto found = by_id.find(id);
  return found == by_id.end() ? nullptr : found->second;
}

std::optional<Severity> parse_severity(std::string_view word) {
  if (word == "error") return Severity::error;
  if (word == "warning") return Severity::warning;
  if (word == "info") return Severity::info;
  return std::nullopt;
}

std::string explain_rule(const RuleInfo& rule) {
  return fmt::format(
      "{}  ({}, {} checklist)\n\n"
      "What it checks:\n    {}\n\n"
      "Why, in the words of its sources:\n    {}\n\nSources:\n{}\n"
      "A record that fails it:\n{}\n\n"
      "A record that passes:\n{}\n\n"
      "Turn it off or change its severity in casekit.yaml (rules: {{{}: off}}), or on one line\n"
      "with the comment `# casekit: disable={}`.\n",
      rule.id, to_string(rule.severity), rule.checklist, rule.item, rule.source,
      cited_sources(rule.source), indented(rule.fail), indented(rule.pass), rule.id, rule.id);
}

}  // namespace casekit
