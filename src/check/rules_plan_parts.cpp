// The parts of a plan the desk guides list beside its goals and needs:
// the long-term goals in the client's own words (000, 002), services that
// help reach the goals (003) and the exit plan (000). Called by
// check_plan; see src/data/rules.yaml for the sources.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/embedded.hpp"
#include "check/blank_text.hpp"
#include "check/check.hpp"
#include "check/rule_groups.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

// The words of a text, lower case, apostrophes kept ("i'm").
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80 || (c == '\'' && !words.back().empty()))
      words.back() += static_cast<char>(std::tolower(u));
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

bool any_of_words(const std::vector<std::string>& words, const std::vector<std::string>& list) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  });
}

// Whether a quotation reads as speech, not a title: a word of four letters
// or more in lower case ("fix computers for a living"), where a program's
// name capitalizes each ("Pathways to Work Readiness").
bool spoken(std::string_view quoted) {
  std::size_t begin = 0;
  for (std::size_t end = 0; end <= quoted.size(); ++end) {
    if (end < quoted.size() && std::isalpha(static_cast<unsigned char>(quoted[end]))) continue;
    if (end - begin >= 4 && std::islower(static_cast<unsigned char>(quoted[begin]))) return true;
    begin = end + 1;
  }
  return false;
}

// Whether a quotation is the client's words: at least three of them ("ok"
// or a scare-quoted "motivated" is no one speaking), in the first person
// ("I want to ...") or introduced as said ("he says", "in his words": the
// attribution words of words.yaml). A program's name in quotes is neither.
bool clients_quotation(std::string_view before, std::string_view quoted) {
  static const std::vector<std::string> kFirstPerson = {
      "i", "i'm", "i'd", "i'll", "i've", "me", "my", "myself", "we", "we're", "us", "our"};
  static const std::vector<std::string> kSaid =
      parse_yaml(embedded_file("words.yaml"), "words.yaml").texts_at("quote_attribution");
  std::vector<std::string> inside = words_of(quoted);
  if (inside.size() < 3) return false;
  std::vector<std::string> lead = words_of(before);
  if (lead.size() > 5) lead.erase(lead.begin(), lead.end() - 5);
  return any_of_words(inside, kFirstPerson) || any_of_words(lead, kSaid) || spoken(quoted);
}

// Curly quotation marks as straight ones, so that one scan reads both.
std::string straight_quotes(std::string_view text) {
  std::string out(text);
  for (const auto& [curly, straight] : {std::pair{"\u201c", "\""}, std::pair{"\u201d", "\""},
                                        std::pair{"\u2018", "'"}, std::pair{"\u2019", "'"}})
    for (std::size_t at = out.find(curly); at != std::string::npos; at = out.find(curly, at))
      out.replace(at, std::string_view(curly).size(), straight);
  return out;
}

// Whether the text quotes the client, in double quotes or in single quotes
// that open after a space and close before one (an apostrophe, as in
// "Marcus's" or "his sisters' help", opens nothing).
bool quotes_words(std::string_view statement) {
  std::string text = straight_quotes(statement);
  for (std::size_t open = text.find('"'); open != std::string::npos;) {
    std::size_t close = text.find('"', open + 1);
    if (close == std::string::npos) break;
    if (clients_quotation(std::string_view(text).substr(0, open),
                          std::string_view(text).substr(open + 1, close - open - 1)))
      return true;
    open = text.find('"', close + 1);
  }
  auto letter = [&](std::size_t at) {
    return at < text.size() && std::isalpha(static_cast<unsigned char>(text[at]));
  };
  for (std::size_t open = text.find('\''); open != std::string::npos;
       open = text.find('\'', open + 1)) {
    if (open > 0 && (letter(open - 1) || std::isdigit(static_cast<unsigned char>(text[open - 1]))))
      continue;
    std::size_t close = open + 1;
    while ((close = text.find('\'', close)) != std::string::npos && letter(close + 1)) ++close;
    if (close == std::string::npos) break;
    if (clients_quotation(std::string_view(text).substr(0, open),
                          std::string_view(text).substr(open + 1, close - open - 1)))
      return true;
    open = close;
  }
  return false;
}

// Whether the word before text[at] is capitalized and joined to it by a
// space alone ("Part I", "Level I").
bool after_name(const std::string& text, std::size_t at) {
  if (at < 2 || text[at - 1] != ' ') return false;
  std::size_t begin = text.rfind(' ', at - 2);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return std::isupper(static_cast<unsigned char>(text[begin])) &&
         std::isalpha(static_cast<unsigned char>(text[at - 2]));
}

// A statement the client says in the first person ("I want to be a
// nurse like my cousin") is their words without quotation marks. "We
// will ..." is as often the program speaking, and is not counted.
bool first_person(std::string_view statement) {
  std::size_t begin = statement.find_first_not_of(" \n\t\"'");
  if (begin == std::string_view::npos) return false;
  std::string start = to_lower(statement.substr(begin, 6));
  for (std::string_view opening : {"i ", "i'", "i\u2019", "my "})
    if (start.rfind(opening, 0) == 0) return true;
  // "In his words, I want to fix computers": a capital I within is the
  // client speaking, since the worker writes of the client in the third
  // person; one right after a capitalized word is a numeral ("Part I").
  std::string text = straight_quotes(statement);
  for (std::size_t at = text.find('I'); at != std::string::npos; at = text.find('I', at + 1)) {
    bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    char next = at + 1 < text.size() ? text[at + 1] : ' ';
    if (starts && (next == ' ' || next == '\'' || next == ',') && !after_name(text, at))
      return true;
  }
  return false;
}

// 000: "Use client's words/language"; 002: "outlining the individual's
// goals ... in their own words". A long-term goal is the client's hope
// for the future, so it carries what they said of it.
void check_client_words(RuleContext& ctx, const Plan& p) {
  for (const auto& g : p.long_term_goals) {
    if (!records_nothing(g.client_words) || quotes_words(g.statement) || first_person(g.statement))
      continue;
    ctx.report("goal/client-words", g.where, {SubjectKind::goal, g.id},
               fmt::format("long-term goal {} is not in the client's own words", g.id),
               "ask \"What do you want your future to look like?\" and write the answer as they "
               "said it under `client_words:`, or quote them in the statement");
  }
}

// What a service tied to no goal in effect lacks, in a case worker's words.
std::string untied(const Service& s) {
  if (!s.goals.empty())
    return fmt::format("service {} helps only discontinued goals ({})", s.id,
                       fmt::join(s.goals, ", "));
  if (s.needs.empty())
    return fmt::format("service {} does not say which goal it helps the client reach", s.id);
  return fmt::format(
      "service {} does not say which goal it helps the client reach, and no "
      "short-term goal works on its need ({})",
      s.id, fmt::join(s.needs, ", "));
}

// 003: "A list of services that will help the participant achieve the
// identified goals". A service helps a goal it names, or the goal that
// works on the same need; a need only the assessment has is no goal. A
// planned or active service helps a goal in effect (not discontinued); a
// completed one helped its goal while it ran, whatever became of it.
void check_service_goals(RuleContext& ctx, const Plan& p) {
  std::unordered_set<std::string_view> goals[2], needs[2];  // [0] all, [1] in effect
  for (const auto& g : p.short_term_goals)
    for (int in_effect = 0; in_effect <= (g.status != "discontinued"); ++in_effect) {
      goals[in_effect].insert(g.id);
      needs[in_effect].insert(g.needs.begin(), g.needs.end());
    }
  auto among = [](const Strings& ids, const std::unordered_set<std::string_view>& set) {
    return std::any_of(ids.begin(), ids.end(),
                       [&](const std::string& id) { return set.count(id); });
  };
  for (const auto& s : p.services) {
    if (s.status == "discontinued") continue;
    int current = s.status != "completed";
    if (!among(s.goals, goals[current]) && !among(s.needs, needs[current]))
      ctx.report("plan/service-without-goal", s.where, untied(s),
                 "add `goals: [G..]` with the goals it serves, or agree on a short-term goal for "
                 "the need with the client");
  }
}

// The day of the plan's first review: the program's interval after it was
// written, or the next review set for sooner, while none is recorded.
std::optional<Date> first_review(const Plan& p, std::optional<Date> written, int interval) {
  if (!written) return std::nullopt;
  Date due = written->add_days(interval);
  if (!p.reviewed && p.next_review && *p.next_review > *written && *p.next_review < due)
    due = *p.next_review;
  return due;
}

// 000 core components: "Exit Planning". An exit plan is written once the
// client and the case manager know the plan: by its first review (the
// review recorded, or the day it falls due), and a closed case has one:
// in the plan, or the one `casekit close --exit-plan` wrote with the closure.
void check_exit_plan(RuleContext& ctx, const Plan& p) {
  if (!records_nothing(p.exit_plan)) return;
  const Client& c = ctx.record.client;
  if (c.status == "closed" && !records_nothing(c.closure.exit_plan)) return;
  std::optional<Date> written = p.created ? p.created : c.opened;
  std::optional<Date> due = first_review(p, written, ctx.settings.plan_review_days);
  std::string when;
  if (c.status == "closed")
    when = "the case is closed";
  else if (p.reviewed && written && *p.reviewed > *written && *p.reviewed <= ctx.today)
    when = fmt::format("it was reviewed on {}", p.reviewed->str());
  else if (due && *due <= ctx.today)
    when = fmt::format("its first review was due on {}", due->str());
  else
    return;
  ctx.report("plan/exit-plan", ctx.at(ctx.files.plan, {"exit_plan"}),
             fmt::format("the plan has no exit plan, and {}", when),
             "write with the client when and how they will leave the program and what support "
             "continues afterwards, under `exit_plan:`");
}

}  // namespace

void check_plan_parts(RuleContext& ctx, const Plan& p) {
  check_client_words(ctx, p);
  check_service_goals(ctx, p);
  check_exit_plan(ctx, p);
}

}  // namespace casekit
