#include "findings/finding_sink.hpp"

#include <cassert>

#include "findings/rule_catalogue.hpp"

namespace casekit {

Diagnostic finding(std::string_view rule, Location where, Subject subject, std::string message,
                   std::string hint) {
  const RuleInfo* info = find_rule(rule);
  assert(info && "every reported rule is in rules.yaml");
  // Without the assertion (a release build), a rule missing from the
  // catalogue still counts: an error cannot go unnoticed.
  return {std::move(where),  info ? info->severity : Severity::error,
          std::string(rule), std::move(message),
          std::move(hint),   std::move(subject)};
}

Diagnostic finding(std::string_view rule, Location where, std::string message, std::string hint) {
  return finding(rule, std::move(where), {}, std::move(message), std::move(hint));
}

}  // namespace casekit
