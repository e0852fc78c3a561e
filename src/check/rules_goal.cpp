// Short-term goal rules: the ISP short-term goal checklist (seed 001) and
// the S.M.A.R.T.S. example (seed 000); scope from seed 002.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "check/blank_text.hpp"
#include "check/check.hpp"
#include "check/goal_text.hpp"
#include "check/rule_groups.hpp"
#include "check/rule_text.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

// "Xavier will improve ...": a subject of up to four words, then "will"
// and an action.
bool has_subject_and_action(const std::string& statement) {
  std::vector<std::string> w = statement_words(std::string_view(statement).substr(0, 400));
  for (std::size_t i = 1; i < w.size() && i <= 4; ++i) {
    if (w[i] != "will") continue;
    std::size_t action = i + 1 < w.size() && w[i + 1] == "not" ? i + 2 : i + 1;
    return action < w.size() && std::isalpha(static_cast<unsigned char>(w[action][0]));
  }
  return false;
}

// Every goal finding is about its goal: the checklist has a block per goal.
Subject about(const ShortTermGoal& g) {
  return {SubjectKind::goal, g.id};
}

Location goal_key(RuleContext& ctx, std::size_t index, const char* key) {
  return ctx.at(ctx.files.plan, {"short_term_goals", index, key});
}

void check_specific(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (!has_subject_and_action(g.statement)) {
    ctx.report(
        "goal/specific", goal_key(ctx, i, "statement"), about(g),
        fmt::format("goal {} does not say who will do what (\"NAME will ...\")", g.id),
        "start with the client and an action, like \"Teresa will increase her Math grade ...\"");
  } else if (auto vague = vague_action(g.statement)) {
    ctx.report("goal/specific", goal_key(ctx, i, "statement"), about(g),
               fmt::format("goal {} says the client will \"{}\": no action or result anyone "
                           "could observe",
                           g.id, *vague),
               "say what the client will do or reach, like \"Marcus will submit 10 job "
               "applications\"");
  }
}

// A target is the tangible indicator (seed 000: "individualized
// indicators"); a baseline is added where one exists, as note/measure-goal
// also asks. A date or a street number in the statement measures nothing.
void check_measurable(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  bool measured = g.measure && g.measure->target;
  if (!measured && !names_a_measure(g.statement))
    ctx.report(
        "goal/measurable", goal_key(ctx, i, "statement"), about(g),
        fmt::format("goal {} has no measure: nothing says what reaching it will look like", g.id),
        "add `measure: {target: ..., unit: ...}` with `baseline:` where one exists, or a count, "
        "a percentage, a frequency or a score in the statement: from 75% to 78%");
}

void check_time_framed(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (!g.target_date)
    ctx.report("goal/time-framed", g.where, about(g),
               fmt::format("short-term goal {} has no target date", g.id),
               "add `target_date: YYYY-MM-DD`");
  for (std::size_t m = 0; m < g.milestones.size(); ++m) {
    const Milestone& step = g.milestones[m];
    if (!step.due && !step.done)
      ctx.report("goal/time-framed",
                 ctx.at(ctx.files.plan, {"short_term_goals", i, "milestones", m}), about(g),
                 fmt::format("milestone {} of goal {} has no due date", m + 1, g.id),
                 "add `due:` to the milestone");
    else if (step.due && g.target_date && *step.due > *g.target_date)
      ctx.report(
          "goal/time-framed",
          ctx.at(ctx.files.plan, {"short_term_goals", i, "milestones", m, "due"}), about(g),
          fmt::format("milestone {} of goal {} is due on {}, after the goal's target date {}",
                      m + 1, g.id, step.due->str(), g.target_date->str()),
          "move the milestone before the target date, or revise the goal's target date");
  }
}

// 000: "attend Math tutoring sessions 3x/week ... for the next 3 months";
// 000/001: "Frequency: 2x/week from 3-5 p.m. Duration: from January 1st -
// April 1st". A goal the client reaches by doing something again and
// again says how often; its duration is its target date (goal/time-framed)
// or `duration:`. A one-time step ("obtain a state ID") needs no frequency.
void check_frequency(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (!records_nothing(g.frequency)) return;
  std::string text = g.statement + "\n" + g.methods;
  std::optional<std::string> activity = recurring_activity(text);
  // 001 writes "Frequency: ... Duration: ..." together, and a worker may
  // put both in `duration:` ("weekly, 2026-10-05 to 2027-06-30").
  if (!activity || states_frequency(text) || states_frequency(g.duration)) return;
  ctx.report(
      "goal/frequency", goal_key(ctx, i, "statement"), about(g),
      fmt::format("goal {} asks for an activity the client keeps doing (\"{}\") and "
                  "does not say how often",
                  g.id, *activity),
      "add `frequency:` such as \"2x/week, Tuesday and Thursday, 3-5 p.m.\", or say how often "
      "in the statement or the methods");
}

// Seed 001: "Client's strengths and resources are used in developing
// goals": each strength the goal builds on is one the assessment records.
void check_strength_based(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (is_blank(g.strengths_used)) {
    ctx.report(
        "goal/strength-based", g.where, about(g),
        fmt::format("goal {} does not say which of the client's strengths it builds on", g.id),
        "add `strengths_used:` with strengths from the assessment");
    return;
  }
  const Assessment& a = ctx.record.client.assessment;
  std::vector<std::string> recorded = a.strengths;
  recorded.insert(recorded.end(), a.resources.begin(), a.resources.end());
  // An assessment without strengths or resources is assessment/strengths'
  // or assessment/resources' finding; the goals are compared with a whole one.
  if (is_blank(a.strengths) || is_blank(a.resources)) return;
  for (std::size_t s = 0; s < g.strengths_used.size(); ++s)
    if (!is_blank(g.strengths_used[s]) && !strength_recorded(g.strengths_used[s], recorded))
      ctx.report("goal/strength-based",
                 ctx.at(ctx.files.plan, {"short_term_goals", i, "strengths_used", s}), about(g),
                 fmt::format("goal {} builds on \"{}\", which the assessment does not record as "
                             "a strength or a resource",
                             g.id, g.strengths_used[s]),
                 "use the client's strengths as the assessment records them, or add it to the "
                 "assessment's `strengths:` or `resources:`");
}

void check_parts(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (g.milestones.empty())
    ctx.report(
        "goal/milestones", g.where, about(g),
        fmt::format("goal {} has no milestones (incremental steps toward it)", g.id),
        "add steps with `casekit plan CLIENT add-milestone " + g.id + " --step TEXT --due DATE`");
  if (is_blank(g.methods))
    ctx.report("goal/methods", g.where, about(g),
               fmt::format("goal {} does not say how the tasks will be accomplished", g.id),
               "add `methods:` with how: classes, tutoring, workshops, where and when");
  if (is_blank(g.responsible))
    ctx.report("goal/responsible", g.where, about(g),
               fmt::format("goal {} does not say who is responsible", g.id),
               "add `responsible:` with who does which tasks");
  // Seed 001: "Person Responsible = Who will accomplish the tasks
  // associated with the milestones?"
  for (std::size_t m = 0; m < g.milestones.size(); ++m)
    if (is_blank(g.milestones[m].who) && !g.milestones[m].done)
      ctx.report("goal/responsible",
                 ctx.at(ctx.files.plan, {"short_term_goals", i, "milestones", m}), about(g),
                 fmt::format("milestone {} of goal {} does not say who will do it", m + 1, g.id),
                 "add `who:` to the milestone: the client, the case manager or the partner");
  const auto& outcomes = ctx.settings.outcomes;
  if (is_blank(g.program_outcome))
    ctx.report("goal/program-outcome", g.where, about(g),
               fmt::format("goal {} is not connected to a program outcome", g.id),
               "add `program_outcome:` with one of the outcomes in casekit.yaml");
  else if (!outcomes.empty() && !is_one_of(g.program_outcome, outcomes))
    ctx.report("goal/program-outcome", goal_key(ctx, i, "program_outcome"), about(g),
               fmt::format("goal {}'s program outcome is not one of the program's outcomes", g.id),
               "use an outcome as written under `outcomes:` in casekit.yaml");
}

void check_time_and_scope(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (g.status == "active" && g.target_date && *g.target_date < ctx.today)
    ctx.report("goal/overdue", goal_key(ctx, i, "target_date"), about(g),
               fmt::format("goal {} was due on {} and is still active", g.id, g.target_date->str()),
               "review it with the client: mark it achieved, revise it with a new date, or "
               "discontinue it");
  auto match = scope_wording(g.statement);
  if (match)
    ctx.report("goal/scope-wording", goal_key(ctx, i, "statement"), about(g),
               fmt::format("goal {} asks for an outcome of treatment (\"{}\"), which belongs to "
                           "another profession",
                           g.id, *match),
               "connect the client to the service instead, like \"find free or low-cost treatment "
               "options for ...\"");
}

}  // namespace

void check_goals(RuleContext& ctx) {
  if (!ctx.record.plan) return;
  const auto& goals = ctx.record.plan->short_term_goals;
  for (std::size_t i = 0; i < goals.size(); ++i) {
    if (goals[i].status == "discontinued") continue;
    check_specific(ctx, goals[i], i);
    check_measurable(ctx, goals[i], i);
    check_time_framed(ctx, goals[i], i);
    check_frequency(ctx, goals[i], i);
    check_strength_based(ctx, goals[i], i);
    check_parts(ctx, goals[i], i);
    check_time_and_scope(ctx, goals[i], i);
  }
}

}  // namespace casekit
