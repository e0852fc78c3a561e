// Rewriting a note's references to renumbered items (renumbered_notes.hpp).
// Which keys hold references comes from the schema (`ref P`), never from
// searching the text.
#include <utility>

#include "git/renumbered_notes.hpp"
#include "schema/schema.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit {
namespace {

// Mappings whose keys are ids: a note's measures are kept per goal (the
// reference check in references.cpp treats them so).
const std::map<std::string, char> id_keyed_maps = {{"measures", 'G'}};

bool is_ref(const Field& field) {
  return field.type.base == "ref" && !field.type.args.empty() && !field.type.args[0].empty();
}

// The path of every scalar under `node` (of `shape`) that the schema says
// is a reference, and the id prefix it refers to.
void find_refs(const YamlNode& node, const Shape& shape, const YamlPath& path,
               std::vector<std::pair<YamlPath, char>>& out) {
  if (!node.is_mapping()) return;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const Field* field = shape.find(node.keys[i].value);
    if (!field) continue;
    const YamlNode& value = node.items[i];
    YamlPath here = path;
    here.emplace_back(node.keys[i].value);
    bool single = field->type.container == FieldType::Container::none;
    const Shape* inner = find_shape(field->type.base);
    if (single && is_ref(*field) && value.is_scalar())
      out.push_back({here, field->type.args[0][0]});
    if (single && inner) find_refs(value, *inner, here, out);
    if (field->type.container != FieldType::Container::list || !value.is_sequence()) continue;
    for (std::size_t k = 0; k < value.items.size(); ++k) {
      YamlPath item = here;
      item.emplace_back(k);
      if (is_ref(*field) && value.items[k].is_scalar())
        out.push_back({item, field->type.args[0][0]});
      if (inner) find_refs(value.items[k], *inner, item, out);
    }
  }
}

}  // namespace

std::string renumber_note_text(const std::string& text, const std::string& file_name,
                               const std::map<std::string, std::string>& ids) {
  YamlEditor editor(text, file_name);
  std::vector<std::pair<YamlPath, char>> refs;
  find_refs(editor.tree(), shape_of(FileKind::note), {}, refs);
  for (const auto& [path, prefix] : refs) {
    const std::string& value = node_at(editor.tree(), path)->value;
    auto found = ids.find(value);
    if (found != ids.end() && value[0] == prefix) editor.replace_scalar(path, found->second);
  }
  // A new id is never one the note used (the driver picks ids no version
  // of the plan mentions), so renaming keys one by one cannot collide.
  for (const auto& [key, prefix] : id_keyed_maps) {
    const YamlNode* map = editor.tree().find(key);
    if (!map || !map->is_mapping()) continue;
    std::vector<std::string> names;
    for (const auto& name : map->keys) names.push_back(name.value);
    for (const auto& name : names) {
      auto found = ids.find(name);
      if (found != ids.end() && name[0] == prefix) editor.rename_key({key, name}, found->second);
    }
  }
  return editor.text();
}

}  // namespace casekit
