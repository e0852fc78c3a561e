// The tokenizer behind the writing rules and spelling: which words it
// finds, how it lowers them, and which it hands to the spell checker.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/same_key.hpp"
#include "words/word_hash.hpp"
#include "words/word_lists.hpp"

using casekit::tokenize_words;

namespace {

std::vector<std::string> spellable(const std::string& text) {
  casekit::Words words = tokenize_words(text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words.tokens[i].spellable) out.emplace_back(words.word(i));
  return out;
}

using Places = std::vector<std::pair<std::size_t, std::size_t>>;  // (list, offset)

// What the index finds in `words`, and what find_words finds list by list.
std::pair<Places, Places> index_and_lists_find(const casekit::PhraseIndex& index,
                                               const std::vector<casekit::WordList>& lists,
                                               const casekit::Words& words) {
  Places found, expected;
  for (std::size_t l = 0; l < lists.size(); ++l)
    for (const auto& m : casekit::find_words(words, lists[l], true))
      expected.emplace_back(l, m.offset);
  for (const auto& m : index.find(words)) found.emplace_back(m.list, m.match.offset);
  return {found, expected};
}

}  // namespace

TEST_CASE("tokenize_words lowers words, straightens apostrophes and marks quoted words") {
  casekit::Words words = tokenize_words("Marcus DIDN’T say \"I QUIT\" today-");
  std::vector<std::string> lowered;
  for (std::size_t i = 0; i < words.size(); ++i) lowered.emplace_back(words.word(i));
  CHECK(lowered == std::vector<std::string>{"marcus", "didn't", "say", "i", "quit", "today"});
  CHECK_FALSE(words.tokens[2].quoted);
  CHECK(words.tokens[3].quoted);
  CHECK(words.tokens[4].quoted);
  CHECK(words.tokens[5].offset == 29);
  CHECK(words.tokens[5].length == 5);  // the hyphen after the word is not part of it
}

TEST_CASE("spelling looks at lower-case words of three letters or more, outside quotes") {
  CHECK(spellable("Marcus offise it's an \"recieved\" “teh” USA") ==
        std::vector<std::string>{"offise", "it's"});
}

TEST_CASE(
    "spelling passes over e-mail addresses, the rest of a domain or path, hyphenated words and "
    "words with digits") {
  CHECK(spellable("jo@example.org example.org follow-up e-mail 3rd abc1 a/b/cde") ==
        std::vector<std::string>{"example"});
  CHECK(spellable("don’t café follow- upward") == std::vector<std::string>{"upward"});
  CHECK(spellable("mail me").size() == 1);
}

TEST_CASE("spelling checks words in single quotes and before a possessive apostrophe") {
  CHECK(spellable("she said 'recieve' twice") ==
        std::vector<std::string>{"she", "said", "recieve", "twice"});
  CHECK(spellable("the clients' files") == std::vector<std::string>{"the", "clients", "files"});
  CHECK(spellable("'tis abc''def") == std::vector<std::string>{"tis"});
}

TEST_CASE("PhraseIndex finds what find_words finds in each of its lists, list by list") {
  // Two phrases of one list starting with the same word, and a word that
  // starts phrases in two lists.
  const auto lists = casekit::word_lists_with(
      {{"language/label", {"very lazy", "very"}}, {"language/slang", {"lazy bones"}}});
  std::vector<const casekit::WordList*> chosen{nullptr};
  std::string text = "She was \"lazy\" and very lazy bones, ";
  for (const auto& list : lists) {
    chosen.push_back(&list);
    for (const auto& entry : list.entries) text += "then " + entry.phrase + " again; ";
  }
  casekit::PhraseIndex index(chosen);
  REQUIRE(index.lists().size() == lists.size());  // the null one is left out
  casekit::Words words = tokenize_words(text);
  auto [found, expected] = index_and_lists_find(index, lists, words);
  CHECK(expected.size() > 100);
  CHECK(found == expected);
}

TEST_CASE("PhraseIndex narrows a first word's entries by the second word as phrase_at would") {
  // One-word entries before, between and after two-word ones; a second
  // word across a sentence's end; a first word at the text's end; and
  // "will", which starts hundreds of over-promises.
  const auto lists =
      casekit::word_lists_with({{"language/label", {"very", "very lazy", "very slow", "slow"}},
                                {"language/slang", {"very slow indeed", "lazy", "very"}}});
  std::vector<const casekit::WordList*> chosen;
  for (const auto& list : lists) chosen.push_back(&list);
  casekit::PhraseIndex index(chosen);
  for (std::string text :
       {"very lazy. very slow indeed, very. slow and very",
        "Very slow; very lazy very very slow indeed very",
        "I will get you housing. We will make sure it works, will do.", "will", "very slow", ""}) {
    CAPTURE(text);
    casekit::Words words = tokenize_words(text);
    auto [found, expected] = index_and_lists_find(index, lists, words);
    CHECK(found == expected);
  }
}

TEST_CASE("tokenize_words into a used buffer gives what a fresh one gives") {
  casekit::Words reused;
  for (std::string text : {"A much longer text, with “quoted words” and more", "short one", ""}) {
    tokenize_words(text, reused);
    casekit::Words fresh = tokenize_words(text);
    CHECK(reused.lowered == fresh.lowered);
    REQUIRE(reused.size() == fresh.size());
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      CHECK(reused.word(i) == fresh.word(i));
      CHECK(reused.tokens[i].offset == fresh.tokens[i].offset);
      CHECK(reused.tokens[i].quoted == fresh.tokens[i].quoted);
    }
  }
}

TEST_CASE("tokenize_words reads long words the same whatever byte breaks the run of letters") {
  // Runs of lower-case letters are read eight bytes at a time; a capital,
  // digit, apostrophe or curly apostrophe at any place must still count.
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  // '`' and '{' stand next to 'a' and 'z' in ASCII.
  for (std::string odd : {"Q", "7", "'", "\xE2\x80\x99", "\xC3\xA9", "\"", " ", "`", "{"}) {
    for (std::size_t at = 0; at <= letters.size(); ++at) {
      std::string text = "x " + letters.substr(0, at) + odd + letters.substr(at) + " z";
      CAPTURE(text);
      casekit::Words words = tokenize_words(text);
      std::string joined;
      for (std::size_t i = 0; i < words.size(); ++i) joined += std::string(words.word(i)) + "|";
      std::string lowered_odd = odd == "Q" ? "q" : odd == "\xE2\x80\x99" ? "'" : odd;
      if (odd == "\"" || odd == " " || odd == "`" || odd == "{") {
        std::string first = letters.substr(0, at), second = letters.substr(at);
        CHECK(joined == "x|" + (first.empty() ? "" : first + "|") +
                            (second.empty() ? "" : second + "|") + "z|");
      } else if (odd == "'" || odd == "\xE2\x80\x99") {
        if (at == 0 || at == letters.size()) continue;  // apostrophes at the ends: tested above
        CHECK(joined == "x|" + letters.substr(0, at) + "'" + letters.substr(at) + "|z|");
        CHECK(words.tokens[1].spellable == (odd == "'"));
      } else {
        CHECK(joined == "x|" + letters.substr(0, at) + lowered_odd + letters.substr(at) + "|z|");
        CHECK_FALSE(words.tokens[1].spellable);
      }
    }
  }
}

TEST_CASE("QuickWordHash reads exactly the word's bytes and spreads different words apart") {
  casekit::QuickWordHash hash;
  std::set<std::size_t> seen;
  std::size_t words = 0;
  for (std::size_t length = 0; length <= 40; ++length) {
    // The same word at two places of two buffers, with different bytes
    // around it: only the word's own bytes may count.
    std::string a = "xx" + std::string(length, 'm') + "yy",
                b = "@" + std::string(length, 'm') + "#";
    CHECK(hash(std::string_view(a).substr(2, length)) ==
          hash(std::string_view(b).substr(1, length)));
    seen.insert(hash(std::string(length, 'm')));
    ++words;
    for (std::size_t place = 0; place < length; ++place) {
      std::string word(length, 'm');
      word[place] = 'n';
      seen.insert(hash(word));
      ++words;
    }
  }
  CHECK(seen.size() == words);  // a change of one letter anywhere changes the hash
}

TEST_CASE("same_key tells equal keys from keys differing in length or any one byte") {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string a = "<" + std::string(length, 'k') + ">", b = "(" + std::string(length, 'k') + ")";
    std::string_view key_a = std::string_view(a).substr(1, length);
    std::string_view key_b = std::string_view(b).substr(1, length);
    CHECK(casekit::same_key(key_a, key_b));
    CHECK_FALSE(casekit::same_key(key_a, std::string_view(b).substr(1, length + 1)));
    for (std::size_t place = 0; place < length; ++place) {
      std::string other(length, 'k');
      other[place] = 'K';
      CAPTURE(length);
      CAPTURE(place);
      CHECK_FALSE(casekit::same_key(key_a, other));
    }
  }
}

// A hint is shown in parentheses after its finding: one with parentheses of
// its own would nest them (issue 15). It reads as one sentence instead.
TEST_CASE("word lists: no instead: hint holds parentheses") {
  for (const auto& list : casekit::word_lists())
    for (const auto& entry : list.entries) {
      INFO(entry.phrase);
      CHECK(entry.instead.find('(') == std::string::npos);
    }
}
