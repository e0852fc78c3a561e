// The splice editor: a random edit (set, append or remove) at a random
// place of a file that parses. The editor may refuse (nothing is written
// then); when it accepts, its text must parse to exactly the original tree
// with the intended change, computed here independently of the editor,
// and every scalar it did not touch must keep its quoting. The file comes
// first in the input, the choices of the edit from its last bytes.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "base/error.hpp"
#include "yaml/yaml_edit.hpp"
#include "yaml/yaml_write.hpp"

using namespace casekit;

namespace {

// Texts the writer must quote, fold or escape to keep them what they are.
const char* const kTricky[] = {"",
                               "yes",
                               "no",
                               "null",
                               "~",
                               "2026-11-23",
                               "12",
                               "1e3",
                               "0x1A",
                               "a: b",
                               "- item",
                               "# not a comment",
                               "'quoted'",
                               "\"",
                               "ends with colon:",
                               "  leading",
                               "trailing  ",
                               "two\nlines",
                               "three\n\nlines\n",
                               "tab\tinside",
                               "Ñandú über café",
                               "[x]",
                               "{y: z}",
                               "&anchor",
                               "*alias",
                               "!tag",
                               "%directive",
                               "@at",
                               "`tick",
                               "|",
                               ">",
                               "? key",
                               "---",
                               "..."};

std::string random_text(FuzzedDataProvider& in) {
  if (in.ConsumeBool())
    return kTricky[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kTricky) - 1)];
  std::string text = in.ConsumeRandomLengthString(120);
  // Options and editors hand casekit text, never control characters.
  std::erase_if(text, [](char c) {
    return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
  });
  for (char& c : text)
    if (static_cast<unsigned char>(c) >= 0x80) c = 'x';
  return text;
}

YamlNode random_value(FuzzedDataProvider& in, int depth = 0) {
  int kind = in.ConsumeIntegralInRange(0, depth > 1 ? 0 : 2);
  if (kind == 0) return text_node(random_text(in));
  YamlNode node = kind == 1 ? YamlNode::mapping() : YamlNode::sequence();
  int count = in.ConsumeIntegralInRange(1, 3);
  for (int i = 0; i < count; ++i) {
    if (kind == 1)
      node.set(in.ConsumeBool() ? "id" : "k" + std::to_string(i), random_value(in, depth + 1));
    else
      node.items.push_back(random_value(in, depth + 1));
  }
  return node;
}

// Walks down from the root, choosing children, and returns the path.
YamlPath random_path(FuzzedDataProvider& in, const YamlNode& root) {
  YamlPath path;
  const YamlNode* node = &root;
  while ((node->is_mapping() || node->is_sequence()) && !node->items.empty() && in.ConsumeBool()) {
    std::size_t i = in.ConsumeIntegralInRange<std::size_t>(0, node->items.size() - 1);
    if (node->is_mapping())
      path.emplace_back(node->keys[i].value);
    else
      path.emplace_back(i);
    node = &node->items[i];
  }
  return path;
}

YamlNode* mutable_at(YamlNode& root, const YamlPath& path) {
  return const_cast<YamlNode*>(node_at(root, path));
}

// Equal trees; scalars the edit did not make keep their quoting too.
bool same_tree(const YamlNode& expected, const YamlNode& actual, bool check_quoting) {
  if (!same_content(expected, actual)) return false;
  if (expected.is_scalar()) return !check_quoting || expected.plain == actual.plain;
  for (std::size_t i = 0; i < expected.items.size(); ++i)
    if (!same_tree(expected.items[i], actual.items[i],
                   check_quoting && expected.items[i].mark.offset >= 0))
      return false;
  return true;
}

// New nodes carry offset -1: their quoting is the writer's choice.
void mark_new(YamlNode& node) {
  node.mark.offset = -1;
  for (auto& item : node.items) mark_new(item);
}

// Sets or removes a key of the mapping at `path` (a key it has, or a new
// one) in the editor and in `target`, the expected tree's node there.
// Returns false when the node is not a mapping.
bool set_or_remove(YamlEditor& editor, YamlPath path, YamlNode* target, bool set,
                   std::size_t key_choice, const YamlNode& value, const YamlNode& marked) {
  if (!target->is_mapping() && !(set && target->is_null())) return false;
  std::string key = !target->keys.empty() && key_choice % 2
                        ? target->keys[key_choice % target->keys.size()].value
                        : "new_" + std::to_string(key_choice);
  path.emplace_back(key);
  if (set) {
    if (target->is_null()) *target = YamlNode::mapping();
    target->set(key, marked);
    editor.set(path, value);
    return true;
  }
  for (std::size_t i = 0; i < target->keys.size(); ++i)
    if (target->keys[i].value == key) {
      target->keys.erase(target->keys.begin() + static_cast<long>(i));
      target->items.erase(target->items.begin() + static_cast<long>(i));
    }
  editor.remove(path);
  return true;
}

// Appends to the list at `path` (or makes one where the value is empty).
bool append(YamlEditor& editor, const YamlPath& path, YamlNode* target, const YamlNode& value,
            const YamlNode& marked) {
  if (target->is_null() || (target->is_sequence() && target->items.empty() && target->flow)) {
    if (path.empty()) return false;
    *target = YamlNode::sequence();
  }
  if (!target->is_sequence()) return false;
  target->items.push_back(marked);
  editor.append(path, value);
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  int op = in.ConsumeIntegralInRange(0, 2);
  std::size_t key_choice = in.ConsumeIntegral<std::uint8_t>();
  std::string text = in.ConsumeRandomLengthString(size);
  std::optional<YamlEditor> editor;
  try {
    // Commands edit the decoded text (LF line ends, no byte order mark).
    editor.emplace(decode_source(text, "fuzz.yaml").text, "fuzz.yaml");
  } catch (const Error&) {
    return 0;
  }
  YamlNode expected = editor->tree();
  YamlPath path = random_path(in, expected);
  YamlNode* target = mutable_at(expected, path);
  YamlNode value = random_value(in);
  YamlNode marked = value;
  mark_new(marked);
  try {
    bool made = op == 1 ? append(*editor, path, target, value, marked)
                        : set_or_remove(*editor, path, target, op == 0, key_choice, value, marked);
    if (!made) return 0;
  } catch (const Error&) {
    // A refusal writes nothing, which is safe.
    return 0;
  }
  YamlNode reparsed = parse_yaml(editor->text(), "fuzz.yaml");
  if (!same_tree(expected, reparsed, true)) std::abort();
  return 0;
}
