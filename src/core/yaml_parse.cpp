// Parsing with yaml-cpp's event API: it gives positions and lets casekit
// refuse what a record never needs (aliases, anchors, tags, duplicate keys)
// before any of it is expanded.
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_set>

#include "casekit/error.hpp"
#include "casekit/yaml_tree.hpp"
#include "yaml_text.hpp"

namespace casekit {
namespace {

Mark to_mark(const YAML::Mark& mark) { return {mark.line, mark.column, mark.pos}; }

Location location_of(const std::string& file, Mark mark) {
  return {file, mark.line + 1, mark.column + 1};
}

[[noreturn]] void fail(const std::string& file, Mark mark, const std::string& message,
                       std::string hint = {}) {
  throw Error(ExitStatus::usage, location_of(file, mark), message, std::move(hint));
}

// Builds a YamlNode tree from parser events, one open collection per frame.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}

  YamlNode take_root() { return std::move(root_); }
  bool saw_document() const { return saw_document_; }

  void OnDocumentStart(const YAML::Mark&) override { saw_document_ = true; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    YamlNode node;
    node.mark = to_mark(mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(file_, to_mark(mark), "YAML aliases (*name) are not allowed in case files",
         "write the value out in full");
  }

  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    refuse_anchor(mark, 1);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(mark, anchor);
    YamlNode node = YamlNode::scalar(value);
    node.plain = check_tag(mark, tag);
    check_closed(mark);
    node.mark = to_mark(mark);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor, YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, YamlNode::sequence());
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, YamlNode::mapping());
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    bool expecting_key = true;
    std::unordered_set<std::string> seen_keys;
  };

  void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor)
      fail(file_, to_mark(mark), "YAML anchors (&name) are not allowed in case files",
           "write the value out in full");
  }

  // Returns whether the scalar counts as plain (its text may mean a number,
  // a date or a boolean). Explicit tags other than !!str are refused.
  bool check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag == "?") return true;
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return false;
    fail(file_, to_mark(mark), fmt::format("YAML tag '{}' is not allowed in case files", tag),
         "remove the tag");
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, YamlNode node) {
    refuse_anchor(mark, anchor);
    if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:seq" &&
        tag != "tag:yaml.org,2002:map")
      fail(file_, to_mark(mark), fmt::format("YAML tag '{}' is not allowed in case files", tag),
           "remove the tag");
    if (static_cast<int>(stack_.size()) >= max_depth)
      fail(file_, to_mark(mark),
           fmt::format("the document is nested more than {} levels deep", max_depth),
           "case files need only a few levels; check the indentation");
    node.mark = to_mark(mark);
    node.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back(Frame{std::move(node), true, {}});
  }

  void close() {
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(node));
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

  void add_key(Frame& frame, YamlNode key) {
    if (key.kind != NodeKind::scalar)
      fail(file_, key.mark, "a mapping key must be a plain word",
           "keys like `name:` are words, not lists, maps or empty values");
    if (!frame.seen_keys.insert(key.value).second)
      fail(file_, key.mark, fmt::format("duplicate key '{}'", key.value),
           "each key may appear once in a mapping; merge the two entries");
    frame.node.keys.push_back(std::move(key));
    frame.expecting_key = false;
  }

  // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the file,
  // swallowing the keys below it; such a quote is refused here.
  void check_closed(const YAML::Mark& mark) {
    auto pos = static_cast<std::size_t>(mark.pos);
    if (pos >= text_.size() || (text_[pos] != '"' && text_[pos] != '\'')) return;
    if (skip_quoted(text_, pos) != std::string::npos) return;
    fail(file_, to_mark(mark), "a quotation mark opened here is never closed", "close the quotation, or remove it");
  }

  std::string file_;
  std::string_view text_;
  std::vector<Frame> stack_;
  YamlNode root_;
  bool saw_document_ = false;
};

// yaml-cpp's messages are written for programmers; case workers get these.
std::string rephrase(const YAML::Exception& e) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&e))
    return fmt::format("the document is nested more than {} levels deep", max_depth);
  static const std::pair<const char*, const char*> plain_words[] = {
      {YAML::ErrorMsg::MAP_VALUE, "this line is not `key: value` where one is expected (check its indentation, or put text with a colon in quotes)"},
      {YAML::ErrorMsg::MAP_KEY, "a key is not where one can be (check the indentation)"},
      {YAML::ErrorMsg::BLOCK_ENTRY, "this list item (-) is not where a list can be (check its indentation)"},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a list opened with [ is not closed with ]"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a mapping opened with { is not closed with }"},
      {YAML::ErrorMsg::END_OF_SEQ, "a list ends where it cannot (check the indentation of the lines below)"},
      {YAML::ErrorMsg::END_OF_MAP, "a set of keys ends where it cannot (check the indentation of the lines below)"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "a quotation mark opened here is never closed"},
      {YAML::ErrorMsg::FLOW_END, "a ] or } has no matching [ or {"},
      {YAML::ErrorMsg::UNKNOWN_TOKEN, "a character here cannot start a value (put the text in quotes)"},
      {YAML::ErrorMsg::TAB_IN_INDENTATION, "a tab is used for indentation"},
  };
  for (const auto& [from, to] : plain_words)
    if (e.msg == from) return std::string("not valid YAML: ") + to;
  std::string msg = e.msg;
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(msg[0]));
  return "not valid YAML: " + msg;
}

}  // namespace

YamlNode parse_yaml(std::string_view text, const std::string& file_name) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file_name, text);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    TreeBuilder second(file_name, text);
    if (parser.HandleNextDocument(second) && second.saw_document())
      throw Error(ExitStatus::usage, {file_name, 0, 0},
                  "the file holds more than one YAML document",
                  "keep one record per file and remove the '---' separators");
  } catch (const YAML::Exception& e) {
    Mark mark{std::max(e.mark.line, 0), std::max(e.mark.column, 0), std::max(e.mark.pos, 0)};
    std::string hint;
    if (e.mark.line >= 0) {
      std::size_t start = 0;
      for (int line = 0; line < e.mark.line && start != std::string_view::npos; ++line) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
      }
      if (start != std::string_view::npos && start < text.size() && text[start] == '\t')
        hint = "indent with spaces; YAML does not allow tabs for indentation";
    }
    fail(file_name, mark, rephrase(e), hint);
  }
  return builder.take_root();
}

}  // namespace casekit
