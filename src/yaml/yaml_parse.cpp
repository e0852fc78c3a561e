// Parsing with libyaml's event API, for every file the fast reader
// (yaml_fast_parse.cpp) leaves alone and for every error message. libyaml's
// parser is several times faster than yaml-cpp's (see the README's
// performance section). Events also let casekit refuse what a record never
// needs (aliases, anchors, tags, duplicate keys) before any of it is
// expanded.
#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <unordered_set>

#include "base/error.hpp"
#include "yaml/yaml_parsers.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

[[noreturn]] void fail(const std::string& file, Mark mark, const std::string& message,
                       std::string hint = {}) {
  throw Error(ExitStatus::usage, {file, mark.line + 1, mark.column + 1}, message, std::move(hint));
}

// libyaml counts characters; the splice editor needs byte offsets. Lines
// are found once, and only files with non-ASCII text need the walk.
class MarkConverter {
 public:
  explicit MarkConverter(std::string_view text)
      : text_(text), ascii_(std::all_of(text.begin(), text.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        })) {}

  Mark operator()(const yaml_mark_t& mark) {
    Mark out{static_cast<int>(mark.line), static_cast<int>(mark.column),
             static_cast<int>(mark.index)};
    if (!ascii_) out.offset = static_cast<int>(byte_offset(mark.line, mark.column));
    return out;
  }

 private:
  // The walk goes on from the last mark when it is on the same line and
  // not after this one: a one-line flow list may hold thousands of items,
  // and walking to each from the line's start would cost the line's
  // length squared.
  std::size_t byte_offset(std::size_t line, std::size_t column) {
    if (line_starts_.empty()) find_line_starts();
    if (line != last_line_ || column < last_column_) {
      last_line_ = line;
      last_column_ = 0;
      last_pos_ = line < line_starts_.size() ? line_starts_[line] : text_.size();
    }
    for (; last_column_ < column && last_pos_ < text_.size(); ++last_column_) {
      ++last_pos_;
      while (last_pos_ < text_.size() &&
             (static_cast<unsigned char>(text_[last_pos_]) & 0xC0) == 0x80)
        ++last_pos_;
    }
    return last_pos_;
  }

  // libyaml also ends lines at NEL (U+0085), LS (U+2028) and PS (U+2029).
  void find_line_starts() {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      std::string_view rest = text_.substr(i, 3);
      if (text_[i] == '\n')
        line_starts_.push_back(i + 1);
      else if (rest.substr(0, 2) == "\xC2\x85")
        line_starts_.push_back(i + 2);
      else if (rest == "\xE2\x80\xA8" || rest == "\xE2\x80\xA9")
        line_starts_.push_back(i + 3);
    }
  }

  std::string_view text_;
  bool ascii_;
  std::vector<std::size_t> line_starts_;
  // Where byte_offset() stopped: line, column and byte offset.
  std::size_t last_line_ = std::string_view::npos, last_column_ = 0, last_pos_ = 0;
};

// Builds a YamlNode tree from parser events, one open collection per frame.
class TreeBuilder {
 public:
  explicit TreeBuilder(std::string file) : file_(std::move(file)) {}

  YamlNode take_root() { return std::move(root_); }

  void scalar(Mark mark, const yaml_event_t& event) {
    const auto& data = event.data.scalar;
    refuse_anchor(mark, data.anchor);
    std::string_view value(reinterpret_cast<const char*>(data.value), data.length);
    bool plain = check_scalar_tag(mark, data.tag) && data.style == YAML_PLAIN_SCALAR_STYLE;
    YamlNode node;
    if (!plain || !is_null_word(value)) {
      node = YamlNode::scalar(std::string(value));
      node.plain = plain;
    }
    node.mark = mark;
    add(std::move(node));
  }

  void open(Mark mark, const yaml_char_t* anchor, const yaml_char_t* tag, bool flow,
            YamlNode node) {
    refuse_anchor(mark, anchor);
    std::string_view t = tag ? reinterpret_cast<const char*>(tag) : "";
    if (!t.empty() && t != "!" && t != YAML_SEQ_TAG && t != YAML_MAP_TAG)
      fail(file_, mark, fmt::format("YAML tag '{}' is not allowed in case files", t),
           "remove the tag");
    if (static_cast<int>(stack_.size()) >= max_depth)
      fail(file_, mark, fmt::format("the document is nested more than {} levels deep", max_depth),
           "case files need only a few levels; check the indentation");
    node.mark = mark;
    node.flow = flow;
    // Records' mappings and lists are short; this spares most regrowth.
    node.items.reserve(8);
    if (node.is_mapping()) node.keys.reserve(8);
    stack_.push_back(Frame{std::move(node), true, {}});
  }

  void close() {
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(node));
  }

  void refuse_anchor(Mark mark, const yaml_char_t* anchor) {
    if (anchor)
      fail(file_, mark, "YAML anchors (&name) are not allowed in case files",
           "write the value out in full");
  }

 private:
  struct Frame {
    YamlNode node;
    bool expecting_key = true;
    // Filled only for large mappings; small ones are searched directly.
    std::unordered_set<std::string> seen_keys;
  };

  // Returns whether the scalar may be plain (its text may mean a number, a
  // date or a boolean). Explicit tags other than strings are refused.
  bool check_scalar_tag(Mark mark, const yaml_char_t* tag) {
    if (!tag) return true;
    std::string_view t = reinterpret_cast<const char*>(tag);
    if (t == "!" || t == YAML_STR_TAG) return false;
    fail(file_, mark, fmt::format("YAML tag '{}' is not allowed in case files", t),
         "remove the tag");
  }

  void add(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& frame = stack_.back();
    if (frame.node.kind == NodeKind::sequence) {
      frame.node.items.push_back(std::move(node));
    } else if (frame.expecting_key) {
      add_key(frame, std::move(node));
    } else {
      frame.node.items.push_back(std::move(node));
      frame.expecting_key = true;
    }
  }

  bool seen_before(Frame& frame, const std::string& key) {
    constexpr std::size_t small = 16;
    auto& keys = frame.node.keys;
    if (keys.size() < small)
      return std::any_of(keys.begin(), keys.end(),
                         [&](const YamlNode& k) { return k.value == key; });
    if (frame.seen_keys.empty())
      for (const auto& k : keys) frame.seen_keys.insert(k.value);
    return !frame.seen_keys.insert(key).second;
  }

  void add_key(Frame& frame, YamlNode key) {
    if (key.kind != NodeKind::scalar)
      fail(file_, key.mark, "a mapping key must be a plain word",
           "keys like `name:` are words, not lists, maps or empty values");
    if (seen_before(frame, key.value))
      fail(file_, key.mark, fmt::format("duplicate key '{}'", key.value),
           "each key may appear once in a mapping; merge the two entries");
    frame.node.keys.push_back(std::move(key));
    frame.expecting_key = false;
  }

  std::string file_;
  std::vector<Frame> stack_;
  YamlNode root_;
};

struct Rephrased {
  std::string message;
  std::string hint;
  bool at_context = false;  // point at where the construct was opened
};

// Where on its line libyaml stopped: anywhere, or after a value that began
// on the same line (`objective: Met for 40 minutes: we went`), which is
// prose that YAML read as more than one value.
enum class Shape { any, after_value };

// The advice for prose that YAML misreads: a block scalar takes colons,
// quotes and # as plain text. A macro, so that other hints can end with it.
#define AS_A_BLOCK                                                                      \
  "write the text as a block: the key, a colon and | at the end of its line, then the " \
  "text on the next lines, indented two spaces more than the key"

// libyaml's messages are written for programmers; case workers get these.
// The first row that matches wins, so a row for a shape comes before the
// row for any.
Rephrased rephrase(std::string_view problem, std::string_view context, Shape shape) {
  struct Entry {
    const char* problem;
    const char* context;  // nullptr: any
    Shape shape;
    const char* words;
    const char* hint;
    bool at_context;
  };
  static const Entry table[] = {
      {"found unexpected end of stream", "while scanning a quoted scalar", Shape::any,
       "a quotation mark opened here is never closed",
       "close the quotation, or remove it; or " AS_A_BLOCK, true},
      {"did not find expected ',' or ']'", nullptr, Shape::any,
       "a list opened here with [ is not closed with ]",
       "add the ], or put text containing [ in quotes", true},
      {"did not find expected ',' or '}'", nullptr, Shape::any,
       "a mapping opened here with { is not closed with }",
       "add the }, or put text containing { in quotes", true},
      {"could not find expected ':'", nullptr, Shape::any,
       "this line is neither `key: value` nor part of the text above it",
       "add the colon after the key, or indent the line to continue the text", true},
      {"mapping values are not allowed in this context", nullptr, Shape::after_value,
       "a colon followed by a space inside this text reads as the start of another key", AS_A_BLOCK,
       false},
      {"mapping values are not allowed in this context", nullptr, Shape::any,
       "this line is not `key: value` where one is expected",
       "check its indentation, or put text with a colon in quotes", false},
      {"did not find expected key", nullptr, Shape::after_value,
       "the text goes on after a closing quotation mark or bracket, which ended the value",
       AS_A_BLOCK, false},
      {"did not find expected key", nullptr, Shape::any,
       "this line does not line up with the keys above it", "check its indentation", false},
      {"did not find expected '-' indicator", nullptr, Shape::any,
       "this line does not line up with the list items above it", "check its indentation", false},
      {"block sequence entries are not allowed in this context", nullptr, Shape::any,
       "this list item (-) is not where a list can be", "check its indentation", false},
      {"found character that cannot start any token", nullptr, Shape::any,
       "a character here cannot start a value", AS_A_BLOCK, false},
      {"did not find expected node content", nullptr, Shape::any,
       "a value is missing here, or starts with a character that cannot start one", AS_A_BLOCK,
       false},
      {"found unknown escape character", nullptr, Shape::any,
       "a backslash in double quotes starts an unknown escape",
       "write \\\\ for a backslash, or use single quotes", false},
  };
#undef AS_A_BLOCK
  for (const auto& entry : table)
    if (problem == entry.problem && (!entry.context || context == entry.context) &&
        (entry.shape == Shape::any || entry.shape == shape))
      return {fmt::format("not valid YAML: {}", entry.words), entry.hint, entry.at_context};
  return {fmt::format("not valid YAML: {}", problem), "", false};
}

// Whether the line before `at` holds a key, a colon, a space and a value.
Shape shape_before(std::string_view line) {
  std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos) return Shape::any;
  return line.find_first_not_of(' ', colon + 2) == std::string_view::npos ? Shape::any
                                                                          : Shape::after_value;
}

[[noreturn]] void fail_parse(const yaml_parser_t& parser, std::string_view text,
                             MarkConverter& convert, const std::string& file) {
  std::string_view problem = parser.problem ? parser.problem : "unknown error";
  std::string_view context = parser.context ? parser.context : "";
  Mark at_problem = convert(parser.problem_mark);
  auto problem_at = std::min(static_cast<std::size_t>(at_problem.offset), text.size());
  std::size_t problem_line = text.rfind('\n', problem_at == 0 ? 0 : problem_at - 1);
  problem_line = problem_line == std::string_view::npos || problem_at == 0 ? 0 : problem_line + 1;
  Rephrased words = rephrase(problem, context,
                             shape_before(text.substr(problem_line, problem_at - problem_line)));
  Mark mark = words.at_context ? convert(parser.context_mark) : at_problem;
  auto at = static_cast<std::size_t>(mark.offset);
  std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  line_start = line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1;
  if (at < text.size() && text[at] == '\t')
    fail(file, mark, "not valid YAML: a tab is used for indentation",
         "indent with spaces; YAML does not allow tabs for indentation");
  if (line_start < text.size() && text[line_start] == '\t')
    words.hint = "indent with spaces; YAML does not allow tabs for indentation";
  fail(file, mark, words.message, words.hint);
}

// Owns a libyaml parser and its current event.
class EventStream {
 public:
  explicit EventStream(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~EventStream() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // The next event, or nullptr on a syntax error (see parser()).
  const yaml_event_t* next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_ ? &event_ : nullptr;
  }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

// The fast reader when it can, libyaml (and its error messages) otherwise.
YamlNode parse_either(std::string_view text, bool plain_ascii, const std::string& file_name) {
  if (auto tree = parse_yaml_fast(text, plain_ascii)) return std::move(*tree);
  return parse_yaml_libyaml(text, file_name);
}

}  // namespace

YamlNode parse_yaml(std::string_view text, const std::string& file_name) {
  return parse_either(text, false, file_name);
}

YamlNode parse_yaml(const SourceText& source, const std::string& file_name) {
  return parse_either(source.text, source.plain_ascii, file_name);
}

YamlNode parse_yaml_libyaml(std::string_view text, const std::string& file_name) {
  EventStream events(text);
  MarkConverter convert(text);
  TreeBuilder builder(file_name);
  int documents = 0;
  for (;;) {
    const yaml_event_t* event = events.next();
    if (!event) fail_parse(events.parser(), text, convert, file_name);
    Mark mark = convert(event->start_mark);
    switch (event->type) {
      case YAML_STREAM_END_EVENT:
        return builder.take_root();
      case YAML_DOCUMENT_START_EVENT:
        if (++documents > 1)
          throw Error(ExitStatus::usage, {file_name, mark.line + 1, mark.column + 1},
                      "the file holds more than one YAML document",
                      "keep one record per file and remove the '---' separators");
        break;
      case YAML_ALIAS_EVENT:
        fail(file_name, mark, "YAML aliases (*name) are not allowed in case files",
             "write the value out in full");
      case YAML_SCALAR_EVENT:
        builder.scalar(mark, *event);
        break;
      case YAML_SEQUENCE_START_EVENT:
        builder.open(mark, event->data.sequence_start.anchor, event->data.sequence_start.tag,
                     event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE,
                     YamlNode::sequence());
        break;
      case YAML_MAPPING_START_EVENT:
        builder.open(mark, event->data.mapping_start.anchor, event->data.mapping_start.tag,
                     event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE,
                     YamlNode::mapping());
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder.close();
        break;
      default:
        break;
    }
  }
}

}  // namespace casekit
