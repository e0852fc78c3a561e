// note/emergent-need-impact: seed 003, "Addressing emergent needs in the
// plan: Document the need in the case notes. Describe how the need is
// adversely impacting the participant's ability to reach their goal."
// plan/stale-after-emergent-need checks the first and the last step; this
// checks the middle one: the note names the goal, and says how the need
// gets in its way.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/check.hpp"
#include "check/goal_text.hpp"
#include "check/note_text.hpp"
#include "check/rule_groups.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

// goal_words' stems, one form for singular and plural: it makes "class"
// "clas" and "classes" "class", and a note says either; without their
// final s's both are "cla".
std::string tie_form(std::string word) {
  while (word.size() > 3 && word.back() == 's') word.pop_back();
  return word;
}

std::vector<std::string> tie_words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : goal_words(text)) out.push_back(tie_form(std::move(w)));
  return out;
}

// Words that tie a text to no goal in particular (words.yaml): "week",
// "attend", the client's name.
std::set<std::string> untied_words(const Client& client) {
  std::set<std::string> out;
  if (const WordList* list = find_word_list("note/emergent-need-impact/common"))
    for (const auto& e : list->entries)
      for (auto& w : tie_words(e.phrase)) out.insert(w);
  for (const std::string* name : {&client.name, &client.preferred_name})
    for (auto& w : tie_words(*name)) out.insert(w);
  return out;
}

// What a goal is about, in words a note may use instead of its id.
std::set<std::string> words_of_goal(const ShortTermGoal& g, const std::set<std::string>& untied) {
  std::set<std::string> out;
  for (auto& w : tie_words(g.statement))
    if (!w.empty() && !std::isdigit(static_cast<unsigned char>(w[0])) && !untied.count(w))
      out.insert(w);
  return out;
}

// The goal the note ties its need to: one in `goals:`, one whose id (or
// its long-term goal's) the prose gives, or one whose words it uses; empty
// when none.
std::string goal_named(NoteText& text, const Plan& p, const std::set<std::string>& untied) {
  if (!text.note->goals.empty()) return text.note->goals.front();
  for (const auto& g : p.short_term_goals)
    if (text.refers_to_goal(g.id)) return g.id;
  for (const auto& g : p.long_term_goals)
    if (text.refers_to_goal(g.id)) return g.id;
  std::vector<std::string> said = tie_words(note_prose(*text.note));
  for (const auto& g : p.short_term_goals) {
    if (g.status != "active") continue;
    std::set<std::string> words = words_of_goal(g, untied);
    for (const auto& w : said)
      if (words.count(w)) return g.id;
  }
  return {};
}

// Whether the prose says how the need gets in the way ("can't attend",
// "missed", "behind on"), from the list in words.yaml.
bool tells_impact(const Note& n) {
  const WordList* list = find_word_list("note/emergent-need-impact");
  return list && !first_phrase(note_prose(n), *list).empty();
}

void check_note(RuleContext& ctx, NoteText& text, const std::set<std::string>& untied) {
  const Note& n = *text.note;
  std::string goal = goal_named(text, *ctx.record.plan, untied);
  bool impact = tells_impact(n);
  if (!goal.empty() && impact) return;
  std::string missing = goal.empty() && !impact ? "which goal it gets in the way of, nor how"
                        : goal.empty()          ? "which goal it gets in the way of"
                                                : fmt::format("how it gets in the way of {}", goal);
  ctx.report("note/emergent-need-impact", ctx.at(n, goal.empty() ? "event" : "assessment"),
             fmt::format("the note of {} records an emergent need, and does not say {}",
                         n.date.str(), missing),
             "name the goal in `goals:` and say what the need keeps the client from doing "
             "toward it: \"can't attend the HSE class while ...\", \"missed two sessions\"");
}

}  // namespace

void check_emergent_need_impact(RuleContext& ctx) {
  const std::optional<Plan>& plan = ctx.record.plan;
  if (!plan || plan->short_term_goals.empty()) return;
  std::set<std::string> untied;
  bool read_untied = false;
  for (const auto& n : ctx.record.notes) {
    // An intake note written before the plan has no goal to name yet.
    if (n.event != "emergent-need" || (plan->created && n.date < *plan->created)) continue;
    if (!read_untied) untied = untied_words(ctx.record.client), read_untied = true;
    NoteText text{&n};
    check_note(ctx, text, untied);
  }
}

}  // namespace casekit
