#include "lsp/value_completion.hpp"

#include <cctype>
#include <functional>

#include "schema/schema.hpp"

namespace casekit::lsp {
namespace {

std::size_t indent_of(std::string_view line) {
  std::size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? line.size() : n;
}

// "  - goal: G" or "goals: [G1, " gives "goal" / "goals"; "" when the
// text before the place is not a key and the start of its value.
std::string key_of_line(std::string_view before) {
  std::size_t at = indent_of(before);
  if (before.substr(at, 2) == "- ") at += 2;
  std::size_t colon = before.find(':', at);
  if (colon == std::string_view::npos) return "";
  std::string_view key = before.substr(at, colon - at);
  if (key.empty() || !std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      }))
    return "";
  return std::string(key);
}

// The reference prefix ("G") schema.yaml gives the key in the file's
// shapes, or "" when it holds no reference.
std::string ref_prefix(FileKind kind, const std::string& key) {
  std::set<const Shape*> seen;
  std::function<std::string(const Shape&)> search = [&](const Shape& shape) -> std::string {
    if (!seen.insert(&shape).second) return "";
    for (const auto& field : shape.fields) {
      if (field.name == key && field.type.kind == BaseKind::ref && !field.type.args.empty())
        return field.type.args.front();
      if (field.type.shape)
        if (std::string found = search(*field.type.shape); !found.empty()) return found;
    }
    return "";
  };
  return search(shape_of(kind));
}

std::optional<FileKind> kind_of(const fs::path& path) {
  if (path.filename() == "plan.yaml") return FileKind::plan;
  if (path.filename() == "client.yaml") return FileKind::client;
  if (path.parent_path().filename() == "notes") return FileKind::note;
  return std::nullopt;
}

std::optional<YamlNode> tree_of(FolderSession& session, const fs::path& path) {
  try {
    return parse_yaml(decode_source(session.text_of(path), "f"), "f");
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Every mapping of the tree, depth first.
void each_mapping(const YamlNode& node, const std::function<void(const YamlNode&)>& visit) {
  if (node.is_mapping()) visit(node);
  for (const auto& item : node.items) each_mapping(item, visit);
}

Json item(const std::string& label, const std::string& detail) {
  Json out = {{"label", label}, {"kind", 12}};
  if (!detail.empty()) out["detail"] = detail;
  return out;
}

// The ids with the prefix in the client's plan and client.yaml, with what
// each is (a goal's statement, a need's description, a service's name).
void add_ids(FolderSession& session, const fs::path& client, const std::string& prefix, Json& out) {
  for (const char* file : {"plan.yaml", "client.yaml"}) {
    std::optional<YamlNode> tree = tree_of(session, client / file);
    if (!tree) continue;
    each_mapping(*tree, [&](const YamlNode& m) {
      std::string id = m.text_at("id");
      if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0 ||
          !std::isdigit(static_cast<unsigned char>(id[prefix.size()])))
        return;
      std::string detail;
      for (const char* key : {"statement", "description", "name", "to", "kind"})
        if (detail.empty()) detail = m.text_at(key);
      out.push_back(item(id, detail));
    });
  }
}

void add_scalars_under(const YamlNode& tree, const char* key, std::set<std::string>& names) {
  each_mapping(tree, [&](const YamlNode& m) {
    if (std::string name = m.text_at(key); !name.empty()) names.insert(name);
  });
}

}  // namespace

std::string key_at(std::string_view text, const Position& at) {
  std::string_view line = line_of(text, at.line);
  std::string_view before = line.substr(0, byte_of_utf16(line, at.character));
  if (std::string key = key_of_line(before); !key.empty()) return key;
  std::size_t indent = indent_of(before);
  if (before.substr(indent, 1) != "-") return "";
  for (int n = at.line - 1; n >= 0; --n) {
    std::string_view above = line_of(text, n);
    if (above.find_first_not_of(' ') == std::string_view::npos || above[indent_of(above)] == '#')
      continue;
    if (indent_of(above) < indent || (indent_of(above) == indent && above[indent] != '-'))
      return key_of_line(above);
  }
  return "";
}

Json completion_items(FolderSession& session, const fs::path& path, std::string_view text,
                      const Position& at) {
  Json out = Json::array();
  std::string client = session.client_of(path);
  std::optional<FileKind> kind = kind_of(path);
  std::string key = key_at(text, at);
  if (client.empty() || !kind || key.empty()) return out;
  fs::path folder = session.folder().client_folder(client);
  if (std::string prefix = ref_prefix(*kind, key); !prefix.empty()) {
    add_ids(session, folder, prefix, out);
  } else if (key == "to" || key == "partner") {
    std::set<std::string> partners;
    if (auto tree = tree_of(session, folder / "client.yaml"))
      add_scalars_under(*tree, "partner", partners);
    for (const auto& p : partners) out.push_back(item(p, "a partner in the client's releases"));
  } else if (key == "author" || key == "case_manager") {
    for (const auto& name : session.case_managers())
      out.push_back(item(name, "a case manager in the folder"));
  }
  return out;
}

}  // namespace casekit::lsp
