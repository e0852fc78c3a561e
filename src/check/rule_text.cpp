#include "check/rule_text.hpp"

#include <algorithm>
#include <cctype>

namespace casekit {
namespace {

// Lower case, with each run of spaces one space and none at the ends.
std::string normalized(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(u));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Punctuation that separates two languages in one value.
bool separates(char c) {
  return c == ',' || c == '/' || c == '&' || c == ';' || c == '+' || c == '(' || c == ')';
}

}  // namespace

bool same_name(std::string_view a, std::string_view b) {
  return normalized(a) == normalized(b);
}

bool is_one_of(std::string_view name, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return same_name(name, n); });
}

std::vector<std::string> language_names(std::string_view text) {
  std::vector<std::string> names;
  std::string name, word;
  auto end_name = [&] {
    if (!name.empty()) names.push_back(name);
    name.clear();
  };
  // "and" and "or" separate two languages as a comma does.
  auto end_word = [&] {
    if (word == "and" || word == "or")
      end_name();
    else if (!word.empty())
      name += (name.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : normalized(text)) {
    if (c == ' ' || separates(c)) {
      end_word();
      if (separates(c)) end_name();
    } else {
      word += c;
    }
  }
  end_word();
  end_name();
  return names;
}

bool share_a_language(std::string_view a, std::string_view b) {
  std::vector<std::string> first = language_names(a), second = language_names(b);
  return std::any_of(first.begin(), first.end(), [&](const std::string& language) {
    return std::find(second.begin(), second.end(), language) != second.end();
  });
}

}  // namespace casekit
