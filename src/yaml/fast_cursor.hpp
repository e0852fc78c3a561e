// The fast YAML reader's cursor (yaml_fast_parse.cpp): a position over
// the text's lines, with the marks (line, column, offset) libyaml would
// give, and the small tests every step of the reader asks. Inline, since
// the reader asks them of every character it looks at.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "yaml/yaml_tree.hpp"

namespace casekit::fast_yaml {

// Thrown to abandon the fast path; never escapes the fast reader.
struct GiveUp {};

[[noreturn]] inline void give_up() {
  throw GiveUp{};
}

inline bool is_key_char(char c, bool first) {
  bool alnum =
      (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return alnum || (!first && (c == '-' || c == '.'));
}

// Characters that start something other than a plain scalar (a table:
// this is asked of every value).
inline constexpr std::array<bool, 256> kIndicators = [] {
  std::array<bool, 256> table{};
  for (char c : std::string_view("-?:,[]{}#&*!|>'\"%@`"))
    table[static_cast<unsigned char>(c)] = true;
  return table;
}();

inline bool is_indicator(char c) {
  return kIndicators[static_cast<unsigned char>(c)];
}

// The keys of one mapping so far, to find a repeated one. Most mappings
// are short and searched directly; a long one (a hostile file may hold
// 200,000 keys) gets a hash set, so each key costs the same. The views
// point into the source text, which outlives the parse.
class KeySet {
 public:
  // Whether `key` was added before; adds it if not.
  bool repeated(std::string_view key) {
    constexpr std::size_t small = 16;
    if (set_.empty() && list_.size() < small) {
      if (std::find(list_.begin(), list_.end(), key) != list_.end()) return true;
      list_.push_back(key);
      return false;
    }
    if (set_.empty()) set_.insert(list_.begin(), list_.end());
    return !set_.insert(key).second;
  }

 private:
  std::vector<std::string_view> list_;
  std::unordered_set<std::string_view> set_;
};

// Between nodes `pos_` is at the start of a line; `line_start_` and
// `line_` always describe the line holding `pos_`.
class Cursor {
 protected:
  // `ascii`: the text is all ASCII, so a column is a byte count.
  Cursor(std::string_view text, bool ascii) : t_(text), ascii_(ascii) {}

  char at(std::size_t i) const { return i < t_.size() ? t_[i] : '\n'; }

  // Outside ASCII a column counts characters. The count goes on from the
  // last mark on the same line, since a one-line flow list may hold
  // thousands of items, and counting each from the line's start would
  // make the line's cost grow with its length squared.
  Mark mark(std::size_t offset) {
    if (ascii_) return {line_, static_cast<int>(offset - line_start_), static_cast<int>(offset)};
    if (counted_line_ != line_start_ || counted_to_ > offset) {
      counted_line_ = counted_to_ = line_start_;
      counted_column_ = 0;
    }
    for (; counted_to_ < offset; ++counted_to_)
      if ((static_cast<unsigned char>(t_[counted_to_]) & 0xC0) != 0x80) ++counted_column_;
    return {line_, counted_column_, static_cast<int>(offset)};
  }

  int indent() const {
    std::size_t p = line_start_;
    while (p < t_.size() && t_[p] == ' ') ++p;
    return static_cast<int>(p - line_start_);
  }

  void finish_line() {
    std::size_t newline = t_.find('\n', pos_);
    pos_ = line_start_ = newline == std::string_view::npos ? t_.size() : newline + 1;
    ++line_;
  }

  // Moves to the next line that is neither blank nor a comment.
  bool next_content_line() {
    pos_ = line_start_;
    while (pos_ < t_.size()) {
      std::size_t p = pos_ + static_cast<std::size_t>(indent());
      if (p < t_.size() && t_[p] != '\n' && t_[p] != '#') return true;
      finish_line();
    }
    return false;
  }

  void skip_spaces() {
    while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
  }

  bool is_entry(std::size_t p) const {
    return at(p) == '-' && (at(p + 1) == ' ' || at(p + 1) == '\n');
  }

  // Whether a line after the one holding pos_ continues a plain scalar:
  // after any blank lines, one indented past the collection's column that
  // is not a comment. Leaves the cursor where it was.
  bool continues_plain(int column) const {
    std::size_t newline = t_.find('\n', pos_);
    for (std::size_t p = newline; p != std::string_view::npos && p + 1 < t_.size();
         p = t_.find('\n', p + 1)) {
      std::size_t first = t_.find_first_not_of(' ', p + 1);
      if (first == std::string_view::npos) return false;
      if (t_[first] == '\n') continue;
      return static_cast<int>(first - p - 1) > column && t_[first] != '#';
    }
    return false;
  }

  // The end of a `key:` starting at p, or 0 when there is none.
  std::size_t key_end(std::size_t p) const {
    if (!is_key_char(at(p), true)) return 0;
    std::size_t e = p + 1;
    while (is_key_char(at(e), false)) ++e;
    if (at(e) != ':' || (at(e + 1) != ' ' && at(e + 1) != '\n') || e - p > 100) return 0;
    return e;
  }
  bool is_key(std::size_t p) const { return key_end(p) != 0; }

  std::string_view t_;
  bool ascii_ = false;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 0;
  int depth_ = 0;
  // Where mark() stopped counting characters: line, offset and column.
  std::size_t counted_line_ = std::string_view::npos, counted_to_ = 0;
  int counted_column_ = 0;
};

}  // namespace casekit::fast_yaml
