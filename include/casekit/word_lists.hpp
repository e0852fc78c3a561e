// The word lists of the writing rules (src/data/words.yaml) and the
// matcher that finds their phrases as whole words in a text.
#pragma once

#include <bitset>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casekit {

struct WordEntry {
  std::string phrase, instead, source;
  std::vector<std::string> words;       // the phrase, word by word
  std::vector<std::string> not_before;  // not flagged when followed by one of these
  std::vector<std::string> not_after;   // not flagged when preceded by one of these
};

struct WordList {
  std::string rule, summary;
  std::vector<WordEntry> entries;
  std::vector<std::string> unless_text_has;  // the whole text is exempt with one of these
  // Entries by their first word, so a text is matched in one pass.
  std::unordered_map<std::string, std::vector<const WordEntry*>> by_first_word = {};
  // A cheap filter in front of by_first_word: most words of a text start
  // no phrase, and this answers that without hashing the word.
  std::bitset<4096> first_word_bits = {};
};

// A word of a text: lower case, curly apostrophes made straight.
struct WordToken {
  std::string word;
  std::size_t offset = 0, length = 0;
  bool quoted = false;  // inside "..." or “...”
};
std::vector<WordToken> tokenize_words(std::string_view text);

const std::vector<WordList>& word_lists();
// The built-in lists with a program's own phrases added (casekit.yaml
// `words:`), each added entry sourced to casekit.yaml.
std::vector<WordList> word_lists_with(const std::map<std::string, std::vector<std::string>>& extra);
const WordList* find_word_list(std::string_view rule);

struct WordMatch {
  const WordEntry* entry = nullptr;
  std::size_t offset = 0;  // in the text, bytes
  std::size_t length = 0;
};

// Every phrase of the list in the text, in order. With skip_quoted, words
// inside "..." or “...” (the client's own words) are passed over.
std::vector<WordMatch> find_words(const std::vector<WordToken>& tokens, const WordList& list, bool skip_quoted);

// The treatment word a goal statement asks for, when the goal does not
// connect the client to a service (goal/scope-wording).
std::optional<std::string> scope_wording(std::string_view statement);

}  // namespace casekit
