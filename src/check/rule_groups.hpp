// The rule groups of casekit check: one per checklist of the desk guides'
// coaching tool, each a row of one table. The engine runs the rows in
// order; the checklist and JUnit reporters take their checklists and
// headings from the same rows. A rule belongs to the group its
// `checklist:` in src/data/rules.yaml names.
#pragma once

#include <span>
#include <string_view>

namespace casekit {

class RuleContext;
struct ClientRecord;
struct Plan;

struct RuleGroup {
  std::string_view checklist;  // as rules.yaml's `checklist:` names it
  std::string_view title;      // its heading in --format checklist
  // Adds the group's findings; null for structure, whose rules (format/*)
  // run while the record is loaded.
  void (*run)(RuleContext&);
  // Whether the record has something for the group to check: the plan's
  // rules need a plan, the note rules notes.
  bool (*applies)(const ClientRecord&);
  // Why a record may give the group nothing to check, for the checklist's
  // "Not checked" line; empty when it always has something.
  std::string_view absent = {};
};

// How far from a key event (a service's start or end, a hire) its note may
// come, either way: within a week (case/service-event-note,
// case/employment-note).
inline constexpr int kEventNoteDays = 7;

// Structure first, then the checklists in the desk guide's order.
std::span<const RuleGroup> rule_groups();
const RuleGroup* find_rule_group(std::string_view checklist);

void check_assessment(RuleContext& ctx);
void check_plan(RuleContext& ctx);
void check_goals(RuleContext& ctx);
void check_notes(RuleContext& ctx);
// note/concise, called by check_notes (rules_note_concise.cpp).
void check_note_concise(RuleContext& ctx);
// note/emergent-need-impact, called by check_notes (rules_note_emergent.cpp).
void check_emergent_need_impact(RuleContext& ctx);
// plan/referral-consent and plan/referral-follow-up, called by check_plan
// (rules_referral.cpp).
void check_referral_consents(RuleContext& ctx, const Plan& plan);
void check_referral_follow_up(RuleContext& ctx);
// goal/client-words, plan/service-without-goal and plan/exit-plan, called
// by check_plan (rules_plan_parts.cpp).
void check_plan_parts(RuleContext& ctx, const Plan& plan);
void check_case(RuleContext& ctx);
// case/goal-progress, case/service-progress and case/referral-review,
// called by check_case (rules_case_progress.cpp).
void check_case_progress(RuleContext& ctx);
// case/plan-narrated, called by check_case (rules_case_plan.cpp).
void check_plan_narrated(RuleContext& ctx);
// case/employment-note, called by check_case (rules_case_events.cpp).
void check_employment_notes(RuleContext& ctx);
void check_events_ahead(RuleContext& ctx);
void check_language(RuleContext& ctx);

}  // namespace casekit
