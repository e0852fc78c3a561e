// The structural three-way merge of record trees (record_merge.hpp).
#include "git/record_merge.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "yaml/node_index.hpp"

namespace casekit {
namespace {

// The id of a list item, or nullptr when the item is not a mapping with
// a scalar id.
const std::string* item_id(const YamlNode& item) {
  const YamlNode* id = item.is_mapping() ? item.find("id") : nullptr;
  return id && id->is_scalar() ? &id->value : nullptr;
}

// A list whose items all have distinct ids, so items can be matched by id.
bool has_item_ids(const YamlNode* list) {
  if (!list) return true;
  if (!list->is_sequence()) return false;
  std::set<std::string> seen;
  for (const auto& item : list->items) {
    const std::string* id = item_id(item);
    if (!id || !seen.insert(*id).second) return false;
  }
  return true;
}

// One side has the entry, the other does not: it was added there (keep
// it), or removed on the other side without a change here (drop it).
// Removed there and changed here is a conflict. Returns false on conflict.
bool one_sided(const YamlNode* base, const YamlNode& present, std::optional<YamlNode>& keep) {
  if (!base) {
    keep = present;
    return true;
  }
  return same_tree(*base, present);
}

// A referral's statuses are a history, added to at its end: when both
// copies only added steps after the common ones, both copies' steps are
// kept, ours then theirs, as git's union merge writes them (a referral's
// status is its latest step by date, wherever it stands in the list); one
// the same on both sides is kept once. Anything else is no history merge.
std::optional<YamlNode> merge_history(const YamlNode* base, const YamlNode& ours,
                                      const YamlNode& theirs) {
  if (!ours.is_sequence() || !theirs.is_sequence()) return std::nullopt;
  std::size_t common = base && base->is_sequence() ? base->items.size() : 0;
  if (ours.items.size() < common || theirs.items.size() < common) return std::nullopt;
  for (std::size_t i = 0; i < common; ++i)
    if (!same_tree(base->items[i], ours.items[i]) || !same_tree(base->items[i], theirs.items[i]))
      return std::nullopt;
  std::vector<YamlNode> added(ours.items.begin() + static_cast<long>(common), ours.items.end());
  std::size_t ours_added = added.size();
  for (std::size_t i = common; i < theirs.items.size(); ++i) {
    const YamlNode& step = theirs.items[i];
    auto same = [&](const YamlNode& mine) { return same_tree(mine, step); };
    if (std::none_of(added.begin(), added.begin() + static_cast<long>(ours_added), same))
      added.push_back(step);
  }
  YamlNode out = ours;
  out.items.resize(common);
  for (auto& step : added) out.items.push_back(std::move(step));
  return out;
}

std::optional<YamlNode> merge_maps(const YamlNode* base, const YamlNode& ours,
                                   const YamlNode& theirs) {
  KeyIndex in_base(base), in_ours(&ours), in_theirs(&theirs);
  std::vector<std::string> keys;
  for (const auto& key : ours.keys) keys.push_back(key.value);
  for (const auto& key : theirs.keys)
    if (!in_ours.find(key.value)) keys.push_back(key.value);
  YamlNode out = YamlNode::mapping();
  for (const auto& key : keys) {
    const YamlNode* b = in_base.find(key);
    const YamlNode* o = in_ours.find(key);
    const YamlNode* t = in_theirs.find(key);
    std::optional<YamlNode> merged;
    if (o && t)
      merged = merge_trees(b, *o, *t);
    else if (!one_sided(b, o ? *o : *t, merged))
      return std::nullopt;
    else if (!merged)
      continue;
    if (!merged && o && t && key == "statuses") merged = merge_history(b, *o, *t);
    if (!merged) return std::nullopt;
    // The keys are distinct: no need for set()'s search.
    out.keys.push_back(YamlNode::scalar(key));
    out.items.push_back(std::move(*merged));
  }
  return out;
}

std::optional<YamlNode> merge_item_lists(const YamlNode* base, const YamlNode& ours,
                                         const YamlNode& theirs) {
  YamlNode out = YamlNode::sequence();
  auto add = [&](const YamlNode* b, const YamlNode* o, const YamlNode* t) {
    std::optional<YamlNode> merged;
    if (o && t)
      merged = merge_trees(b, *o, *t);
    else if (!one_sided(b, o ? *o : *t, merged))
      return false;
    else if (!merged)
      return true;
    if (!merged) return false;
    out.items.push_back(std::move(*merged));
    return true;
  };
  ItemIndex in_base(base), in_ours(&ours), in_theirs(&theirs);
  for (const auto& item : ours.items) {
    const std::string& id = *item_id(item);
    if (!add(in_base.find(id), &item, in_theirs.find(id))) return std::nullopt;
  }
  for (const auto& item : theirs.items) {
    const std::string& id = *item_id(item);
    if (!in_ours.find(id) && !add(in_base.find(id), nullptr, &item)) return std::nullopt;
  }
  return out;
}

}  // namespace

bool same_tree(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind || a.value != b.value) return false;
  if (a.keys.size() != b.keys.size() || a.items.size() != b.items.size()) return false;
  if (a.is_mapping()) {
    // Mostly the keys are in the same order; otherwise an index, since a
    // search per key would cost the mapping's size squared.
    bool same_order =
        std::equal(a.keys.begin(), a.keys.end(), b.keys.begin(),
                   [](const YamlNode& x, const YamlNode& y) { return x.value == y.value; });
    std::optional<KeyIndex> in_b;
    if (!same_order) in_b.emplace(&b);
    for (std::size_t i = 0; i < a.keys.size(); ++i) {
      const YamlNode* other = same_order ? &b.items[i] : in_b->find(a.keys[i].value);
      if (!other || !same_tree(a.items[i], *other)) return false;
    }
    return true;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  return true;
}

std::optional<YamlNode> merge_trees(const YamlNode* base, const YamlNode& ours,
                                    const YamlNode& theirs) {
  if (same_tree(ours, theirs)) return ours;
  if (base && same_tree(*base, ours)) return theirs;
  if (base && same_tree(*base, theirs)) return ours;
  if (ours.is_mapping() && theirs.is_mapping())
    return merge_maps(base && base->is_mapping() ? base : nullptr, ours, theirs);
  const YamlNode* list_base = base && base->is_sequence() ? base : nullptr;
  if (ours.is_sequence() && theirs.is_sequence() && has_item_ids(list_base) &&
      has_item_ids(&ours) && has_item_ids(&theirs))
    return merge_item_lists(list_base, ours, theirs);
  return std::nullopt;
}

}  // namespace casekit
