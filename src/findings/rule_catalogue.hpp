// The rule catalogue: every rule of src/data/rules.yaml, with its
// checklist item, its source in the desk guides and its default severity.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/diagnostic.hpp"

namespace casekit {

// One rule of src/data/rules.yaml.
struct RuleInfo {
  std::string id, checklist, item, source, fail, pass;
  Severity severity = Severity::warning;
};

const std::vector<RuleInfo>& rule_catalogue();
const RuleInfo* find_rule(std::string_view id);
// What `casekit check --explain RULE` prints.
std::string explain_rule(const RuleInfo& rule);
// "error", "warning", "info" or "off" (nullopt) to a severity.
std::optional<Severity> parse_severity(std::string_view word);

}  // namespace casekit
