// The scrubber of export --redact: what each token of a text becomes.
#include "export/redact_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "base/embedded.hpp"
#include "words/speller.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit::redaction {
namespace {

WordSet folded_words(const YamlNode& root, const char* key) {
  WordSet words;
  for (const auto& word : root.texts_at(key)) words.insert(fold(word));
  return words;
}

// The dictionary's proper names, its capitalised entries (Grace, Hunter,
// Will, Young): the same file the speller reads (speller.cpp).
WordSet dictionary_names() {
  std::ifstream in(dictionary_base() + ".dic");
  WordSet names;
  for (std::string line; std::getline(in, line);) {
    std::string word = line.substr(0, line.find('/'));
    bool name =
        word.size() >= 2 && word[0] >= 'A' && word[0] <= 'Z' &&
        std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (name) names.insert(fold(word));
  }
  return names;
}

}  // namespace

Policy load_policy() {
  YamlNode root = parse_yaml(embedded_file("redaction.yaml"), "redaction.yaml");
  Policy policy;
  policy.keep = folded_words(root, "keep");
  policy.organisation_words = folded_words(root, "organisation_words");
  policy.people_keys = folded_words(root, "people_keys");
  policy.titles = folded_words(root, "titles");
  policy.birth_words = folded_words(root, "birth_words");
  policy.id_words = folded_words(root, "id_words");
  policy.street_words = folded_words(root, "street_words");
  policy.unit_words = folded_words(root, "unit_words");
  policy.address_stop_words = folded_words(root, "address_stop_words");
  const YamlNode& placeholders = *root.find("placeholders");
  for (std::size_t i = 0; i < placeholders.keys.size(); ++i)
    policy.placeholders[placeholders.keys[i].value] = placeholders.items[i].value;
  return policy;
}

Scrubber::Scrubber(Policy policy, std::unique_ptr<Speller> speller)
    : policy_(std::move(policy)), speller_(std::move(speller)) {
  static const WordSet names = dictionary_names();
  if (speller_) proper_names_ = &names;
}

bool Scrubber::dictionary(const std::string& folded) const {
  return speller_ && speller_->correct(folded);
}

// Kept anywhere: the policy's words (and their plurals) and organisations' words.
bool Scrubber::kept(const std::string& folded) const {
  if (policy_.keep.count(folded) || policy_.organisation_words.count(folded)) return true;
  return folded.size() > 2 && folded.back() == 's' &&
         policy_.keep.count(folded.substr(0, folded.size() - 1));
}

void Scrubber::keep_words_of(std::string_view text) {
  for (const auto& token : tokenize(text))
    if (token.kind == Token::word) policy_.keep.insert(fold(token.text));
}

void Scrubber::phrase(std::string_view text, const std::string& replacement) {
  std::string key;
  std::size_t words = 0;
  for (const auto& token : tokenize(text)) {
    if (!alphanumeric(token)) continue;
    key += (words++ ? " " : "") + fold(token.text);
  }
  if (words == 0) return;
  known_.emplace(key, replacement);
  longest_known_ = std::max(longest_known_, words);
}

void Scrubber::name(std::string_view full, const std::string& replacement) {
  phrase(full, replacement);
  auto tokens = tokenize(full);
  bool any_capital = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.kind == Token::word && capitalised(t.text);
  });
  // "de" and "la" of "Rosa de la Cruz" are not names on their own.
  for (const auto& token : tokens)
    if (token.kind == Token::word && token.text.size() >= 2 &&
        (capitalised(token.text) || !any_capital))
      known_.emplace(fold(token.text), replacement);
}

void Scrubber::people(std::string_view text) {
  for (const auto& token : tokenize(text)) {
    if (token.kind != Token::word) continue;
    std::string folded = fold(token.text);
    if (folded.size() < 2 || kept(folded)) continue;
    if (capitalised(token.text) || (speller_ && !dictionary(folded)))
      known_.emplace(folded, placeholder("name"));
  }
}

void Scrubber::partner(std::string_view text) {
  auto tokens = tokenize(text);
  for (std::size_t begin = 0, end = 0; begin < tokens.size(); begin = end + 1) {
    // Parts: "Dr. Faith Young, Lincoln Hospital (Grace Bell at intake)".
    bool organisation = false;
    for (end = begin; end < tokens.size(); ++end) {
      const Token& t = tokens[end];
      if (is_other(t, ",;()/:") || (t.kind == Token::word && fold(t.text) == "at")) break;
      if (t.kind == Token::word && policy_.organisation_words.count(fold(t.text)))
        organisation = true;
    }
    std::string_view part =
        tokens.empty() || begin == end
            ? std::string_view{}
            : std::string_view(tokens[begin].text.data(), tokens[end - 1].text.data() +
                                                              tokens[end - 1].text.size() -
                                                              tokens[begin].text.data());
    if (organisation)
      phrase(part, "");
    else
      people(part);
  }
}

void Scrubber::literal(const std::string& text, const std::string& replacement) {
  if (!text.empty()) literals_.add(text, replacement);
}

}  // namespace casekit::redaction
