// Renumbering the items both copies added with the same id
// (record_merge.hpp). Which keys hold ids and references comes from the
// schema (`id P`, `ref P`), never from searching the text.
#include <algorithm>
#include <map>

#include "base/error.hpp"
#include "base/ids.hpp"
#include "git/record_lists.hpp"
#include "git/record_merge.hpp"
#include "yaml/node_index.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit {
namespace {

char id_prefix(const Shape& shape) {
  const Field* id = shape.find("id");
  return id && id->type.base == "id" && !id->type.args.empty() ? id->type.args[0][0] : 0;
}

void find_id_lists(const Shape& shape, const YamlPath& path, std::vector<IdList>& out) {
  for (const auto& field : shape.fields) {
    const Shape* inner = find_shape(field.type.base);
    if (!inner) continue;
    YamlPath here = path;
    here.emplace_back(field.name);
    if (field.type.container == FieldType::Container::list && id_prefix(*inner))
      out.push_back({here, id_prefix(*inner)});
    else if (field.type.container == FieldType::Container::none)
      find_id_lists(*inner, here, out);
  }
}

// Calls fn(scalar, prefix) on every scalar the schema says is an id or a
// reference, in `node` of `shape`. Node is YamlNode or const YamlNode.
template <class Node, class Fn>
void visit_ids(Node& node, const Shape& shape, Fn&& fn) {
  if (!node.is_mapping()) return;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const Field* field = shape.find(node.keys[i].value);
    if (!field) continue;
    Node& value = node.items[i];
    bool single = field->type.container == FieldType::Container::none;
    bool list = field->type.container == FieldType::Container::list && value.is_sequence();
    if ((field->type.base == "id" || field->type.base == "ref") && !field->type.args.empty()) {
      if (single && value.is_scalar()) fn(value, field->type.args[0][0]);
      if (list)
        for (auto& item : value.items)
          if (item.is_scalar()) fn(item, field->type.args[0][0]);
    } else if (const Shape* inner = find_shape(field->type.base)) {
      if (single) visit_ids(value, *inner, fn);
      if (list)
        for (auto& item : value.items) visit_ids(item, *inner, fn);
    }
  }
}

struct Collision {
  char prefix;
  std::string id;
};

std::vector<Collision> collisions(FileKind kind, const YamlNode* base, const YamlNode& ours,
                                  const YamlNode& theirs) {
  std::vector<Collision> out;
  for (const auto& list : id_lists(kind)) {
    const YamlNode* their_list = node_at(theirs, list.path);
    if (!their_list || !their_list->is_sequence()) continue;
    ItemIndex in_base(at(base, list.path)), in_ours(node_at(ours, list.path));
    for (const auto& item : their_list->items) {
      std::string id = item.is_mapping() ? item.text_at("id") : "";
      if (id.empty() || in_base.find(id)) continue;
      const YamlNode* our_item = in_ours.find(id);
      if (our_item && !same_tree(*our_item, item)) out.push_back({list.prefix, id});
    }
  }
  return out;
}

// Every scalar that looks like an id, in any version: an id stays taken
// while anything mentions it.
void add_used(const YamlNode& node, std::vector<std::string>& used) {
  if (node.is_scalar() && node.value.size() >= 2 && node.value.size() <= 7)
    used.push_back(node.value);
  for (const auto& item : node.items) add_used(item, used);
}

// The byte range of a one-line scalar's text, quotes excluded, or
// nullopt when the text there is not exactly the value.
std::optional<std::pair<std::size_t, std::size_t>> scalar_range(const std::string& text,
                                                                const YamlNode& scalar) {
  std::size_t begin = static_cast<std::size_t>(scalar.mark.offset);
  if (begin < text.size() && (text[begin] == '"' || text[begin] == '\'')) ++begin;
  if (text.compare(begin, scalar.value.size(), scalar.value) != 0) return std::nullopt;
  return std::make_pair(begin, begin + scalar.value.size());
}

std::string what_has(char prefix) {
  static const std::map<char, std::string> names = {
      {'G', "goal"}, {'L', "long-term goal"}, {'S', "service"}, {'R', "referral"}};
  auto found = names.find(prefix);
  return found == names.end() ? "item" : found->second;
}

}  // namespace

std::vector<IdList> id_lists(FileKind kind) {
  std::vector<IdList> out;
  find_id_lists(shape_of(kind), {}, out);
  return out;
}

const YamlNode* item_with_id(const YamlNode* list, const std::string& id) {
  if (!list || !list->is_sequence()) return nullptr;
  for (const auto& item : list->items)
    if (item.is_mapping() && item.text_at("id") == id) return &item;
  return nullptr;
}

std::optional<RenumberedText> renumber_collisions(FileKind kind, const YamlNode* base,
                                                  const YamlNode& ours, const YamlNode& theirs,
                                                  const std::string& theirs_text) {
  std::vector<Collision> found = collisions(kind, base, ours, theirs);
  if (found.empty()) return RenumberedText{theirs_text, {}};
  // Needs are referred to from plan.yaml and the notes, which this merge
  // of one file cannot rewrite: those collisions stay conflicts.
  if (kind != FileKind::plan) return std::nullopt;
  std::vector<std::string> used;
  for (const YamlNode* tree : {base, &ours, &theirs})
    if (tree) add_used(*tree, used);
  std::map<std::pair<char, std::string>, std::string> new_ids;
  // The next free number of each prefix, found once: a search of every id
  // per collision would cost their numbers multiplied.
  std::map<char, std::string> next;
  RenumberedText out;
  for (const auto& collision : found) {
    if (!is_item_id(collision.id, collision.prefix)) return std::nullopt;
    auto [it, first] = next.try_emplace(collision.prefix);
    try {
      it->second = first ? next_item_id(collision.prefix, used)
                         : next_item_id(collision.prefix, {it->second});
    } catch (const Error&) {
      return std::nullopt;  // no id is left for it: the collision stays a conflict
    }
    std::string to = it->second;
    new_ids[{collision.prefix, collision.id}] = to;
    out.changes.push_back({what_has(collision.prefix), collision.id, to});
  }
  struct Splice {
    std::size_t begin, end;
    std::string text;
  };
  std::vector<Splice> splices;
  bool exact = true;
  visit_ids(theirs, shape_of(kind), [&](const YamlNode& scalar, char prefix) {
    auto found_id = new_ids.find({prefix, scalar.value});
    if (found_id == new_ids.end()) return;
    auto range = scalar_range(theirs_text, scalar);
    if (!range) exact = false;
    if (range) splices.push_back({range->first, range->second, found_id->second});
  });
  if (!exact) return std::nullopt;
  // Built from the start, piece by piece: replacing in place would move
  // the rest of the text at each splice.
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  std::size_t copied = 0;
  for (const auto& splice : splices) {
    out.text.append(theirs_text, copied, splice.begin - copied).append(splice.text);
    copied = splice.end;
  }
  out.text.append(theirs_text, copied);
  // The new text must hold theirs' record with exactly these ids changed.
  YamlNode expected = theirs;
  visit_ids(expected, shape_of(kind), [&](YamlNode& scalar, char prefix) {
    if (auto found_id = new_ids.find({prefix, scalar.value}); found_id != new_ids.end())
      scalar.value = found_id->second;
  });
  if (!same_tree(parse_yaml(out.text, "theirs"), expected)) return std::nullopt;
  return out;
}

}  // namespace casekit
