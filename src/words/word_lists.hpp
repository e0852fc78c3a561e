// The word lists of the writing rules (src/data/words.yaml) and the
// matcher that finds their phrases as whole words in a text.
#pragma once

#include <bitset>
#include <map>
#include <memory>
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

// Lets the index be searched with a string_view, without a copy.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view word) const {
    return std::hash<std::string_view>{}(word);
  }
};

struct WordList {
  std::string rule, summary;
  std::vector<WordEntry> entries;
  // goal/scope-wording: a phrase is exempt when one of these comes before
  // it in its sentence, with none of outcome_words in between.
  std::vector<std::string> unless_text_has;
  std::vector<std::string> outcome_words = {};
  // Entries by their first word, so a text is matched in one pass.
  std::unordered_map<std::string, std::vector<const WordEntry*>, WordHash, std::equal_to<>>
      by_first_word = {};
  // A cheap filter in front of by_first_word: most words of a text start
  // no phrase, and this answers that without hashing the word.
  std::bitset<4096> first_word_bits = {};
};

// A word of a text: where it stands, and where its lower-case form (curly
// apostrophes made straight) stands in Words::lowered.
struct WordToken {
  std::size_t offset = 0, length = 0;  // in the text, bytes
  std::size_t lowered_offset = 0, lowered_length = 0;
  std::size_t filter = 0;  // its bit in WordList::first_word_bits
  bool quoted = false;     // inside "..." or “...”
  // Three or more lower-case ASCII letters (inner apostrophes allowed), not
  // part of an address, a path or a hyphenated word: what spelling checks.
  // Words with capitals are names, places or acronyms, which a dictionary
  // does not know.
  bool spellable = false;
  // A sentence ends before it (. ! ? ; or :): no phrase runs across that.
  bool sentence_start = false;
};

// The words of a text. Tokenizing runs on every sentence of a caseload,
// so the lower-case words share one buffer instead of a string each.
struct Words {
  std::string lowered;
  std::vector<WordToken> tokens;
  std::string_view word(std::size_t i) const {
    return std::string_view(lowered).substr(tokens[i].lowered_offset, tokens[i].lowered_length);
  }
  std::size_t size() const { return tokens.size(); }
};
Words tokenize_words(std::string_view text);
// The same into `words`, reusing its buffers: check tokenizes every prose
// value of a caseload, and two allocations per value showed.
void tokenize_words(std::string_view text, Words& words);

// Marks the words of a quotation nobody is said to have said (he was
// "difficult": the worker's scare quotes) as not quoted, so the writing
// rules read them; "Marcus said, "..."" stays the client's own words.
void unquote_scare_quotes(std::string_view text, Words& words);

const std::vector<WordList>& word_lists();
// The built-in lists with a program's own phrases added (casekit.yaml
// `words:`), each added entry sourced to casekit.yaml.
std::vector<WordList> word_lists_with(const std::map<std::string, std::vector<std::string>>& extra);
const WordList* find_word_list(std::string_view rule);

struct WordMatch {
  const WordEntry* entry = nullptr;
  std::size_t offset = 0;  // in the text, bytes
  std::size_t length = 0;
  std::size_t token = 0;  // the index of its first word in Words::tokens
};

// Every phrase of the list in the text, in order. With skip_quoted, words
// inside "..." or “...” (the client's own words) are passed over.
std::vector<WordMatch> find_words(const Words& words, const WordList& list, bool skip_quoted);
// The first phrase of the list in `text`, as written there (quoted words
// included); empty when there is none.
std::string first_phrase(std::string_view text, const WordList& list);

struct PhraseMatch {
  std::size_t list = 0;  // which of PhraseIndex::lists()
  WordMatch match;
};

// Several lists' phrases by their first word, so that a text is matched
// against all of them with one lookup per word: the writing rules look for
// six lists in every sentence of a caseload.
class PhraseIndex {
 public:
  explicit PhraseIndex(const std::vector<const WordList*>& lists);
  PhraseIndex(PhraseIndex&&) noexcept;
  PhraseIndex& operator=(PhraseIndex&&) noexcept;
  ~PhraseIndex();

  const std::vector<const WordList*>& lists() const { return lists_; }
  // What find_words finds for each list, skipping quoted words: list by
  // list in the order given, each list's matches in text order.
  std::vector<PhraseMatch> find(const Words& words) const;

 private:
  struct Index;
  std::vector<const WordList*> lists_;
  std::unique_ptr<const Index> index_;
};

// The treatment word a goal statement asks for, when the goal does not
// connect the client to a service (goal/scope-wording).
std::optional<std::string> scope_wording(std::string_view statement);

}  // namespace casekit
