// tokenize_words is written for speed (a byte-class table, eight letters
// at a time, one shared buffer). This file holds a plain, slow reading of
// the same rules and requires the same tokens from both, on every line of
// the example records and on many random strings of the bytes that
// matter: letters, capitals, quotes and apostrophes straight and curly,
// hyphens, and the neighbours of a word (@ / .).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "words/word_lists.hpp"

namespace {

struct Token {
  std::size_t offset = 0, length = 0;
  std::string lowered;
  bool quoted = false, spellable = false;
  bool operator==(const Token&) const = default;
};

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == '-' || c >= 0x80;
}

class Reference {
 public:
  explicit Reference(std::string_view text) : t_(text) {}

  std::vector<Token> tokens() {
    for (std::size_t i = 0; i < t_.size();) {
      if (t_[i] == '"') {
        quoted_ = !quoted_;
        ++i;
      } else if (curly(i, '\x9C') || curly(i, '\x9D')) {
        quoted_ = t_[i + 2] == '\x9C';
        i += 3;
      } else if (word_byte(t_[i]) && t_[i] != '\'' && t_[i] != '-') {
        i = word(i);
      } else {
        ++i;
      }
    }
    return out_;
  }

 private:
  bool curly(std::size_t i, char last) const {
    return i + 2 < t_.size() && t_[i] == '\xE2' && t_[i + 1] == '\x80' && t_[i + 2] == last;
  }

  std::size_t word(std::size_t start) {
    std::string word;
    bool letters = true;
    std::size_t i = start;
    while (i < t_.size() && word_byte(t_[i])) {
      if (curly(i, '\x99')) {
        word += '\'';
        letters = false;
        i += 3;
        continue;
      }
      if (curly(i, '\x9C') || curly(i, '\x9D')) break;
      char c = t_[i];
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
        letters = false;
      } else if (c == '\'') {
        if (t_[i - 1] == '\'') letters = false;
      } else if (c < 'a' || c > 'z') {
        letters = false;
      }
      word += c;
      ++i;
    }
    std::size_t end = i;
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) {
      if (word.back() == '-') letters = false;
      word.pop_back();
      end -= t_[end - 1] == '\x99' ? 3 : 1;
    }
    if (word.empty()) return i;
    char before = start > 0 ? t_[start - 1] : ' ';
    bool joined =
        before == '/' || before == '@' || before == '.' || (end < t_.size() && t_[end] == '@');
    bool spellable = letters && !quoted_ && end - start >= 3 && !joined;
    out_.push_back({start, end - start, word, quoted_, spellable});
    return i;
  }

  std::string_view t_;
  bool quoted_ = false;
  std::vector<Token> out_;
};

std::vector<Token> fast(std::string_view text) {
  casekit::Words words = casekit::tokenize_words(text);
  std::vector<Token> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& t = words.tokens[i];
    out.push_back({t.offset, t.length, std::string(words.word(i)), t.quoted, t.spellable});
  }
  return out;
}

}  // namespace

TEST_CASE("tokenize_words gives the reference tokens for every line of the example records") {
  std::size_t lines = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(CASEKIT_SOURCE_DIR "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line); ++lines) {
      CAPTURE(line);
      CHECK(fast(line) == Reference(line).tokens());
    }
  }
  CHECK(lines > 1000);
}

TEST_CASE("tokenize_words gives the reference tokens for random strings of words and marks") {
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "Z",
                                           "x",
                                           "'",
                                           "-",
                                           "\"",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "\xE2\x80\x94",
                                           "\xE2",
                                           "\x80",
                                           "\x99",
                                           "\xC3\xA9",
                                           " ",
                                           "@",
                                           "/",
                                           ".",
                                           "7",
                                           "''",
                                           "do",
                                           "n't",
                                           "abcdefghij",
                                           "ABC",
                                           "`",
                                           "{",
                                           "zebra",
                                           "Quiet",
                                           "\n"};
  std::mt19937 random(20261123);
  for (int n = 0; n < 30000; ++n) {
    std::string text;
    for (auto count = random() % 40; count > 0; --count) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    REQUIRE(fast(text) == Reference(text).tokens());
  }
}
