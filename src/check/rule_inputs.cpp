#include "check/rule_inputs.hpp"

#include <algorithm>
#include <unordered_set>

namespace casekit {

std::optional<ClientFiles> files_for_rules(const ClientFiles& files) {
  std::unordered_set<std::string> broken;
  for (const auto& d : files.diagnostics)
    if (d.severity == Severity::error) broken.insert(d.location.file);
  if (broken.empty()) return files;
  std::size_t notes_broken = 0;
  for (const auto& note : files.notes) notes_broken += broken.count(note.display);
  // An error in any other file (or in no file: one that could not be read).
  if (notes_broken != broken.size()) return std::nullopt;
  ClientFiles readable = files;
  std::erase_if(readable.notes,
                [&](const SourceFile& note) { return broken.count(note.display) != 0; });
  std::erase_if(readable.diagnostics,
                [&](const Diagnostic& d) { return broken.count(d.location.file) != 0; });
  return readable;
}

bool reads_every_note(std::string_view rule) {
  static const std::string_view kRules[] = {
      "case/contact-gap",      "case/service-event-note",       "case/goal-progress",
      "case/service-progress", "case/referral-review",          "case/plan-narrated",
      "case/employment-note",  "plan/stale-after-emergent-need"};
  return std::find(std::begin(kRules), std::end(kRules), rule) != std::end(kRules);
}

}  // namespace casekit
