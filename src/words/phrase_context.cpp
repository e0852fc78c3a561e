// What the phrases of a text mean where they stand: a quotation that is
// someone's words or the worker's scare quotes (the writing rules), and a
// treatment word a goal connects the client to or asks for as an outcome
// (goal/scope-wording).
#include <algorithm>

#include "base/embedded.hpp"
#include "words/word_lists.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

bool among(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// The words that say whose words a quotation is (words.yaml
// quote_attribution): "Marcus said, "..."" or ""..." he said".
const std::vector<std::string>& attribution_words() {
  static const std::vector<std::string> words =
      parse_yaml(embedded_file("words.yaml"), "words.yaml").texts_at("quote_attribution");
  return words;
}

// Whether the quotation of tokens [first, last) is someone's own words: a
// speech word near it, a colon or comma just before it, or a sentence of
// its own. Otherwise it is the worker's scare quotes (he was "difficult"),
// which are the worker's words and read like the rest.
bool attributed(std::string_view text, const Words& words, std::size_t first, std::size_t last) {
  constexpr std::size_t kLongQuote = 4, kBefore = 5, kAfter = 3;
  if (last - first >= kLongQuote) return true;
  for (std::size_t t = first > kBefore ? first - kBefore : 0; t < first; ++t)
    if (among(attribution_words(), words.word(t))) return true;
  for (std::size_t t = last; t < words.size() && t < last + kAfter; ++t)
    if (among(attribution_words(), words.word(t))) return true;
  std::size_t at = words.tokens[first].offset;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '"' || text[at - 1] == '\n' ||
                    static_cast<unsigned char>(text[at - 1]) >= 0x80))
    --at;
  return at > 0 && (text[at - 1] == ':' || text[at - 1] == ',');
}

}  // namespace

void unquote_scare_quotes(std::string_view text, Words& words) {
  for (std::size_t first = 0; first < words.size();) {
    if (!words.tokens[first].quoted) {
      ++first;
      continue;
    }
    std::size_t last = first;
    while (last < words.size() && words.tokens[last].quoted) ++last;
    if (!attributed(text, words, first, last))
      for (std::size_t t = first; t < last; ++t) words.tokens[t].quoted = false;
    first = last;
  }
}

namespace {

// Whether the treatment word at token t is what the goal connects the
// client to ("find treatment options for anxiety"): read back to the
// sentence's start, a connecting word comes before any outcome verb
// ("reduce his anxiety symptoms and attend class" asks for an outcome).
bool connected_to_service(const Words& words, std::size_t t, const WordList& list) {
  for (std::size_t k = t; k > 0; --k) {
    if (words.tokens[k].sentence_start) return false;
    std::string_view word = words.word(k - 1);
    if (among(list.outcome_words, word)) return false;
    if (among(list.unless_text_has, word)) return true;
  }
  return false;
}

}  // namespace

std::string first_phrase(std::string_view text, const WordList& list) {
  Words words = tokenize_words(text);
  std::vector<WordMatch> found = find_words(words, list, false);
  return found.empty() ? std::string() : std::string(text.substr(found[0].offset, found[0].length));
}

std::optional<std::string> scope_wording(std::string_view statement) {
  const WordList* list = find_word_list("goal/scope-wording");
  if (!list) return std::nullopt;
  Words words = tokenize_words(statement);
  for (const WordMatch& m : find_words(words, *list, false)) {
    if (!connected_to_service(words, m.token, *list))
      return std::string(statement.substr(m.offset, m.length));
  }
  return std::nullopt;
}

}  // namespace casekit
