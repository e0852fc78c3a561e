// Short-term goal rules: the ISP short-term goal checklist (seed 001) and
// the S.M.A.R.T.S. example (seed 000); scope from seed 002.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "check/check.hpp"
#include "check/rule_text.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

// Words of a statement, lower case, with their punctuation stripped.
// Scanned by hand: std::regex recurses per character and a pasted
// 50 KB statement would overflow the stack.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '%' || c == '-' || c == '/' ||
        c == '.' || c == '$') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      while (!word.empty() && word.back() == '.') word.pop_back();
      if (!word.empty()) words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// "Xavier will improve ...": a subject of up to four words, then "will"
// and an action.
bool has_subject_and_action(const std::string& statement) {
  std::vector<std::string> w = words_of(statement.substr(0, 400));
  for (std::size_t i = 1; i < w.size() && i <= 4; ++i) {
    if (w[i] != "will") continue;
    std::size_t action = i + 1 < w.size() && w[i + 1] == "not" ? i + 2 : i + 1;
    return action < w.size() && std::isalpha(static_cast<unsigned char>(w[action][0]));
  }
  return false;
}

bool is_month(const std::string& word) {
  static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  return word.size() >= 3 && std::any_of(std::begin(months), std::end(months),
                                         [&](const char* m) { return word.rfind(m, 0) == 0; });
}

bool is_iso_date(const std::string& w) {
  return w.size() == 10 && w[4] == '-' && w[7] == '-' && Date::parse(w);
}

// A measurable indicator: a number that is not part of a date ("from 75%
// to 78%", "10 applications"); "by 2027-06-30" or "by March 1, 2027" makes
// a goal time-framed, not measurable.
bool has_number(const std::string& s) {
  std::vector<std::string> w = words_of(s);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (std::none_of(w[i].begin(), w[i].end(), [](unsigned char c) { return std::isdigit(c); }) ||
        is_iso_date(w[i]))
      continue;
    bool after_month = i > 0 && is_month(w[i - 1]);
    bool year_after_day = i > 1 && is_month(w[i - 2]) && w[i].size() == 4;
    if (!after_month && !year_after_day) return true;
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

void check_smart(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (!has_subject_and_action(g.statement))
    ctx.report(
        "goal/specific", goal_key(ctx, i, "statement"), about(g),
        fmt::format("goal {} does not say who will do what (\"NAME will ...\")", g.id),
        "start with the client and an action, like \"Teresa will increase her Math grade ...\"");
  // A target is the tangible indicator (seed 000: "individualized
  // indicators"); a baseline is added where one exists, as
  // note/measure-goal also asks.
  bool measured = g.measure && g.measure->target;
  if (!measured && !has_number(g.statement))
    ctx.report(
        "goal/measurable", goal_key(ctx, i, "statement"), about(g),
        fmt::format("goal {} has no measure: nothing says what reaching it will look like", g.id),
        "add `measure: {target: ..., unit: ...}` (and `baseline:` where one exists), or a number "
        "in the statement: from 75% to 78%");
  if (!g.target_date)
    ctx.report("goal/time-framed", g.where, about(g),
               fmt::format("short-term goal {} has no target date", g.id),
               "add `target_date: YYYY-MM-DD`");
  for (std::size_t m = 0; m < g.milestones.size(); ++m)
    if (!g.milestones[m].due && !g.milestones[m].done)
      ctx.report("goal/time-framed",
                 ctx.at(ctx.files.plan, {"short_term_goals", i, "milestones", m}), about(g),
                 fmt::format("milestone {} of goal {} has no due date", m + 1, g.id),
                 "add `due:` to the milestone");
  if (g.strengths_used.empty())
    ctx.report(
        "goal/strength-based", g.where, about(g),
        fmt::format("goal {} does not say which of the client's strengths it builds on", g.id),
        "add `strengths_used:` with strengths from the assessment");
}

void check_parts(RuleContext& ctx, const ShortTermGoal& g, std::size_t i) {
  if (g.milestones.empty())
    ctx.report(
        "goal/milestones", g.where, about(g),
        fmt::format("goal {} has no milestones (incremental steps toward it)", g.id),
        "add steps with `casekit plan CLIENT add-milestone " + g.id + " --step ... --due ...`");
  if (is_blank(g.methods))
    ctx.report("goal/methods", g.where, about(g),
               fmt::format("goal {} does not say how the tasks will be accomplished", g.id),
               "add `methods:` with how: classes, tutoring, workshops, where and when");
  if (is_blank(g.responsible))
    ctx.report("goal/responsible", g.where, about(g),
               fmt::format("goal {} does not say who is responsible", g.id),
               "add `responsible:` with who does which tasks");
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
    check_smart(ctx, goals[i], i);
    check_parts(ctx, goals[i], i);
    check_time_and_scope(ctx, goals[i], i);
  }
}

}  // namespace casekit
