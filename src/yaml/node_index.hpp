// Look-ups in one mapping by key, or in one list by item id, that cost
// the same however long the mapping or list is. YamlNode::find reads the
// keys in turn, which is right for a record's short mappings; a merge
// that looks up every key of one copy in the other would read a hostile
// file's 100,000 keys 100,000 times.
#pragma once

#include <string_view>
#include <unordered_map>

#include "yaml/yaml_tree.hpp"

namespace casekit {

class KeyIndex {
 public:
  // A null node or one that is not a mapping has no keys.
  explicit KeyIndex(const YamlNode* map) {
    if (!map || !map->is_mapping()) return;
    map_ = map;
    for (std::size_t i = 0; i < map->keys.size(); ++i) at_.try_emplace(map->keys[i].value, i);
  }

  // The value under `key`, or nullptr.
  const YamlNode* find(std::string_view key) const {
    auto found = at_.find(key);
    return found == at_.end() ? nullptr : &map_->items[found->second];
  }
  // The key node itself, for its position, or nullptr.
  const YamlNode* find_key(std::string_view key) const {
    auto found = at_.find(key);
    return found == at_.end() ? nullptr : &map_->keys[found->second];
  }

 private:
  const YamlNode* map_ = nullptr;
  std::unordered_map<std::string_view, std::size_t> at_;
};

class ItemIndex {
 public:
  // The items of `list` that are mappings with a scalar id; the first of
  // two with the same id. A null node or one that is not a list is empty.
  explicit ItemIndex(const YamlNode* list) {
    if (!list || !list->is_sequence()) return;
    for (const auto& item : list->items)
      if (const YamlNode* id = item.find("id"); id && id->is_scalar())
        by_id_.try_emplace(id->value, &item);
  }

  // The item with this id, or nullptr.
  const YamlNode* find(std::string_view id) const {
    auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : found->second;
  }

 private:
  std::unordered_map<std::string_view, const YamlNode*> by_id_;
};

}  // namespace casekit
