#include "yaml/yaml_tree.hpp"

#include <cassert>
#include <utility>

#include "base/same_key.hpp"

namespace casekit {

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind != NodeKind::mapping) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (same_key(keys[i].value, key)) return &items[i];
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  return const_cast<YamlNode*>(std::as_const(*this).find(key));
}

const YamlNode* YamlNode::find_key(std::string_view key) const {
  if (kind != NodeKind::mapping) return nullptr;
  for (const auto& k : keys)
    if (same_key(k.value, key)) return &k;
  return nullptr;
}

std::string YamlNode::text_at(std::string_view key) const {
  const YamlNode* node = find(key);
  return node && node->is_scalar() ? node->value : std::string();
}

std::vector<std::string> YamlNode::texts_at(std::string_view key) const {
  std::vector<std::string> out;
  if (const YamlNode* list = find(key))
    for (const auto& item : list->items)
      if (item.is_scalar()) out.push_back(item.value);
  return out;
}

YamlNode YamlNode::scalar(std::string text) {
  YamlNode node;
  node.kind = NodeKind::scalar;
  node.value = std::move(text);
  return node;
}

YamlNode YamlNode::sequence() {
  YamlNode node;
  node.kind = NodeKind::sequence;
  return node;
}

YamlNode YamlNode::mapping() {
  YamlNode node;
  node.kind = NodeKind::mapping;
  return node;
}

YamlNode& YamlNode::set(std::string_view key, YamlNode node) {
  assert(kind == NodeKind::mapping || kind == NodeKind::null);
  kind = NodeKind::mapping;
  if (YamlNode* existing = find(key)) return *existing = std::move(node);
  keys.push_back(scalar(std::string(key)));
  items.push_back(std::move(node));
  return items.back();
}

bool same_content(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == NodeKind::scalar && a.value != b.value) return false;
  if (a.keys.size() != b.keys.size() || a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.keys.size(); ++i)
    if (a.keys[i].value != b.keys[i].value) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_content(a.items[i], b.items[i])) return false;
  return true;
}

void YamlNode::erase(std::string_view key) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i].value == key) {
      keys.erase(keys.begin() + static_cast<long>(i));
      items.erase(items.begin() + static_cast<long>(i));
      return;
    }
}

}  // namespace casekit
