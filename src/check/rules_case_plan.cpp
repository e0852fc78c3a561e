// case/plan-narrated: seed 004, "Case Plan Documentation: Narrate the
// contact and the new/updated case plan ... If the client does not sign
// the case plan, narrate the reason why and that an explanation of the
// plan was provided to the client." Writing or reviewing the plan is a
// contact like any other, so its note is due within the note deadline.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "check/note_text.hpp"
#include "check/rule_groups.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

bool says(const Note& n, const char* list_name) {
  const WordList* list = find_word_list(list_name);
  return list && !first_phrase(note_prose(n), *list).empty();
}

// A note tells of the plan when it speaks of it ("went over his service
// plan", "the ISP") or names the goals the contact was about.
bool tells_of_plan(const Note& n) {
  return !n.goals.empty() || says(n, "case/plan-narrated");
}

// Whether a note dated within the note deadline of `day`, either way,
// passes `test`: the plan's date may be the day it was typed up, a day
// from the meeting the note is dated.
template <typename Test>
bool note_near(const RuleContext& ctx, const Date& day, Test test) {
  int deadline = ctx.settings.note_deadline_days;
  return std::any_of(ctx.record.notes.begin(), ctx.record.notes.end(), [&](const Note& n) {
    return std::labs(days_between(day, n.date)) <= deadline && !is_attempt(n) && test(n);
  });
}

void check_told(RuleContext& ctx, const Date& day, const char* key, const char* what) {
  if (days_between(day, ctx.today) <= ctx.settings.note_deadline_days) return;
  if (note_near(ctx, day, tells_of_plan)) return;
  ctx.report(
      "case/plan-narrated", ctx.at(ctx.files.plan, {key}),
      fmt::format("the plan was {} on {}, and no note of those days tells of it", what, day.str()),
      fmt::format("add a note of that contact, dated {}, that says what the plan now holds "
                  "and that the client agreed to it",
                  day.str()));
}

// The client declined to sign: the reason is the signature's `declined:`
// (plan/signature asks for it), and a note of those days tells that the
// plan was explained to them, since it is in effect all the same.
void check_declined(RuleContext& ctx, const Plan& p) {
  const Signature& s = p.client_signature;
  if (is_blank(s.declined)) return;
  std::optional<Date> day = s.date ? s.date : p.reviewed ? p.reviewed : p.created;
  if (!day || days_between(*day, ctx.today) <= ctx.settings.note_deadline_days) return;
  if (note_near(ctx, *day, [](const Note& n) { return says(n, "case/plan-narrated/explained"); }))
    return;
  ctx.report("case/plan-narrated", ctx.at(ctx.files.plan, {"signatures", "client", "declined"}),
             fmt::format("the client did not sign the plan, and no note of {} tells that the plan "
                         "was explained to them",
                         day->str()),
             "in the note of that contact, say that you explained the plan, which is in effect all "
             "the same, and that the client did not sign, and why");
}

}  // namespace

void check_plan_narrated(RuleContext& ctx) {
  const std::optional<Plan>& p = ctx.record.plan;
  if (!p) return;
  if (p->created) check_told(ctx, *p->created, "created", "written");
  if (p->reviewed && p->reviewed != p->created)
    check_told(ctx, *p->reviewed, "reviewed", "reviewed");
  check_declined(ctx, *p);
}

}  // namespace casekit
