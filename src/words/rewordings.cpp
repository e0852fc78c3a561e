#include "words/rewordings.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/embedded.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

std::map<std::string, std::vector<Rewording>, std::less<>> load_rewordings() {
  YamlNode root = parse_yaml(embedded_file("words.yaml"), "words.yaml");
  std::map<std::string, std::vector<Rewording>, std::less<>> by_rule;
  const YamlNode& rules = *root.find("rules");
  for (std::size_t i = 0; i < rules.keys.size(); ++i) {
    const YamlNode* entries = rules.items[i].find("entries");
    if (!entries) continue;
    for (const auto& e : entries->items) {
      std::vector<std::string> with = e.texts_at("replace_with");
      std::string phrase = e.text_at("phrase");
      // A phrase with alternatives ("get|find") is not one text to replace.
      if (with.empty() || phrase.find('|') != std::string::npos) continue;
      by_rule[rules.keys[i].value].push_back({phrase, with});
    }
  }
  for (auto& [rule, list] : by_rule)
    std::stable_sort(list.begin(), list.end(), [](const Rewording& a, const Rewording& b) {
      return a.phrase.size() > b.phrase.size();
    });
  return by_rule;
}

bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '\'' || c == '-' || u >= 0x80;
}

}  // namespace

const std::vector<Rewording>& rewordings(std::string_view rule) {
  static const auto by_rule = load_rewordings();
  static const std::vector<Rewording> none;
  auto found = by_rule.find(rule);
  return found == by_rule.end() ? none : found->second;
}

const Rewording* rewording_at(std::string_view rule, std::string_view text) {
  for (const auto& r : rewordings(rule)) {
    if (text.size() < r.phrase.size()) continue;
    bool same = std::equal(r.phrase.begin(), r.phrase.end(), text.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) ==
             std::tolower(static_cast<unsigned char>(b));
    });
    if (same && (text.size() == r.phrase.size() || !is_word_byte(text[r.phrase.size()]))) return &r;
  }
  return nullptr;
}

}  // namespace casekit
