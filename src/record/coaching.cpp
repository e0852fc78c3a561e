#include "record/coaching.hpp"

#include <algorithm>

#include "base/embedded.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

CoachingItem read_item(const YamlNode& node) {
  return {node.text_at("id"), node.text_at("text"), node.texts_at("rules"),
          node.text_at("judgement") == "true"};
}

std::vector<CoachingChecklist> read_checklists(const YamlNode& root) {
  std::vector<CoachingChecklist> out;
  const YamlNode* lists = root.find("checklists");
  for (std::size_t i = 0; lists && i < lists->keys.size(); ++i) {
    CoachingChecklist list{lists->keys[i].value, lists->items[i].text_at("title"), {}};
    if (const YamlNode* items = lists->items[i].find("items"))
      for (const YamlNode& item : items->items) list.items.push_back(read_item(item));
    out.push_back(std::move(list));
  }
  return out;
}

const YamlNode& coaching_data() {
  static const YamlNode root =
      parse_yaml(std::string(embedded_file("coaching.yaml")), "coaching.yaml");
  return root;
}

}  // namespace

const CoachingItem* CoachingChecklist::find(std::string_view item) const {
  auto found =
      std::find_if(items.begin(), items.end(), [&](const CoachingItem& i) { return i.id == item; });
  return found == items.end() ? nullptr : &*found;
}

std::vector<std::string> CoachingChecklist::item_ids() const {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

const std::vector<CoachingChecklist>& coaching_checklists() {
  static const std::vector<CoachingChecklist> lists = read_checklists(coaching_data());
  return lists;
}

const CoachingChecklist* find_coaching_checklist(std::string_view id) {
  for (const auto& list : coaching_checklists())
    if (list.id == id) return &list;
  return nullptr;
}

const std::vector<std::string>& coaching_tips() {
  static const std::vector<std::string> tips = coaching_data().texts_at("tips");
  return tips;
}

}  // namespace casekit
