// A fast reader for the plain block YAML that case files are written in.
//
// `check` reads every file of a caseload, and libyaml's scanner was a third
// of its time. Case files use a small part of YAML: block mappings and
// lists, plain scalars (on one line or folded over several, as PyYAML and
// hand-editing write prose), one-line quoted scalars, one-line flow lists
// and maps, and literal or folded block scalars. This reader handles exactly that part and gives up
// on anything else, and on anything it is unsure of; parse_yaml then reads
// the file with libyaml, which also words every error. So a tree from here
// must be the very tree libyaml would give, positions included: the
// differential unit test and the fuzz_yaml_load target hold it to that.
#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "base/ascii_scan.hpp"
#include "yaml/fast_cursor.hpp"
#include "yaml/yaml_parsers.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

using namespace fast_yaml;  // NOLINT: the reader's own cursor

// A recursive reader over lines (the cursor: fast_cursor.hpp).
class FastParser : Cursor {
 public:
  FastParser(std::string_view text, bool ascii) : Cursor(text, ascii) {}

  YamlNode document() {
    if (!next_content_line() || indent() != 0) give_up();
    std::string_view head = t_.substr(pos_, 3);
    if (head == "---" || head == "..." || t_[pos_] == '%') give_up();
    if (!is_entry(pos_) && !is_key(pos_)) give_up();
    YamlNode root = is_entry(pos_) ? sequence(0) : mapping(0);
    if (next_content_line()) give_up();
    return root;
  }

 private:
  void enter() {
    if (++depth_ > 32) give_up();
  }

  // Whether the line holding pos_ continues the collection at `indent`;
  // leaves pos_ on its first character if so, at the line start if not.
  bool continues(int column) {
    if (!next_content_line()) return false;
    int here = indent();
    if (here > column) give_up();
    if (here < column) return false;
    pos_ = line_start_ + static_cast<std::size_t>(here);
    return true;
  }

  // Adds the key from pos_ to `end` (its colon) to the mapping and moves
  // past the colon. A null word or a repeated key is left to libyaml,
  // which words the error.
  void add_key(YamlNode& map, KeySet& seen, std::size_t end) {
    std::string_view key = t_.substr(pos_, end - pos_);
    if (is_null_word(key) || seen.repeated(key)) give_up();
    YamlNode& node = map.keys.emplace_back();
    node.kind = NodeKind::scalar;
    node.value.assign(key);
    node.mark = mark(pos_);
    pos_ = end + 1;
  }

  YamlNode mapping(int column) {
    enter();
    YamlNode map = YamlNode::mapping();
    map.mark = mark(pos_);
    // Nested mappings are short; a record's top level holds up to about
    // thirty keys (a note has twenty). Reserving spares the regrowth,
    // which moves every node.
    std::size_t expected = column == 0 ? 32 : 8;
    map.keys.reserve(expected);
    map.items.reserve(expected);
    KeySet seen;
    do {
      std::size_t end = key_end(pos_);
      if (end == 0) give_up();
      add_key(map, seen, end);
      value(column, map.items.emplace_back());
    } while (continues(column));
    pos_ = line_start_;
    --depth_;
    return map;
  }

  YamlNode sequence(int column) {
    enter();
    YamlNode list = YamlNode::sequence();
    list.mark = mark(pos_);
    list.items.reserve(8);
    do {
      if (!is_entry(pos_)) break;
      ++pos_;
      skip_spaces();
      if (at(pos_) == '\n' || at(pos_) == '#') give_up();
      if (is_key(pos_))
        list.items.push_back(mapping(static_cast<int>(pos_ - line_start_)));
      else
        value(column, list.items.emplace_back());
    } while (continues(column));
    pos_ = line_start_;
    --depth_;
    return list;
  }

  // The node after `key:` or `- `, whose parent collection is at `column`,
  // read into `node` (a new, null item of the parent: building in place
  // spares a move per node).
  void value(int column, YamlNode& node) {
    std::size_t indicator_end = pos_;
    skip_spaces();
    char c = at(pos_);
    if (c == '\n' || (c == '#' && pos_ > indicator_end)) {
      node = block_value(column, indicator_end);
      return;
    }
    if (c == '|' || c == '>') {
      node = block_scalar(column);
      return;
    }
    if (c == '"')
      node = double_quoted();
    else if (c == '\'')
      node = single_quoted();
    else if (c == '[')
      node = flow_sequence();
    else if (c == '{')
      node = flow_mapping();
    else
      block_plain(column, node);
    end_of_inline(column);
  }

  // What follows `key:` on the next lines: a nested collection, or nothing.
  YamlNode block_value(int column, std::size_t indicator_end) {
    YamlNode none;
    none.mark = mark(indicator_end);
    finish_line();
    if (next_content_line()) {
      int here = indent();
      std::size_t p = line_start_ + static_cast<std::size_t>(here);
      pos_ = p;
      if (here > column && is_entry(p)) return sequence(here);
      if (here > column && is_key(p)) return mapping(here);
      if (here > column) give_up();
      if (here == column && is_entry(p)) return sequence(here);
    }
    pos_ = line_start_;
    return none;
  }

  // After a one-line value only a comment may follow, and the next line
  // must not be indented under it (that would continue the value).
  void end_of_inline(int column) {
    std::size_t value_end = pos_;
    skip_spaces();
    if (at(pos_) == '#' ? pos_ == value_end : at(pos_) != '\n') give_up();
    finish_line();
    if (next_content_line() && indent() > column) give_up();
    pos_ = line_start_;
  }

  // A plain scalar: the rest of the line up to a comment (" #"), without
  // trailing spaces, and the lines that continue it. Most values are prose
  // on one line, so that case reads the line once and copies it once.
  void block_plain(int column, YamlNode& node) {
    if (is_indicator(at(pos_))) give_up();
    std::size_t start = pos_;
    bool comment = false;
    pos_ = plain_line_end(start, comment);
    if (comment || !continues_plain(column)) {
      plain_scalar(start, pos_, node);
      return;
    }
    Mark at_start = mark(start);
    std::string text(t_.substr(start, pos_ - start));
    plain_lines(column, text);
    node.kind = NodeKind::scalar;
    node.value = std::move(text);
    node.mark = at_start;
  }

  // Where the text of a plain scalar's line that starts at `from` ends:
  // before a comment (`comment` tells) and trailing spaces. Finds the
  // line's end with memchr, then looks only at colons and hashes.
  std::size_t plain_line_end(std::size_t from, bool& comment) {
    std::string_view line = t_.substr(from, std::min(t_.find('\n', from), t_.size()) - from);
    std::size_t stop = line.size();
    comment = false;
    for (std::size_t k = 0; k < line.size(); ++k) {
      if (line[k] != ':' && line[k] != '#') continue;
      if (line[k] == '#' && k > 0 && line[k - 1] == ' ') {
        stop = k;
        comment = true;
        break;
      }
      // "key: value" inside a scalar is a mapping; libyaml words the error.
      if (line[k] == ':' && (k + 1 == line.size() || line[k + 1] == ' ')) give_up();
    }
    while (stop > 0 && line[stop - 1] == ' ') --stop;
    return from + stop;
  }

  // Appends the continuation lines to `text`, as YAML folds them: a single
  // line break becomes a space, each blank line a line break. Leaves pos_
  // at the end of the last line's text.
  void plain_lines(int column, std::string& text) {
    for (bool comment = false; !comment && continues_plain(column);) {
      finish_line();
      int blanks = 0;
      for (; t_[line_start_ + static_cast<std::size_t>(indent())] == '\n'; finish_line()) ++blanks;
      blanks == 0 ? text += ' ' : text.append(static_cast<std::size_t>(blanks), '\n');
      std::size_t from = line_start_ + static_cast<std::size_t>(indent());
      pos_ = plain_line_end(from, comment);
      text.append(t_.substr(from, pos_ - from));
    }
  }

  void plain_scalar(std::size_t start, std::size_t end, YamlNode& node) {
    std::string_view text = t_.substr(start, end - start);
    if (!is_null_word(text)) {
      node.kind = NodeKind::scalar;
      node.value.assign(text);
    }
    node.mark = mark(start);
  }

  YamlNode quoted(std::string text, std::size_t start) {
    YamlNode node = YamlNode::scalar(std::move(text));
    node.plain = false;
    node.mark = mark(start);
    return node;
  }

  YamlNode double_quoted() {
    static constexpr std::string_view from("\"\\ntr0abefv ", 12);
    static constexpr std::string_view to("\"\\\n\t\r\0\a\b\x1b\f\v ", 12);
    std::size_t start = pos_++;
    std::string text;
    for (char c; (c = at(pos_)) != '"'; ++pos_) {
      if (c == '\n') give_up();
      if (c == '\\') {
        std::size_t k = from.find(at(++pos_));
        if (k == std::string_view::npos) give_up();
        c = to[k];
      }
      text += c;
    }
    ++pos_;
    return quoted(std::move(text), start);
  }

  YamlNode single_quoted() {
    std::size_t start = pos_++;
    std::string text;
    for (;; ++pos_) {
      char c = at(pos_);
      if (c == '\n') give_up();
      if (c == '\'' && at(pos_ + 1) != '\'') break;
      if (c == '\'') ++pos_;
      text += c;
    }
    ++pos_;
    return quoted(std::move(text), start);
  }

  // One item of a one-line flow collection: a quoted or simple plain scalar.
  YamlNode flow_scalar() {
    skip_spaces();
    char c = at(pos_);
    if (c == '"') return double_quoted();
    if (c == '\'') return single_quoted();
    if (is_indicator(c) || c == '\n') give_up();
    std::size_t start = pos_, end = pos_;
    for (; std::string_view(",[]{}#:\n").find(at(pos_)) == std::string_view::npos; ++pos_)
      if (t_[pos_] != ' ') end = pos_ + 1;
    if (at(pos_) == '#' || at(pos_) == ':') give_up();
    YamlNode node;
    plain_scalar(start, end, node);
    return node;
  }

  // After a flow item: true at the closing bracket (consumed), false at a comma.
  bool flow_item_end(char close) {
    skip_spaces();
    char c = at(pos_++);
    if (c == close) return true;
    if (c != ',') give_up();
    skip_spaces();
    if (at(pos_) == close) give_up();
    return false;
  }

  YamlNode flow_sequence() {
    YamlNode list = YamlNode::sequence();
    list.flow = true;
    list.mark = mark(pos_++);
    skip_spaces();
    if (at(pos_) == ']') return ++pos_, list;
    do list.items.push_back(flow_scalar());
    while (!flow_item_end(']'));
    return list;
  }

  YamlNode flow_mapping() {
    YamlNode map = YamlNode::mapping();
    map.flow = true;
    map.mark = mark(pos_++);
    skip_spaces();
    if (at(pos_) == '}') return ++pos_, map;
    KeySet seen;
    do {
      std::size_t end = key_end(pos_);
      if (end == 0 || at(end + 1) != ' ') give_up();
      add_key(map, seen, end);
      map.items.push_back(flow_scalar());
    } while (!flow_item_end('}'));
    return map;
  }

  // A literal (|) or folded (>) block scalar, with clip or strip chomping.
  YamlNode block_scalar(int column) {
    std::size_t start = pos_;
    bool literal = t_[pos_++] == '|';
    bool strip = at(pos_) == '-';
    if (strip) ++pos_;
    if (at(pos_) != '\n') give_up();
    Mark at_indicator = mark(start);
    finish_line();
    bool last_line_ended = false;
    std::string text = block_lines(column, literal, last_line_ended);
    // Clip keeps the last line's break, if the file has one there.
    if (!strip && last_line_ended) text += '\n';
    YamlNode node = YamlNode::scalar(std::move(text));
    node.plain = false;
    node.mark = at_indicator;
    return node;
  }

  std::string block_lines(int column, bool literal, bool& last_line_ended) {
    std::string text;
    int content = -1;
    int blanks = 0;
    for (; pos_ < t_.size(); finish_line()) {
      std::size_t end = t_.find('\n', pos_);
      if (end == std::string_view::npos) end = t_.size();
      int spaces = indent();
      bool blank = line_start_ + static_cast<std::size_t>(spaces) == end;
      if (blank && (content < 0 || spaces > content)) give_up();
      if (blank) {
        ++blanks;
        continue;
      }
      if (content < 0 && spaces <= column) give_up();
      if (content < 0) content = spaces;
      if (spaces < content) break;
      if (spaces > content && !literal) give_up();
      // Literal keeps every line break; folded turns a single break into a
      // space and keeps the breaks of blank lines.
      if (!text.empty() && literal)
        text.append(static_cast<std::size_t>(blanks) + 1, '\n');
      else if (!text.empty())
        blanks > 0 ? text.append(static_cast<std::size_t>(blanks), '\n') : text += ' ';
      std::size_t from = line_start_ + static_cast<std::size_t>(content);
      text.append(t_.substr(from, end - from));
      last_line_ended = end < t_.size();
      blanks = 0;
    }
    if (content < 0) give_up();
    pos_ = line_start_;
    return text;
  }
};

}  // namespace

std::optional<YamlNode> parse_yaml_fast(std::string_view text, bool plain_ascii) {
  bool ascii = plain_ascii || printable_ascii(text, "\n");
  if (!ascii && !yaml_plain_text(text)) return std::nullopt;
  try {
    return FastParser(text, ascii).document();
  } catch (const GiveUp&) {
    return std::nullopt;
  }
}

}  // namespace casekit
