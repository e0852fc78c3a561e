#include "yaml/yaml_edit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

#include "base/error.hpp"
#include "yaml/yaml_text.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

[[noreturn]] void cannot_edit(const std::string& file, Mark mark, const std::string& why) {
  throw Error(ExitStatus::usage, {file, mark.line + 1, mark.column + 1},
              fmt::format("casekit cannot edit this part of the file: {}", why),
              "rewrite it in block style (one entry per line), or edit the file by hand");
}

YamlNode* mutable_node_at(YamlNode& root, const YamlPath& path) {
  return const_cast<YamlNode*>(node_at(root, path));
}

std::size_t step_index(const YamlNode& parent, const PathStep& step) {
  if (const auto* index = std::get_if<std::size_t>(&step)) return *index;
  const auto& key = std::get<std::string>(step);
  for (std::size_t i = 0; i < parent.keys.size(); ++i)
    if (parent.keys[i].value == key) return i;
  return parent.items.size();
}

YamlPath parent_of(const YamlPath& path) {
  return YamlPath(path.begin(), path.end() - 1);
}

}  // namespace

const YamlNode* node_at(const YamlNode& root, const YamlPath& path) {
  const YamlNode* node = &root;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      node = node->find(*key);
    } else {
      std::size_t index = std::get<std::size_t>(step);
      node = node->is_sequence() && index < node->items.size() ? &node->items[index] : nullptr;
    }
    if (!node) return nullptr;
  }
  return node;
}

YamlEditor::YamlEditor(std::string text, std::string file_name)
    : text_(std::move(text)),
      file_name_(std::move(file_name)),
      tree_(parse_yaml(text_, file_name_)) {}

YamlEditor::YamlEditor(std::string text, YamlNode parsed, std::string file_name)
    : text_(std::move(text)), file_name_(std::move(file_name)), tree_(std::move(parsed)) {}

void YamlEditor::set(const YamlPath& path, const YamlNode& value) {
  assert(!path.empty() && std::holds_alternative<std::string>(path.back()));
  YamlNode expected = tree_;
  YamlNode* at = &expected;
  // Walk to the mapping that gets the key, creating missing mappings.
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    if (const auto* key = std::get_if<std::string>(&path[i])) {
      if (!at->is_mapping() && !at->is_null())
        cannot_edit(file_name_, at->mark, "a set of keys was expected here");
      YamlNode* next = at->find(*key);
      at = next && !next->is_null() ? next : &at->set(*key, YamlNode::mapping());
    } else {
      std::size_t index = std::get<std::size_t>(path[i]);
      if (!at->is_sequence() || index >= at->items.size())
        cannot_edit(file_name_, at->mark, "a list was expected here");
      at = &at->items[index];
    }
  }
  if (!at->is_mapping() && !at->is_null())
    cannot_edit(file_name_, at->mark, "a set of keys was expected here");
  at->set(std::get<std::string>(path.back()), value);
  apply(splice_for_set(path, value), expected);
}

void YamlEditor::append(const YamlPath& path, const YamlNode& item) {
  const YamlNode* existing = node_at(tree_, path);
  if (!existing || existing->is_null() ||
      (existing->is_sequence() && existing->items.empty() && existing->flow)) {
    // A new list: the same as setting the key to a list of one item. Only
    // a key can take one: an empty item of a list (`-` alone) cannot.
    if (path.empty() || !std::holds_alternative<std::string>(path.back()))
      cannot_edit(file_name_, existing ? existing->mark : tree_.mark, "a list was expected here");
    YamlNode list = YamlNode::sequence();
    list.items.push_back(item);
    return set(path, list);
  }
  YamlNode expected = tree_;
  YamlNode* seq = mutable_node_at(expected, path);
  if (!seq->is_sequence()) cannot_edit(file_name_, seq->mark, "a list was expected here");
  seq->items.push_back(item);
  apply(splice_for_append(path, item), expected);
}

void YamlEditor::apply(const Splice& splice, const YamlNode& expected, bool removing) {
  std::string insert = splice.text;
  if (splice.begin == splice.end && splice.begin > 0 && text_[splice.begin - 1] != '\n' &&
      splice.begin == text_.size())
    insert.insert(0, "\n");
  std::string result = text_.substr(0, splice.begin) + insert + text_.substr(splice.end);
  // The parse cannot see comments; they are checked here: every comment
  // line of the file is still there, in the same order (when a key is
  // removed, those inside what it removes go with it).
  std::string kept = removing ? text_.substr(0, splice.begin) + text_.substr(splice.end) : text_;
  if (!keeps_comments(kept, result))
    throw Error(
        ExitStatus::internal, {file_name_, 0, 0},
        "the edit would have removed a comment, so nothing was written",
        "this is a bug in casekit; please report it with the file's layout (not its contents)");
  YamlNode reparsed;
  try {
    reparsed = parse_yaml(result, file_name_);
  } catch (const Error&) {
    reparsed = YamlNode();
    reparsed.value = "\x01unparsable";
  }
  if (!same_content(reparsed, expected))
    throw Error(ExitStatus::internal, {file_name_, 0, 0},
                "the edit could not be made without disturbing other lines, so nothing was "
                "written",
                "this is a bug in casekit; please report it with the file's layout (not its "
                "contents)");
  text_ = std::move(result);
  tree_ = std::move(reparsed);
}

int YamlEditor::entry_column(const YamlPath& path) const {
  if (path.empty()) return -1;
  const YamlNode* parent = node_at(tree_, parent_of(path));
  std::size_t index = step_index(*parent, path.back());
  if (parent->is_mapping()) return parent->keys[index].mark.column;
  std::size_t pos = static_cast<std::size_t>(parent->items[index].mark.offset);
  std::size_t dash = text_.find_last_not_of(" \n", pos == 0 ? 0 : pos - 1);
  if (dash != std::string::npos && text_[dash] == '-')
    return static_cast<int>(dash - line_begin(text_, dash));
  return parent->items[index].mark.column;
}

std::size_t YamlEditor::region_limit(const YamlPath& path) const {
  // A document end marker ("..." on its own line) closes the root's region.
  std::size_t limit = text_.size();
  for (std::size_t at = text_.find("..."); at != std::string::npos; at = text_.find("...", at + 3))
    if (line_begin(text_, at) == at &&
        (at + 3 == text_.size() || text_[at + 3] == '\n' || text_[at + 3] == ' ')) {
      limit = at;
      break;
    }
  const YamlNode* parent = &tree_;
  for (const auto& step : path) {
    std::size_t index = step_index(*parent, step);
    std::size_t count = parent->items.size();
    if (index + 1 < count && !parent->flow) {
      const YamlNode& next =
          parent->is_mapping() ? parent->keys[index + 1] : parent->items[index + 1];
      std::size_t start = static_cast<std::size_t>(next.mark.offset);
      if (parent->is_sequence()) {
        std::size_t dash = text_.find_last_not_of(" \n", start == 0 ? 0 : start - 1);
        if (dash != std::string::npos && text_[dash] == '-') start = dash;
      }
      limit = line_begin(text_, start);
    }
    parent = &parent->items[index];
  }
  return limit;
}

std::size_t YamlEditor::content_end(const YamlPath& path) const {
  const YamlNode* node = node_at(tree_, path);
  int threshold = entry_column(path);
  std::size_t floor =
      path.empty() ? 0 : next_line(text_, static_cast<std::size_t>(node->mark.offset));
  std::size_t pos = region_limit(path);
  while (pos > floor) {
    std::size_t begin = line_begin(text_, pos - 1);
    // A comment above the next entry belongs to it; so does a casekit
    // suppression comment, which names the line below it.
    bool suppression =
        is_comment(text_, begin) &&
        text_.substr(begin, next_line(text_, begin) - begin).find("casekit:") != std::string::npos;
    bool trailing = is_blank(text_, begin) || suppression ||
                    (is_comment(text_, begin) && indent_at(text_, begin) <= threshold);
    if (!trailing) break;
    pos = begin;
  }
  return std::max(pos, floor);
}

YamlEditor::Splice YamlEditor::splice_for_set(const YamlPath& path, const YamlNode& value) const {
  if (node_at(tree_, path)) return replace_value(path, value);
  return insert_entry(parent_of(path), std::get<std::string>(path.back()), value);
}

YamlEditor::Splice YamlEditor::splice_for_append(const YamlPath& path, const YamlNode& item) const {
  const YamlNode* node = node_at(tree_, path);
  YamlNode list = YamlNode::sequence();
  list.items.push_back(item);
  if (!node) return insert_entry(parent_of(path), std::get<std::string>(path.back()), list);
  if (node->is_null() || (node->is_sequence() && node->items.empty()))
    return replace_value(path, list);
  if (!node->is_sequence()) cannot_edit(file_name_, node->mark, "a list was expected here");
  if (node->flow) {
    std::string part = render_inline(item);
    std::size_t close = skip_flow(text_, static_cast<std::size_t>(node->mark.offset));
    if (part.empty() || close == std::string::npos)
      cannot_edit(file_name_, node->mark, "a [..] list");
    return {close - 1, close - 1, ", " + part};
  }
  std::size_t pos = content_end(path);
  YamlPath first = path;
  first.emplace_back(std::size_t{0});
  return {pos, pos, render_item(item, entry_column(first))};
}

YamlEditor::Splice YamlEditor::insert_entry(const YamlPath& map_path, const std::string& key,
                                            const YamlNode& value) const {
  const YamlNode* map = node_at(tree_, map_path);
  if (!map) {
    YamlNode wrapper = YamlNode::mapping();
    wrapper.set(key, value);
    return splice_for_set(map_path, wrapper);
  }
  if (map->is_null()) {
    YamlNode wrapper = YamlNode::mapping();
    wrapper.set(key, value);
    if (map_path.empty()) return {0, text_.size(), render_document(wrapper)};
    return replace_value(map_path, wrapper);
  }
  if (!map->is_mapping()) cannot_edit(file_name_, map->mark, "a mapping was expected here");
  if (map->flow) {
    std::string part = render_inline(value);
    std::size_t close = skip_flow(text_, static_cast<std::size_t>(map->mark.offset));
    if (part.empty() || close == std::string::npos)
      cannot_edit(file_name_, map->mark, "a {..} mapping");
    std::string sep = map->keys.empty() ? "" : ", ";
    return {close - 1, close - 1, sep + render_inline(text_node(key)) + ": " + part};
  }
  std::size_t pos = content_end(map_path);
  return {pos, pos, render_entry(key, value, map->keys[0].mark.column)};
}

// Replaces the value of an existing entry. An inline value is swapped in
// place, keeping the rest of the line (a comment, say); a value spread over
// lines is replaced whole.
YamlEditor::Splice YamlEditor::replace_value(const YamlPath& path, const YamlNode& value) const {
  const YamlNode* parent = node_at(tree_, parent_of(path));
  const YamlNode* node = node_at(tree_, path);
  if (parent->is_sequence())
    cannot_edit(file_name_, node->mark, "only values of mappings can be replaced");
  if (parent->flow) return replace_flow_value(*node, value);
  std::size_t index = step_index(*parent, path.back());
  const YamlNode& key = parent->keys[index];
  std::size_t key_pos = static_cast<std::size_t>(key.mark.offset);
  std::size_t after_key = key.plain ? key_pos : skip_quoted(text_, key_pos);
  std::size_t colon = text_.find(':', after_key);
  std::size_t key_line_end = next_line(text_, key_pos);
  std::size_t region_end = content_end(path);
  int child_indent = key.mark.column + 2;
  std::string rendered = render_after_key(value, child_indent);
  bool rendered_inline =
      std::count(rendered.begin(), rendered.end(), '\n') == 1 && rendered[1] != '\n';

  // The old value's span on the key's line, when it has one. Comment lines
  // below a one-line value are not part of it.
  bool only_comments_below = true;
  for (std::size_t at = key_line_end; at < region_end; at = next_line(text_, at))
    if (!is_blank(text_, at) && !is_comment(text_, at)) only_comments_below = false;
  if (only_comments_below) region_end = std::min(region_end, key_line_end);
  std::size_t begin = colon + 1, end = std::string::npos;
  if (region_end <= key_line_end) {
    if (node->is_null()) {
      end = begin;
      while (end < text_.size() && text_[end] == ' ') ++end;
      std::size_t word = scalar_end(text_, end);
      end = (word != std::string::npos && text_[end] != '#') ? word : begin;
    } else if (node->is_scalar()) {
      begin = static_cast<std::size_t>(node->mark.offset);
      end = scalar_end(text_, begin);
    } else if (node->flow) {
      begin = static_cast<std::size_t>(node->mark.offset);
      end = skip_flow(text_, begin);
    }
  }
  if (end == std::string::npos || end > key_line_end) {
    // Spread over lines: replace everything from the colon to the value's end.
    std::size_t stop = std::max(region_end, key_line_end);
    return {colon + 1, stop, rendered};
  }
  if (rendered_inline) {
    std::string inline_text = rendered.substr(1, rendered.size() - 2);
    return {begin, end, (begin == colon + 1 ? " " : "") + inline_text};
  }
  // A nested block goes below the key's line; the rest of that line stays.
  std::string rest = text_.substr(end, key_line_end - end);
  if (!rest.empty() && rest.back() == '\n') rest.pop_back();
  if (rendered[0] == '\n') return {colon + 1, key_line_end, rest + rendered};
  std::size_t header_end = rendered.find('\n');
  return {colon + 1, key_line_end,
          rendered.substr(0, header_end) + rest + rendered.substr(header_end)};
}

YamlEditor::Splice YamlEditor::replace_flow_value(const YamlNode& node,
                                                  const YamlNode& value) const {
  std::size_t begin = static_cast<std::size_t>(node.mark.offset);
  std::size_t end = node.is_scalar() ? scalar_end(text_, begin, true)
                    : node.flow      ? skip_flow(text_, begin)
                                     : std::string::npos;
  std::string part = render_inline(value);
  if (node.is_null() || end == std::string::npos || part.empty())
    cannot_edit(file_name_, node.mark, "a value inside a {..} mapping");
  return {begin, end, part};
}

void YamlEditor::remove(const YamlPath& path) {
  assert(!path.empty() && std::holds_alternative<std::string>(path.back()));
  const YamlNode* parent = node_at(tree_, parent_of(path));
  if (!node_at(tree_, path)) return;
  if (parent->keys.size() < 2)
    cannot_edit(file_name_, parent->mark, "removing the only key would leave an empty mapping");
  YamlNode expected = tree_;
  YamlNode* map = mutable_node_at(expected, parent_of(path));
  std::size_t index = step_index(*map, path.back());
  map->keys.erase(map->keys.begin() + static_cast<long>(index));
  map->items.erase(map->items.begin() + static_cast<long>(index));
  apply(splice_for_remove(path), expected, true);
}

YamlEditor::Splice YamlEditor::splice_for_remove(const YamlPath& path) const {
  const YamlNode* parent = node_at(tree_, parent_of(path));
  std::size_t index = step_index(*parent, path.back());
  const YamlNode& key = parent->keys[index];
  std::size_t begin = static_cast<std::size_t>(key.mark.offset);
  if (!parent->flow)
    return {line_begin(text_, begin), std::max(content_end(path), next_line(text_, begin)), ""};
  // In {..}: remove "key: value" and one separating comma.
  const YamlNode& value = parent->items[index];
  std::size_t end = value.is_scalar()
                        ? scalar_end(text_, static_cast<std::size_t>(value.mark.offset), true)
                    : value.flow ? skip_flow(text_, static_cast<std::size_t>(value.mark.offset))
                                 : std::string::npos;
  if (value.is_null() || end == std::string::npos)
    cannot_edit(file_name_, key.mark, "a value inside a {..} mapping");
  if (index + 1 < parent->keys.size())
    return {begin, static_cast<std::size_t>(parent->keys[index + 1].mark.offset), ""};
  std::size_t comma = text_.rfind(',', begin);
  return {comma, end, ""};
}

void YamlEditor::replace_scalar(const YamlPath& path, const std::string& value) {
  const YamlNode* node = node_at(tree_, path);
  assert(node);
  if (!node->is_scalar()) cannot_edit(file_name_, node->mark, "a single value was expected here");
  YamlNode expected = tree_;
  mutable_node_at(expected, path)->value = value;
  apply(splice_for_scalar(*node, value), expected);
}

void YamlEditor::rename_key(const YamlPath& path, const std::string& key) {
  assert(!path.empty() && std::holds_alternative<std::string>(path.back()));
  const YamlNode* parent = node_at(tree_, parent_of(path));
  assert(parent && node_at(tree_, path));
  if (parent->find(key))
    cannot_edit(file_name_, parent->mark, fmt::format("the key '{}' is there already", key));
  std::size_t index = step_index(*parent, path.back());
  YamlNode expected = tree_;
  mutable_node_at(expected, parent_of(path))->keys[index].value = key;
  apply(splice_for_scalar(parent->keys[index], key), expected);
}

// Only the scalar's own characters change: its text must be exactly its
// value (one line, no escapes), and the new value must need no quotes
// the old text lacks; apply() checks the result.
YamlEditor::Splice YamlEditor::splice_for_scalar(const YamlNode& scalar,
                                                 const std::string& value) const {
  std::size_t begin = static_cast<std::size_t>(scalar.mark.offset);
  bool quoted = begin < text_.size() && (text_[begin] == '"' || text_[begin] == '\'');
  if (quoted) ++begin;
  bool exact = !scalar.value.empty() && scalar.value.find('\n') == std::string::npos &&
               text_.compare(begin, scalar.value.size(), scalar.value) == 0;
  bool fits = quoted || render_inline(text_node(value)) == value;
  if (!exact || !fits || value.find('\n') != std::string::npos)
    cannot_edit(file_name_, scalar.mark, "a value written over several lines or with escapes");
  return {begin, begin + scalar.value.size(), value};
}

}  // namespace casekit
