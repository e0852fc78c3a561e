#include "words/word_lists.hpp"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "base/embedded.hpp"
#include "words/word_hash.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

std::vector<std::string> split_words(const std::string& phrase) {
  std::vector<std::string> words;
  std::string word;
  for (char c : phrase + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// A phrase's every wording: "will get|find him|her a job" is four phrases.
// Lists stay readable while they cover the ways workers write a thing.
std::vector<std::string> wordings(const std::string& phrase) {
  std::vector<std::string> out = {""};
  for (const auto& word : split_words(phrase)) {
    std::vector<std::string> next;
    std::size_t start = 0;
    do {
      std::size_t bar = word.find('|', start);
      std::string choice = word.substr(start, bar == std::string::npos ? bar : bar - start);
      for (const auto& head : out) next.push_back(head.empty() ? choice : head + " " + choice);
      start = bar == std::string::npos ? bar : bar + 1;
    } while (start != std::string::npos);
    out = std::move(next);
  }
  return out;
}

inline std::size_t filter_bit(std::string_view word) {
  auto at = [&](std::size_t i) {
    return i < word.size() ? static_cast<unsigned char>(word[i]) : 0u;
  };
  return (at(0) * 131 + at(1) * 7 + at(word.size() - 1) * 3 + word.size()) % 4096;
}

// The entries point into the list, so the index is built after the list
// is complete (and rebuilt for a copy).
void build_index(WordList& list) {
  list.by_first_word.clear();
  list.first_word_bits.reset();
  for (const auto& entry : list.entries) {
    if (entry.words.empty()) continue;
    list.by_first_word[entry.words[0]].push_back(&entry);
    list.first_word_bits.set(filter_bit(entry.words[0]));
  }
}

std::vector<WordList> load_word_lists() {
  YamlNode root = parse_yaml(embedded_file("words.yaml"), "words.yaml");
  std::vector<WordList> lists;
  const YamlNode& rules = *root.find("rules");
  for (std::size_t i = 0; i < rules.keys.size(); ++i) {
    const YamlNode& rule = rules.items[i];
    WordList list{rules.keys[i].value,
                  rule.text_at("summary"),
                  {},
                  rule.texts_at("connected_by"),
                  rule.texts_at("outcome_verbs")};
    for (const auto& e : rule.find("entries")->items)
      for (const auto& phrase : wordings(e.text_at("phrase")))
        list.entries.push_back({phrase, e.text_at("instead"), e.text_at("source"),
                                split_words(phrase), e.texts_at("not_before"),
                                e.texts_at("not_after")});
    lists.push_back(std::move(list));
  }
  for (auto& list : lists) build_index(list);
  return lists;
}

// What the tokenizer makes of a byte: words are letters, digits,
// apostrophes, hyphens and any non-ASCII byte. A table, because the
// tokenizer asks this of every byte of every text.
enum ByteClass : unsigned char {
  kNotWord,
  kLower,
  kUpper,
  kDigit,
  kApostrophe,
  kHyphen,
  kNonAscii
};

constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> table{};
  for (int c = 0; c < 256; ++c) {
    ByteClass& cls = table[static_cast<std::size_t>(c)];
    if (c >= 'a' && c <= 'z')
      cls = kLower;
    else if (c >= 'A' && c <= 'Z')
      cls = kUpper;
    else if (c >= '0' && c <= '9')
      cls = kDigit;
    else if (c == '\'')
      cls = kApostrophe;
    else if (c == '-')
      cls = kHyphen;
    else if (c >= 0x80)
      cls = kNonAscii;
  }
  return table;
}();

ByteClass byte_class(char c) {
  return kByteClass[static_cast<unsigned char>(c)];
}

// How many of the eight bytes at text[i] are lower-case ASCII letters in a
// row. All eight are copied to `out`; the caller keeps the run. Most of
// every word is such a run, and eight bytes at a time spare a branch per
// letter. 0 when fewer than eight bytes remain.
std::size_t copy_lower_run(std::string_view text, std::size_t i, char* out) {
  if constexpr (std::endian::native != std::endian::little) return 0;
  if (i + 8 > text.size()) return 0;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = kOnes * 0x80;
  std::uint64_t bytes;
  std::memcpy(&bytes, text.data() + i, 8);
  // Per byte, on its low seven bits (no carry reaches the next byte): the
  // top bit of low + 0x1F is set from 'a' up, of low + 5 from '{' up.
  std::uint64_t low = bytes & (kOnes * 0x7F);
  std::uint64_t from_a = (low + kOnes * (0x80 - 'a')) & kHighs;
  std::uint64_t past_z = (low + kOnes * (0x7F - 'z')) & kHighs;
  std::uint64_t lower = from_a & ~past_z & ~bytes & kHighs;
  std::memcpy(out, &bytes, 8);
  std::uint64_t other = ~lower & kHighs;
  return other == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(other)) / 8;
}

// Whether text[start, end), a word of lower-case letters and inner
// apostrophes, is one to spell-check (WordToken::spellable): three letters
// or more, and not part of an e-mail address, a path or a domain.
bool is_spellable(std::string_view text, std::size_t start, std::size_t end) {
  if (end - start < 3) return false;
  char before = start > 0 ? text[start - 1] : ' ';
  bool joined_before = before == '/' || before == '@' || before == '.';
  bool joined_after = end < text.size() && text[end] == '@';
  return !joined_before && !joined_after;
}

// Reads the words of a text with their places. Quotation marks (straight
// or curly) open and close the client's own words. This runs on every
// sentence of a caseload, so it looks at each byte once, lower-cases ASCII
// itself and writes the lowered words into one buffer.
class Tokenizer {
 public:
  Tokenizer(std::string_view text, Words& out) : text_(text), out_(out) {
    out_.tokens.clear();
    out_.lowered.resize(text.size());
  }

  void run() {
    for (std::size_t i = 0; i < text_.size();) {
      ByteClass cls = byte_class(text_[i]);
      if (text_[i] == '"') {
        quoted_ = !quoted_;
        ++i;
      } else if (cls == kNonAscii && curly_quote(i)) {
        quoted_ = text_[i + 2] == '\x9C';
        i += 3;
      } else if (cls != kNotWord && cls != kApostrophe && cls != kHyphen) {
        // Apostrophes and hyphens join words; they do not start one.
        i = word(i);
      } else {
        if (is_sentence_end(text_[i])) sentence_break_ = true;
        ++i;
      }
    }
    out_.lowered.resize(used_);
  }

 private:
  bool curly(std::size_t i, char last) const {
    return text_[i] == '\xE2' && i + 2 < text_.size() && text_[i + 1] == '\x80' &&
           text_[i + 2] == last;
  }
  bool curly_quote(std::size_t i) const { return curly(i, '\x9C') || curly(i, '\x9D'); }
  static bool is_sentence_end(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
  }

  // Reads the word starting at `start`; returns where it ends.
  std::size_t word(std::size_t start) {
    // Locals rather than members in the loop: the compiler must assume a
    // store through `out` may change a member, and would reload it per byte.
    const std::string_view text = text_;
    char* const first = out_.lowered.data() + used_;
    char* out = first;
    std::size_t i = start;
    bool letters = true;  // only a-z and straight apostrophes, as spelling wants
    while (i < text.size()) {
      char c = text[i];
      ByteClass cls = byte_class(c);
      if (cls == kLower) {
        std::size_t run = std::max<std::size_t>(copy_lower_run(text, i, out), 1);
        *out = c;  // when fewer than eight bytes remain
        i += run;
        out += run;
        continue;
      }
      if (cls == kNotWord) break;
      if (cls == kNonAscii && curly(i, '\x99')) {  // ’
        *out++ = '\'';
        letters = false;
        i += 3;
        continue;
      }
      if (cls == kNonAscii && curly_quote(i)) break;
      // Capitals, digits, hyphens, other letters and a second apostrophe
      // in a row all make a word that spelling passes over.
      if (cls != kApostrophe || text[i - 1] == '\'') letters = false;
      *out++ = cls == kUpper ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
    }
    // Trailing apostrophes and hyphens are not part of the word (clients',
    // follow-); a word cut before a hyphen is half of one, not spelled.
    std::size_t end = i;
    while (out > first && (out[-1] == '\'' || out[-1] == '-')) {
      if (*--out == '-') letters = false;
      end -= text[end - 1] == '\x99' ? 3 : 1;  // ’ is three bytes
    }
    if (out == first) return i;
    auto length = static_cast<std::size_t>(out - first);
    bool spellable = letters && !quoted_ && is_spellable(text, start, end);
    out_.tokens.push_back({start, end - start, used_, length, filter_bit({first, length}), quoted_,
                           spellable, sentence_break_});
    sentence_break_ = false;
    used_ += length;
    return i;
  }

  std::string_view text_;
  Words& out_;
  std::size_t used_ = 0;
  bool quoted_ = false;
  bool sentence_break_ = false;
};

}  // namespace

Words tokenize_words(std::string_view text) {
  Words words;
  tokenize_words(text, words);
  return words;
}

void tokenize_words(std::string_view text, Words& words) {
  Tokenizer(text, words).run();
}

const std::vector<WordList>& word_lists() {
  static const std::vector<WordList> lists = load_word_lists();
  return lists;
}

std::vector<WordList> word_lists_with(
    const std::map<std::string, std::vector<std::string>>& extra) {
  std::vector<WordList> lists = word_lists();
  for (auto& list : lists) {
    auto added = extra.find(list.rule);
    if (added != extra.end())
      for (const auto& phrase : added->second) {
        std::string lower;
        for (char c : phrase)
          lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        list.entries.push_back({lower, "", "casekit.yaml words:", split_words(lower), {}, {}});
      }
    build_index(list);
  }
  return lists;
}

const WordList* find_word_list(std::string_view rule) {
  for (const auto& list : word_lists())
    if (list.rule == rule) return &list;
  return nullptr;
}

}  // namespace casekit
