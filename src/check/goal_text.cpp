#include "check/goal_text.hpp"

#include <algorithm>
#include <cctype>

#include "base/date.hpp"
#include "base/embedded.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

struct VagueAction {
  std::vector<std::string> words, not_before;
  bool only_at_end = false;
};

struct GoalWords {
  std::vector<VagueAction> vague;
  std::vector<std::string> time_units, span_before, frequency_words, address_words, address_before,
      clock_words, strength_common, activity_not_before;
  std::vector<std::vector<std::string>> named_targets, recurring, frequency;
};

GoalWords load() {
  YamlNode root = parse_yaml(embedded_file("goal_words.yaml"), "goal_words.yaml");
  GoalWords w;
  for (const auto& v : root.find("vague_actions")->items)
    w.vague.push_back({statement_words(v.text_at("phrase")), v.texts_at("not_before"),
                       v.text_at("only_at_end") == "true"});
  w.time_units = root.texts_at("time_units");
  w.span_before = root.texts_at("span_before");
  w.frequency_words = root.texts_at("frequency_words");
  w.address_words = root.texts_at("address_words");
  w.address_before = root.texts_at("address_before");
  w.clock_words = root.texts_at("clock_words");
  w.strength_common = root.texts_at("strength_common_words");
  for (const auto& target : root.texts_at("named_targets"))
    w.named_targets.push_back(statement_words(target));
  w.activity_not_before = root.texts_at("activity_not_before");
  for (const auto& phrase : root.texts_at("recurring_activities"))
    w.recurring.push_back(statement_words(phrase));
  for (const auto& phrase : root.texts_at("frequency_phrases"))
    w.frequency.push_back(statement_words(phrase));
  return w;
}

const GoalWords& goal_word_lists() {
  static const GoalWords words = load();
  return words;
}

bool in(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool has_digit(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool is_month(const std::string& word) {
  static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  return word.size() >= 3 && std::any_of(std::begin(months), std::end(months),
                                         [&](const char* m) { return word.rfind(m, 0) == 0; });
}

// 2027-06-30, 3/15/2027, 3/15, or a year on its own ("by 2027").
bool is_date(const std::string& w) {
  if (w.size() == 10 && w[4] == '-' && w[7] == '-' && Date::parse(w)) return true;
  bool digits_and_slashes =
      std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c) || c == '/'; });
  if (digits_and_slashes && w.find('/') != std::string::npos) return true;
  return w.size() == 4 && digits_and_slashes && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0);
}

// Whether the number at w[i] is part of a date, a time span, a time of
// day or an address rather than a measure.
bool not_a_measure(const std::vector<std::string>& w, std::size_t i) {
  const GoalWords& g = goal_word_lists();
  auto at = [&](std::size_t k) { return k < w.size() ? w[k] : std::string(); };
  if (is_date(w[i]) || (i > 0 && is_month(w[i - 1])) || (i > 1 && is_month(w[i - 2]))) return true;
  if (i > 0 && in(g.address_before, w[i - 1])) return true;
  for (std::size_t k = i + 1; k <= i + 3 && k < w.size(); ++k)
    if (in(g.address_words, w[k])) return true;
  // "5 p.m.", "from 5 to 9 p.m."
  std::size_t next = i + 1;
  while (next < w.size() && (has_digit(w[next]) || w[next] == "to" || w[next] == "and")) ++next;
  if (in(g.clock_words, at(next)) || in(g.clock_words, at(i + 1))) return true;
  // "within 3 months" is a time span; "20 hours a week" a frequency.
  return i > 0 && in(g.span_before, w[i - 1]) && in(g.time_units, at(i + 1)) &&
         !in(g.frequency_words, at(i + 2));
}

bool starts_with(const std::vector<std::string>& w, std::size_t at,
                 const std::vector<std::string>& phrase) {
  if (at + phrase.size() > w.size()) return false;
  return std::equal(phrase.begin(), phrase.end(), w.begin() + static_cast<long>(at));
}

// A word's plain form, the same on both sides of a comparison: "reader"
// and "reads" are "read", "sisters" and "sister" "sist".
std::string stem(std::string word) {
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
  while (!word.empty() && word.back() == '\'') word.pop_back();
  for (std::string_view suffix : {"ing", "ers", "er", "ed", "es", "s", "ly"})
    if (word.size() >= suffix.size() + 3 &&
        word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0)
      return word.substr(0, word.size() - suffix.size());
  return word;
}

std::vector<std::string> distinctive_words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : statement_words(text)) {
    std::string s = stem(w);
    if (!in(goal_word_lists().strength_common, s) && !in(goal_word_lists().strength_common, w))
      out.push_back(s);
  }
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Monday, Mon, M, Tu, Th, R ... as schedules write them.
int weekday(std::string_view word) {
  static const char* const days[][5] = {
      {"monday", "mon", "m", "", ""},        {"tuesday", "tues", "tue", "tu", "t"},
      {"wednesday", "wed", "weds", "w", ""}, {"thursday", "thurs", "thur", "thu", "th"},
      {"friday", "fri", "f", "", ""},        {"saturday", "sat", "sa", "", ""},
      {"sunday", "sun", "su", "", ""}};
  for (int d = 0; d < 7; ++d)
    for (const char* name : days[d])
      if (*name && word == name) return d;
  return word == "r" ? 3 : -1;
}

// "Mon/Wed/Fri", "M-F", "Tu/Th": a weekly schedule in one word.
bool weekday_schedule(const std::string& word) {
  if (word.find_first_of("/-") == std::string::npos) return false;
  std::size_t days = 0, begin = 0;
  for (std::size_t end = 0; end <= word.size(); ++end) {
    if (end < word.size() && word[end] != '/' && word[end] != '-') continue;
    // "Mon.-Thurs.": a day written short with its period.
    std::string_view day = std::string_view(word).substr(begin, end - begin);
    if (!day.empty() && day.back() == '.') day.remove_suffix(1);
    if (weekday(day) < 0) return false;
    ++days;
    begin = end + 1;
  }
  return days >= 2;
}

// "M, W, F", "T and Th": days written as a letter or two are read only one
// after the other, as a schedule writes them, since a lone "m" or "t" is
// seldom a day.
bool short_weekdays(const std::vector<std::string>& w, std::size_t i) {
  auto day = [&](std::size_t k) { return k < w.size() && w[k].size() < 3 ? weekday(w[k]) : -1; };
  if (day(i) < 0) return false;
  std::size_t next = i + 1;
  if (next < w.size() && (w[next] == "and" || w[next] == "or")) ++next;
  return day(next) >= 0 && day(next) != day(i);
}

// "Monday and Wednesday", "Tuesday, Thursday": two days named close
// together are a weekly schedule; one ("on Tuesday") may be a single day.
bool two_weekdays(const std::vector<std::string>& w, std::size_t i) {
  if (short_weekdays(w, i)) return true;
  if (w[i].size() < 3 || weekday(w[i]) < 0) return false;
  for (std::size_t k = i + 1; k < w.size() && k <= i + 3; ++k)
    if (w[k].size() >= 3 && weekday(w[k]) >= 0 && weekday(w[k]) != weekday(w[i])) return true;
  return false;
}

// "3x", "2x/week", "3 sessions/week", "twice/month": a frequency in one word.
bool says_how_often(const std::string& word) {
  if (weekday_schedule(word)) return true;
  std::size_t digits = 0;
  while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
  if (digits > 0 && digits < word.size() && word[digits] == 'x' &&
      (digits + 1 == word.size() || word[digits + 1] == '/'))
    return true;
  for (std::string_view per : {"/week", "/wk", "/month", "/day", "/mo"})
    if (word.size() > per.size() && word.compare(word.size() - per.size(), per.size(), per) == 0)
      return true;
  return false;
}

}  // namespace

std::vector<std::string> statement_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    while (!word.empty() && (word.back() == '.' || word.back() == '-')) word.pop_back();
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '%' || c == '-' || c == '/' || c == '.' || c == '$' || c == '\'')
      word += static_cast<char>(std::tolower(u));
    else
      flush();
  }
  flush();
  return words;
}

std::optional<std::string> vague_action(std::string_view statement) {
  std::vector<std::string> w = statement_words(statement.substr(0, 400));
  auto will = std::find(w.begin(), w.end(), "will");
  if (will == w.end()) return std::nullopt;
  auto action = static_cast<std::size_t>(will - w.begin()) + 1;
  for (const auto& v : goal_word_lists().vague) {
    if (!starts_with(w, action, v.words)) continue;
    std::size_t after = action + v.words.size();
    if (v.only_at_end && after < w.size()) continue;
    if (after < w.size() && in(v.not_before, w[after])) continue;
    std::string phrase;
    for (const auto& word : v.words) phrase += (phrase.empty() ? "" : " ") + word;
    return phrase;
  }
  return std::nullopt;
}

bool names_a_measure(std::string_view statement) {
  std::vector<std::string> w = statement_words(statement);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (has_digit(w[i]) && !not_a_measure(w, i)) return true;
    for (const auto& target : goal_word_lists().named_targets)
      if (starts_with(w, i, target)) return true;
  }
  return false;
}

std::optional<std::string> recurring_activity(std::string_view text) {
  std::vector<std::string> w = statement_words(text);
  for (std::size_t i = 0; i < w.size(); ++i)
    for (const auto& phrase : goal_word_lists().recurring)
      if (starts_with(w, i, phrase) &&
          !(i + phrase.size() < w.size() &&
            in(goal_word_lists().activity_not_before, w[i + phrase.size()])))
        return joined(phrase);
  return std::nullopt;
}

bool states_frequency(std::string_view text) {
  std::vector<std::string> w = statement_words(text);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (says_how_often(w[i]) || two_weekdays(w, i)) return true;
    // "every 2 weeks", "every 10 days"
    if (w[i] == "every" && i + 2 < w.size() && has_digit(w[i + 1]) &&
        in(goal_word_lists().time_units, w[i + 2]))
      return true;
    for (const auto& phrase : goal_word_lists().frequency)
      // "within a week" is a time span, not "a week" of "twice a week".
      if (starts_with(w, i, phrase) &&
          !(phrase[0] == "a" && i > 0 && in(goal_word_lists().span_before, w[i - 1])))
        return true;
  }
  return false;
}

bool strength_recorded(std::string_view used, const std::vector<std::string>& recorded) {
  std::vector<std::string> words = distinctive_words(used);
  for (const auto& strength : recorded) {
    std::vector<std::string> theirs = distinctive_words(strength);
    if (words.empty() && statement_words(used) == statement_words(strength)) return true;
    for (const auto& word : words)
      if (in(theirs, word)) return true;
  }
  return false;
}

std::vector<std::string> goal_words(std::string_view text) {
  return distinctive_words(text);
}

}  // namespace casekit
