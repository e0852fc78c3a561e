#include "check/rule_groups.hpp"

#include <algorithm>
#include <array>

#include "record/model.hpp"

namespace casekit {
namespace {

bool always(const ClientRecord&) {
  return true;
}
bool has_assessment(const ClientRecord& r) {
  return r.client.assessment.present;
}
bool has_plan(const ClientRecord& r) {
  return r.plan.has_value();
}
bool has_notes(const ClientRecord& r) {
  return !r.notes.empty();
}

// The initial assessment's group always has assessment/missing to check.
// clang-format off
constexpr std::array<RuleGroup, 7> kGroups = {{
    {"structure", "Record format", nullptr, always},
    {"initial-assessment", "Initial Assessment", check_assessment, has_assessment},
    {"service-plan", "Individual Service Plan", check_plan, has_plan,
     "there is no service plan yet"},
    {"short-term-goal", "ISP Short-Term Goals", check_goals, has_plan,
     "there is no service plan yet"},
    {"progress-note", "Progress Notes", check_notes, has_notes,
     "there are no progress notes yet"},
    {"case", "Case Coordination", check_case, always},
    {"writing", "Writing (every file of the record)", check_language, always},
}};
// clang-format on

}  // namespace

std::span<const RuleGroup> rule_groups() {
  return kGroups;
}

const RuleGroup* find_rule_group(std::string_view checklist) {
  auto found = std::find_if(kGroups.begin(), kGroups.end(),
                            [&](const RuleGroup& g) { return g.checklist == checklist; });
  return found == kGroups.end() ? nullptr : &*found;
}

}  // namespace casekit
