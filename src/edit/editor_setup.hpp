// The JSON Schemas in a case folder, for editors: `casekit init` and
// `casekit schema --install` write them to schemas/ and map them in
// .vscode/settings.json (`yaml.schemas`), merged into what is there.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/file_system.hpp"

namespace casekit {

// The folder of the schemas in a case folder, and VS Code's settings file.
inline constexpr const char* kSchemaFolder = "schemas";
inline constexpr const char* kVscodeSettings = ".vscode/settings.json";

// What installing changes; nothing is written until apply_editor_setup.
struct EditorSetup {
  // The schema files that are new or differ: name and text.
  std::vector<std::pair<std::string, std::string>> schemas;
  std::optional<std::string> settings;  // the new settings.json, when it changes
  bool settings_existed = false;
};

// The settings.json text with every schema mapped, or nullopt when it maps
// them all already. Keys there, the user's and earlier mappings alike,
// are kept as they are. `text` is nullopt when there is no file yet.
// Throws Error, with the line and column, when the file is not a JSON
// object, or holds comments that rewriting it would lose.
std::optional<std::string> merged_vscode_settings(const std::optional<std::string>& text,
                                                  const std::string& file);

// Reads what is there and works out the changes; refuses a bad
// settings.json before anything is written.
EditorSetup plan_editor_setup(FileSystem& files, const fs::path& root);
// Writes the changes (each file whole).
void apply_editor_setup(FileSystem& files, const fs::path& root, const EditorSetup& setup);
// Writes every schema into `folder` (made if missing, with the folders on
// the way), for `casekit schema -o FOLDER`; returns the files' names.
std::vector<std::string> write_schemas(FileSystem& files, const fs::path& folder);
// Undoes what apply_editor_setup made of a new case folder that failed.
void remove_editor_setup(const fs::path& root, const EditorSetup& setup);

}  // namespace casekit
