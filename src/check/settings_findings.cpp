#include "check/settings_findings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/did_you_mean.hpp"
#include "findings/finding_sink.hpp"
#include "findings/rule_catalogue.hpp"

namespace casekit {
namespace {

Location key_location(const SourceFile& file, const YamlNode& key) {
  return {file.display, key.mark.line + 1, key.mark.column + 1};
}

void unknown_rules(const SourceFile& file, FindingSink& sink) {
  const YamlNode* rules = file.tree.find("rules");
  if (!rules) return;
  std::vector<std::string> ids;
  for (const auto& r : rule_catalogue()) ids.push_back(r.id);
  for (const auto& key : rules->keys) {
    if (find_rule(key.value)) continue;
    std::string guess = did_you_mean(key.value, ids);
    sink.report("format/unknown-key", key_location(file, key),
                fmt::format("unknown rule '{}'", key.value),
                guess.empty() ? "`casekit check --list-rules` lists the rules"
                              : fmt::format("did you mean '{}'?", guess));
  }
}

// A number written out in casekit.yaml wins over the profile: said once,
// where it is written, so that switching `profile:` is never undone
// silently by a number left from the old one.
void overridden_profile_numbers(const SourceFile& file, const Settings& settings,
                                FindingSink& sink) {
  for (const ProfileOverride& o : profile_overrides(settings)) {
    const YamlNode* key = file.tree.find_key(o.key);
    if (!key) continue;
    sink.report("check/profile-override", key_location(file, *key),
                fmt::format("{}: {} here overrides the {} profile's {} days", o.key, o.value,
                            settings.profile, o.profile_value),
                "delete the line to follow the profile, or keep it as the program's own rule "
                "(clients enrolled in another profile keep theirs)");
  }
}

// FHIR's Identifier.system is an absolute URI: a scheme, a colon, more
// (urn:casekit:eastside, https://example.org/ids). A bare name would make
// every exported Bundle invalid.
void fhir_system_not_uri(const SourceFile& file, const Settings& settings, FindingSink& sink) {
  const YamlNode* key = file.tree.find_key("fhir_identifier_system");
  std::string problem = identifier_system_problem(settings);
  if (!key || problem.empty()) return;
  sink.report("format/type", key_location(file, *key), problem, kIdentifierSystemHint);
}

}  // namespace

std::vector<Diagnostic> check_settings(const SourceFile& file, const Settings& settings) {
  std::vector<Diagnostic> out;
  FindingSink sink(out);
  unknown_rules(file, sink);
  overridden_profile_numbers(file, settings, sink);
  fhir_system_not_uri(file, settings, sink);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.location.line < b.location.line;
  });
  return out;
}

void apply_severities(const Settings& settings, std::vector<Diagnostic>& findings) {
  std::vector<Diagnostic> kept;
  for (auto& d : findings) {
    auto configured = settings.rules.find(d.rule);
    if (configured != settings.rules.end()) {
      std::optional<Severity> severity = parse_severity(configured->second);
      if (!severity) continue;  // off
      d.severity = *severity;
    }
    kept.push_back(std::move(d));
  }
  findings = std::move(kept);
}

}  // namespace casekit
