// The text side of export --redact: one scalar at a time, read as tokens
// (words, numbers, codes) rather than with regular expressions, so that a
// name is found whatever its case or accents, a number whatever its
// separators and a date whatever its written form.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/date.hpp"
#include "words/speller.hpp"

namespace casekit::redaction {

// A word's spelling for comparisons: lower case, accents folded ("María"
// and "MARIA" are both "maria").
std::string fold(std::string_view word);

struct Token {
  enum Kind { word, number, code, space, other } kind;
  std::string_view text;
};
// Letters and digits together make one token ("4th", "AB12345C" are codes);
// a typographic apostrophe ends a word like a plain one ("Grace’s").
std::vector<Token> tokenize(std::string_view text);

// One way to read a written date: 7/4/2001 is July 4 or April 7.
struct DateReading {
  int year = -1;  // -1: no year written
  int month = 0, day = 0;
  bool two_digit_year = false;
  bool is(const Date& date) const;
};
// A date written at tokens[i] in a common form (2001-07-04, 7/4/01,
// 7.4.2001, July 4th, 2001, 4th of July 2001, Jul. 4 '01, July 4): the
// index after it and its readings, or 0.
std::size_t read_date(const std::vector<Token>& tokens, std::size_t i,
                      std::vector<DateReading>& readings);
// A year or a month and year (2004, March 2004) at tokens[i]: the index
// after it, or 0. Only a birth word before it makes it a date of birth.
std::size_t read_birth_year(const std::vector<Token>& tokens, std::size_t i);
// An 8- or 6-digit number as a date (20010704, 07042001, 070401).
std::vector<DateReading> compact_date(std::string_view digits);

inline bool capitalised(std::string_view word) {
  auto first = static_cast<unsigned char>(word[0]);
  return (first >= 'A' && first <= 'Z') ||
         first >= 0x80;  // accented capitals, and other scripts, count
}
inline bool alphanumeric(const Token& token) {
  return token.kind != Token::space && token.kind != Token::other;
}
inline bool is_other(const Token& token, std::string_view chars) {
  return token.kind == Token::other && token.text.size() == 1 &&
         chars.find(token.text[0]) != std::string_view::npos;
}

using WordSet = std::unordered_set<std::string>;

// Every client's details as written (ids, birth dates, phones, emails,
// addresses), each replaced wherever its bytes are, case and accents as
// they are and inside words too. They are replaced one after another in
// the order given, each in the text the ones before it left, as a loop
// over them replaces: where two overlap or one holds another the earlier
// wins, and a replacement may hold a later one. One automaton over all of
// them (Aho-Corasick, redact_literals.cpp) finds the first that occurs, so
// a text is read a few times, not once per client of the caseload.
class Literals {
 public:
  Literals();
  ~Literals();
  void add(std::string text, std::string replacement);
  std::string replace(std::string text) const;

 private:
  struct Index;
  const Index& index() const;

  std::vector<std::pair<std::string, std::string>> literals_;
  // Built at the first replace after an add; replace is called by one
  // thread at a time (check hands clients on under its lock).
  mutable std::unique_ptr<Index> index_;
};

// src/data/redaction.yaml: the words kept and the words that mark ids,
// birth dates, streets and titles (all folded).
struct Policy {
  WordSet keep, organisation_words, people_keys, titles, birth_words, id_words, street_words,
      unit_words, address_stop_words;
  std::map<std::string, std::string> placeholders;
};
Policy load_policy();

// Where a token stands in its text, which says how to read a capital.
struct Position {
  bool sentence_start = true;                            // a capital there says nothing
  bool after_title = false;                              // "Dr. Young": a capital there is a name
  bool after_birth_word = false, after_id_word = false;  // "DOB 7/4/01", "Medicaid # 1234"
};

class Scrubber {
 public:
  Scrubber(Policy policy, std::unique_ptr<Speller> speller);

  const std::string& placeholder(const std::string& what) const {
    return policy_.placeholders.at(what);
  }
  void keep_words_of(std::string_view text);
  // A person's name, whole and word by word, becomes `replacement`.
  void name(std::string_view full, const std::string& replacement);
  // A text that names people (a milestone's who, an interpreter): its
  // capitalised words are names everywhere, even words of the language.
  void people(std::string_view text);
  // A partner: the parts that say they are an organisation are kept whole
  // ("Lincoln Hospital"); the other parts name people ("Dr. Faith Young").
  void partner(std::string_view text);
  void phrase(std::string_view text, const std::string& replacement);
  void birth(const Date& date) { births_.push_back(date); }
  void literal(const std::string& text, const std::string& replacement);
  // The first pass over every text: names written with a capital where
  // a word would not have one ("her son Hunter") are names everywhere.
  void learn(std::string_view text);
  std::string scrub(std::string text) const;

 private:
  struct Match {
    std::size_t end = 0;                       // token index after the match; 0: none
    const std::string* replacement = nullptr;  // nullptr: keep the text
  };
  bool dictionary(const std::string& folded) const;
  bool kept(const std::string& folded) const;
  Match known_at(const std::vector<Token>& tokens, std::size_t i) const;
  Match match_at(const std::vector<Token>& tokens, std::size_t i, const Position& position) const;
  Match date_at(const std::vector<Token>& tokens, std::size_t i, bool after_birth_word) const;
  Match number_run_at(const std::vector<Token>& tokens, std::size_t i, bool after_id_word) const;
  Match address_at(const std::vector<Token>& tokens, std::size_t i) const;
  Match unit_at(const std::vector<Token>& tokens, std::size_t i) const;
  Match id_at(const std::vector<Token>& tokens, std::size_t i, bool after_id_word) const;
  const std::string* word_at(const std::vector<Token>& tokens, std::size_t i,
                             const Position& position) const;
  void learn_word(std::string_view word, const Position& position);
  std::string scrub_emails(std::string text) const;

  Policy policy_;
  std::unique_ptr<Speller> speller_;
  // Folded phrases ("rosa maria delgado") and words: their replacement, or
  // "" for an organisation kept as written.
  std::unordered_map<std::string, std::string> known_;
  std::size_t longest_known_ = 1;
  // Words the dictionary also has as names: at the start of a sentence
  // "Grace" is a name, "Early" is not.
  const WordSet* proper_names_ = nullptr;
  std::vector<Date> births_;
  Literals literals_;
};

}  // namespace casekit::redaction
