#include "casekit/word_lists.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "casekit/schema.hpp"
#include "casekit/yaml_tree.hpp"

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

std::size_t filter_bit(std::string_view word) {
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

std::vector<WordList> load() {
  YamlNode root = parse_yaml(embedded_file("words.yaml"), "words.yaml");
  std::vector<WordList> lists;
  const YamlNode& rules = *root.find("rules");
  for (std::size_t i = 0; i < rules.keys.size(); ++i) {
    const YamlNode& rule = rules.items[i];
    WordList list{rules.keys[i].value,
                  rule.text_at("summary"),
                  {},
                  rule.texts_at("unless_statement_has"),
                  {}};
    for (const auto& e : rule.find("entries")->items)
      list.entries.push_back({e.text_at("phrase"), e.text_at("instead"), e.text_at("source"),
                              split_words(e.text_at("phrase")), e.texts_at("not_before"),
                              e.texts_at("not_after")});
    lists.push_back(std::move(list));
  }
  for (auto& list : lists) build_index(list);
  return lists;
}

// Letters, digits, apostrophes, hyphens and any non-ASCII byte. A table,
// because the tokenizer asks this of every byte of every text.
constexpr std::array<bool, 256> kWordChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                         (c >= '0' && c <= '9') || c == '\'' || c == '-' ||
                                         c >= 0x80;
  return table;
}();

bool word_char(unsigned char c) {
  return kWordChars[c];
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

bool contains(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

namespace {

// Reads the words of a text with their places. Quotation marks (straight
// or curly) open and close the client's own words. This runs on every
// sentence of a caseload, so it looks at each byte once, lower-cases ASCII
// itself and writes the lowered words into one buffer.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {
    out_.lowered.resize(text.size());
    out_.tokens.reserve(text.size() / 5);
  }

  Words run() {
    for (std::size_t i = 0; i < text_.size();) {
      if (text_[i] == '"' || curly_quote(i)) {
        quoted_ = text_[i] == '"' ? !quoted_ : text_[i + 2] == '\x9C';
        i += text_[i] == '"' ? 1 : 3;
      } else if (word_char(static_cast<unsigned char>(text_[i])) && text_[i] != '\'' &&
                 text_[i] != '-') {
        // Apostrophes and hyphens join words; they do not start one.
        i = word(i);
      } else {
        ++i;
      }
    }
    out_.lowered.resize(used_);
    return std::move(out_);
  }

 private:
  bool curly(std::size_t i, char last) const {
    return text_[i] == '\xE2' && i + 2 < text_.size() && text_[i + 1] == '\x80' &&
           text_[i + 2] == last;
  }
  bool curly_quote(std::size_t i) const { return curly(i, '\x9C') || curly(i, '\x9D'); }

  // Reads the word starting at `start`; returns where it ends.
  std::size_t word(std::size_t start) {
    char* lowered = out_.lowered.data();
    std::size_t i = start, from = used_;
    bool letters = true;  // only a-z and straight apostrophes, as spelling wants
    while (i < text_.size() && word_char(static_cast<unsigned char>(text_[i]))) {
      if (curly(i, '\x99')) {  // ’
        lowered[used_++] = '\'';
        letters = false;
        i += 3;
        continue;
      }
      if (curly_quote(i)) break;
      char c = text_[i++];
      bool upper = c >= 'A' && c <= 'Z';
      if (upper || ((c < 'a' || c > 'z') && c != '\'') || (c == '\'' && text_[i - 2] == '\''))
        letters = false;
      lowered[used_++] = upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    // Trailing apostrophes and hyphens are not part of the word (clients',
    // follow-); a word cut before a hyphen is half of one, not spelled.
    std::size_t end = i;
    while (used_ > from && (lowered[used_ - 1] == '\'' || lowered[used_ - 1] == '-')) {
      if (lowered[--used_] == '-') letters = false;
      end -= text_[end - 1] == '\x99' ? 3 : 1;  // ’ is three bytes
    }
    if (used_ == from) return i;
    std::string_view lower(lowered + from, used_ - from);
    bool spellable = letters && !quoted_ && is_spellable(text_, start, end);
    out_.tokens.push_back(
        {start, end - start, from, used_ - from, filter_bit(lower), quoted_, spellable});
    return i;
  }

  std::string_view text_;
  Words out_;
  std::size_t used_ = 0;
  bool quoted_ = false;
};

}  // namespace

Words tokenize_words(std::string_view text) {
  return Tokenizer(text).run();
}

const std::vector<WordList>& word_lists() {
  static const std::vector<WordList> lists = load();
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

std::vector<WordMatch> find_words(const Words& words, const WordList& list, bool skip_quoted,
                                  const std::vector<std::size_t>* starts) {
  std::vector<WordMatch> matches;
  const auto& tokens = words.tokens;
  std::size_t count = starts ? starts->size() : tokens.size();
  for (std::size_t n_th = 0; n_th < count; ++n_th) {
    std::size_t t = starts ? (*starts)[n_th] : n_th;
    if (skip_quoted && tokens[t].quoted) continue;
    if (!list.first_word_bits.test(tokens[t].filter)) continue;
    auto candidates = list.by_first_word.find(words.word(t));
    if (candidates == list.by_first_word.end()) continue;
    for (const WordEntry* entry : candidates->second) {
      std::size_t n = entry->words.size();
      if (t + n > tokens.size()) continue;
      bool same = true;
      for (std::size_t k = 1; k < n && same; ++k) same = words.word(t + k) == entry->words[k];
      if (!same) continue;
      if (t + n < tokens.size() && contains(entry->not_before, words.word(t + n))) continue;
      if (t > 0 && contains(entry->not_after, words.word(t - 1))) continue;
      const WordToken& last = tokens[t + n - 1];
      matches.push_back({entry, tokens[t].offset, last.offset + last.length - tokens[t].offset});
      break;
    }
  }
  return matches;
}

std::optional<std::string> scope_wording(std::string_view statement) {
  const WordList* list = find_word_list("goal/scope-wording");
  if (!list) return std::nullopt;
  Words words = tokenize_words(statement);
  for (std::size_t i = 0; i < words.size(); ++i)
    if (contains(list->unless_text_has, words.word(i))) return std::nullopt;
  auto matches = find_words(words, *list, false);
  if (matches.empty()) return std::nullopt;
  return std::string(statement.substr(matches[0].offset, matches[0].length));
}

}  // namespace casekit
