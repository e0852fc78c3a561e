#include "edit/editor_setup.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "schema/json_schema.hpp"

namespace casekit {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kSettingsLimit = 1 << 20;

// The line and column of a byte of the text, as an editor counts them.
Location location_of(const std::string& text, std::size_t byte, const std::string& file) {
  Location at{file, 1, 1};
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

const char* kRefused =
    "fix the file, or add the yaml.schemas mapping of `man casekit-schema` to it by hand; "
    "nothing was changed";

// VS Code's settings may hold comments: they are read, and refused only
// when the file would be rewritten without them.
json parse_settings(const std::string& text, const std::string& file) {
  try {
    return json::parse(text, nullptr, true, true);
  } catch (const json::parse_error& e) {
    throw Error(ExitStatus::usage, location_of(text, e.byte, file),
                "not valid JSON, so casekit cannot add the schemas to it", kRefused);
  }
}

}  // namespace

std::optional<std::string> merged_vscode_settings(const std::optional<std::string>& text,
                                                  const std::string& file) {
  json settings = text ? parse_settings(*text, file) : json::object();
  if (!settings.is_object())
    throw Error(ExitStatus::usage, {file, 1, 1},
                "the settings should be a set of names and values in braces { }", kRefused);
  json& schemas = settings["yaml.schemas"];
  if (schemas.is_null()) schemas = json::object();
  if (!schemas.is_object())
    throw Error(ExitStatus::usage, {file, 0, 0},
                "\"yaml.schemas\" should map schemas to files in braces { }", kRefused);
  bool changed = !text.has_value();
  for (const auto& kind : schema_files()) {
    std::string key = fmt::format("./{}/{}", kSchemaFolder, kind.name);
    if (schemas.contains(key)) continue;
    schemas[key] = kind.glob;
    changed = true;
  }
  if (!changed) return std::nullopt;
  if (text && !json::accept(*text))
    throw Error(ExitStatus::usage, {file, 0, 0},
                "the settings hold comments, which rewriting the file would lose",
                "add the yaml.schemas mapping of `man casekit-schema` to it by hand; nothing was "
                "changed");
  return settings.dump(4) + "\n";
}

EditorSetup plan_editor_setup(FileSystem& files, const fs::path& root) {
  EditorSetup setup;
  std::string file = (root / kVscodeSettings).lexically_normal().string();
  std::optional<std::string> text = files.read(root / kVscodeSettings, kSettingsLimit);
  setup.settings_existed = text.has_value();
  setup.settings = merged_vscode_settings(text, file);
  for (const auto& kind : schema_files()) {
    std::string schema = json_schema_text(kind.kind);
    if (files.read(root / kSchemaFolder / kind.name, kSettingsLimit) != schema)
      setup.schemas.emplace_back(kind.name, std::move(schema));
  }
  return setup;
}

void apply_editor_setup(FileSystem& files, const fs::path& root, const EditorSetup& setup) {
  if (!setup.schemas.empty() && !files.exists(root / kSchemaFolder))
    files.make_folder(root / kSchemaFolder);
  for (const auto& [name, schema] : setup.schemas)
    files.replace(root / kSchemaFolder / name, schema);
  if (!setup.settings) return;
  if (!files.exists(root / ".vscode")) files.make_folder(root / ".vscode");
  files.replace(root / kVscodeSettings, *setup.settings);
}

std::vector<std::string> write_schemas(FileSystem& files, const fs::path& folder) {
  if (files.kind(folder) == EntryKind::file)
    throw Error(ExitStatus::usage, {folder.string(), 0, 0},
                "this is a file, and the schemas are written into a folder",
                "give a folder, new or existing; nothing was changed");
  // Missing folders on the way are made too, as init's are.
  std::vector<fs::path> missing;
  for (fs::path at = folder; !at.empty() && !files.exists(at); at = at.parent_path())
    missing.push_back(at);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) files.make_folder(*it);
  std::vector<std::string> names;
  for (const auto& kind : schema_files()) {
    files.replace(folder / kind.name, json_schema_text(kind.kind));
    names.push_back(kind.name);
  }
  return names;
}

void remove_editor_setup(const fs::path& root, const EditorSetup& setup) {
  std::error_code ignored;
  for (const auto& schema : setup.schemas) fs::remove(root / kSchemaFolder / schema.first, ignored);
  fs::remove(root / kSchemaFolder, ignored);
  if (setup.settings_existed) return;
  fs::remove(root / kVscodeSettings, ignored);
  fs::remove(root / ".vscode", ignored);
}

}  // namespace casekit
