// case/employment-note: seed 003, "Case notes should be driven by key
// events such as: ... Employment changes (Termination, Hiring)". A hire
// shows in the record when a goal of getting a job is achieved; the week
// around that day has a note that tells of it. A job lost shows in no field
// apart from the note that tells it, so only the hire is checked.
// case/event-ahead: a date that says something happened, after today.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "check/check.hpp"
#include "check/note_text.hpp"
#include "check/rule_groups.hpp"
#include "schema/dates_ahead.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

bool has_phrase(const std::string& text, const char* list_name) {
  const WordList* list = find_word_list(list_name);
  return list && !first_phrase(text, *list).empty();
}

// A goal whose outcome is a job ("Enters employment", "get a job of at
// least 20 hours a week").
bool is_job_goal(const ShortTermGoal& g) {
  return has_phrase(g.program_outcome + ". " + g.statement, "case/employment-note/goal");
}

// A note tells of the hire when it is marked as an employment change, is
// about the goal, or says so ("was hired", "started work at").
bool tells_of_hire(NoteText& n, const ShortTermGoal& g) {
  return n.note->event == "employment-change" || n.refers_to_goal(g.id) ||
         has_phrase(note_prose(*n.note), "case/employment-note");
}

}  // namespace

void check_employment_notes(RuleContext& ctx) {
  const std::optional<Plan>& p = ctx.record.plan;
  if (!p) return;
  std::vector<NoteText> notes = notes_by_date(ctx.record);
  for (std::size_t i = 0; i < p->short_term_goals.size(); ++i) {
    const ShortTermGoal& g = p->short_term_goals[i];
    if (g.status != "achieved" || !g.status_date || !is_job_goal(g)) continue;
    const Date& hired = *g.status_date;
    if (days_between(hired, ctx.today) <= kEventNoteDays) continue;
    bool told = std::any_of(notes.begin(), notes.end(), [&](NoteText& n) {
      return std::labs(days_between(hired, n.note->date)) <= kEventNoteDays &&
             !is_attempt(*n.note) && tells_of_hire(n, g);
    });
    if (told) continue;
    ctx.report("case/employment-note", ctx.at(ctx.files.plan, {"short_term_goals", i, "status"}),
               {SubjectKind::goal, g.id},
               fmt::format("goal {} (a job) was achieved on {}, and no note within a week tells "
                           "of the hire",
                           g.id, hired.str()),
               fmt::format("add a note with `--event employment-change` and `--goal {}`: the "
                           "employer, the start date, the hours and the pay",
                           g.id));
  }
}

// 001: "Written soon after interaction with client to ensure accuracy":
// a step dated after today was written before it happened, or is a typo.
// The same dates writes refuse (schema/dates_ahead.hpp).
void check_events_ahead(RuleContext& ctx) {
  const std::pair<const std::optional<SourceFile>*, FileKind> files[] = {
      {&ctx.files.client, FileKind::client}, {&ctx.files.plan, FileKind::plan}};
  for (const auto& entry : files) {
    const std::optional<SourceFile>& file = *entry.first;
    if (!file || !file->parsed) continue;
    for (auto& ahead : events_dated_ahead(file->tree, entry.second, file->display, ctx.today))
      ctx.report("case/event-ahead", ahead.where, std::move(ahead.message),
                 "correct the date to the day it happened, or leave it out until it has");
  }
}

}  // namespace casekit
