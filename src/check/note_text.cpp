#include "check/note_text.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "base/embedded.hpp"
#include "check/check.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

// Letters and digits as std::isalnum and std::tolower take them in the "C"
// locale casekit runs in (ASCII), written out: every note's prose passes
// here, and a library call per byte showed.
std::string plain_words(std::string_view text) {
  std::string out = " ";
  out.reserve(text.size() + 2);
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '.' || c == '\'') continue;
    bool lower = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
    if (lower)
      out += c;
    else if (u >= 'A' && u <= 'Z')
      out += static_cast<char>(u - 'A' + 'a');
    else if (out.back() != ' ')
      out += ' ';
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

std::string note_prose(const Note& n) {
  std::string text = n.objective + " " + n.assessment + " " + n.data + " " + n.strengths;
  for (const auto& step : n.plan) text += " " + step.step;
  for (const auto& step : n.client_steps) text += " " + step;
  for (const auto& step : n.worker_steps) text += " " + step;
  return text;
}

// A service's name without its last word when that word says only that it
// is a service ("Job placement assistance" is "job placement"); empty when
// it does not end so.
std::string without_generic_end(const std::string& plain) {
  static const std::vector<std::string> generic =
      parse_yaml(embedded_file("words.yaml"), "words.yaml").texts_at("service_name_generic");
  std::size_t last = plain.rfind(' ', plain.size() - 2);
  if (last == 0 || last == std::string::npos) return {};
  std::string end = plain.substr(last + 1, plain.size() - last - 2);
  if (std::find(generic.begin(), generic.end(), end) == generic.end()) return {};
  return plain.substr(0, last + 1);
}

std::vector<std::string> names_of(const Service& s) {
  std::vector<std::string> names = {plain_words(s.id), plain_words(s.name)};
  std::size_t open = s.name.find('('), close = s.name.find(')');
  if (open != std::string::npos && close != std::string::npos && open < close) {
    names.push_back(plain_words(s.name.substr(open + 1, close - open - 1)));
    names.push_back(plain_words(s.name.substr(0, open) + s.name.substr(close + 1)));
  }
  for (std::size_t i = 1, n = names.size(); i < n; ++i)
    if (std::string shorter = without_generic_end(names[i]); !shorter.empty())
      names.push_back(shorter);
  if (!is_blank(s.provider)) {
    names.push_back(plain_words(s.provider));
    names.push_back(plain_words(partner_name(s.provider)));
  }
  names.erase(std::remove(names.begin(), names.end(), " "), names.end());
  return names;
}

std::string partner_name(const std::string& partner) {
  const std::string& p = partner;
  std::size_t end = std::min({p.find('('), p.find(','), p.find(';'), p.find(" - ")});
  std::string name = p.substr(0, end);
  return plain_words(name) == " " ? p : name;
}

std::vector<std::string> names_of_partner(std::string_view partner) {
  std::string plain = plain_words(partner);
  std::vector<std::string> names;
  if (plain == " ") return names;
  names.push_back(plain);
  std::string initials;
  std::size_t words = 0;
  for (std::size_t i = 1; i < plain.size(); ++i)
    if (plain[i - 1] == ' ' && plain[i] != ' ') {
      initials += plain[i];
      ++words;
    }
  if (words >= 3) names.push_back(" " + initials + " ");
  return names;
}

const std::string& NoteText::plain() {
  if (!plain_text) plain_text.emplace(plain_words(note_prose(*note)));
  return *plain_text;
}

namespace {

// Whether `text` holds `name`. A name in plain words starts with a space,
// and find() would stop at each of the text's spaces to compare the rest
// (a twentieth of check's time): find what follows the space, then look
// back for the space.
bool holds(std::string_view text, std::string_view name) {
  if (name.size() < 2 || name[0] != ' ') return text.find(name) != text.npos;
  std::string_view rest = name.substr(1);
  for (std::size_t at = text.find(rest, 1); at != text.npos; at = text.find(rest, at + 1))
    if (text[at - 1] == ' ') return true;
  return false;
}

}  // namespace

bool NoteText::names_any(const std::vector<std::string>& names) {
  std::string_view text = plain();
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& name) { return holds(text, name); });
}

// A goal's id as a worker writes it in prose: "G2", "G2's" (plain_words
// drops the apostrophe: "g2s"), and for G2 also "goal 2", "Goal #2" or
// "G-2".
std::vector<std::string> goal_id_forms(const std::string& goal_id) {
  std::string id = plain_words(goal_id);
  std::vector<std::string> forms = {id, id.substr(0, id.size() - 1) + "s "};
  bool numbered = goal_id.size() > 1 && (goal_id[0] == 'G' || goal_id[0] == 'g') &&
                  std::all_of(goal_id.begin() + 1, goal_id.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  // "G-2" and "G 2" are " g 2 " in plain words.
  if (numbered) {
    forms.push_back(" goal " + goal_id.substr(1) + " ");
    forms.push_back(" g " + goal_id.substr(1) + " ");
  }
  return forms;
}

bool NoteText::refers_to_goal(const std::string& goal_id) {
  const Strings& goals = note->goals;
  return std::find(goals.begin(), goals.end(), goal_id) != goals.end() ||
         names_any(goal_id_forms(goal_id));
}

std::vector<NoteText> notes_by_date(const ClientRecord& record) {
  std::vector<NoteText> by_date;
  for (const auto& n : record.notes) by_date.push_back({&n});
  std::stable_sort(by_date.begin(), by_date.end(), [](const NoteText& a, const NoteText& b) {
    return a.note->date < b.note->date;
  });
  return by_date;
}

bool is_attempt(const Note& note) {
  return note.contact == "attempted";
}

}  // namespace casekit
