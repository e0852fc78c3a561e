#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "edit/editor_setup.hpp"
#include "edit/init_folder.hpp"
#include "schema/json_schema.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;
using json = nlohmann::ordered_json;

namespace {

std::string error_of(const std::optional<std::string>& text) {
  try {
    merged_vscode_settings(text, ".vscode/settings.json");
  } catch (const Error& e) {
    return format_error(e);
  }
  return "no error";
}

// Every file under the folder with its bytes, to show that nothing changed.
std::map<std::string, std::string> contents(const TempFolder& folder) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(folder.path()))
    out[fs::relative(entry.path(), folder.path()).string()] =
        entry.is_regular_file() ? folder.read(fs::relative(entry.path(), folder.path())) : "/";
  return out;
}

}  // namespace

TEST_CASE("editor setup: a new settings.json maps every schema to its files") {
  json settings = json::parse(*merged_vscode_settings(std::nullopt, "s.json"));
  const json& schemas = settings["yaml.schemas"];
  CHECK(schemas.size() == schema_files().size());
  CHECK(schemas["./schemas/plan.schema.json"] == "clients/*/plan.yaml");
  CHECK(schemas["./schemas/note.schema.json"] == "clients/*/notes/*.yaml");
  CHECK(schemas["./schemas/casekit.schema.json"] == "casekit.yaml");
}

TEST_CASE("editor setup: the user's settings and mappings are kept, in their order") {
  std::string mine = R"({
  "editor.tabSize": 2,
  "yaml.schemas": {"./schemas/plan.schema.json": "plans/*.yaml", "other.json": "x.yaml"},
  "files.trimTrailingWhitespace": true
})";
  std::string merged = *merged_vscode_settings(mine, "s.json");
  json settings = json::parse(merged);
  CHECK(settings.begin().key() == "editor.tabSize");
  CHECK(settings["files.trimTrailingWhitespace"] == true);
  const json& schemas = settings["yaml.schemas"];
  CHECK(schemas["./schemas/plan.schema.json"] == "plans/*.yaml");
  CHECK(schemas["other.json"] == "x.yaml");
  CHECK(schemas["./schemas/client.schema.json"] == "clients/*/client.yaml");
  // Once every schema is mapped, there is nothing to write.
  CHECK_FALSE(merged_vscode_settings(merged, "s.json").has_value());
}

TEST_CASE("editor setup: a settings.json that cannot be merged is refused with its place") {
  CHECK(error_of("{\n  \"editor.tabSize\": 2,\n  \"yaml.schemas\" {}\n}\n") ==
        "casekit: error: .vscode/settings.json:3:18: not valid JSON, so casekit cannot add the "
        "schemas to it (fix the file, or add the yaml.schemas mapping of `man casekit-schema` to "
        "it by hand; nothing was changed)");
  CHECK(error_of("[1, 2]").find(".vscode/settings.json:1:1: the settings should be a set of names "
                                "and values in braces { }") != std::string::npos);
  CHECK(error_of("{\"yaml.schemas\": [\"a.json\"]}").find("\"yaml.schemas\" should map") !=
        std::string::npos);
  CHECK(error_of("{\n  // my tab size\n  \"editor.tabSize\": 2\n}\n")
            .find("the settings hold comments, which rewriting the file would lose") !=
        std::string::npos);
  // Comments are fine when nothing needs to be added.
  std::string complete = *merged_vscode_settings(std::nullopt, "s.json");
  CHECK_FALSE(merged_vscode_settings("// mine\n" + complete, "s.json").has_value());
}

TEST_CASE("editor setup: install writes the schemas and settings once") {
  TempFolder folder;
  EditorSetup setup = plan_editor_setup(real_file_system(), folder.path());
  CHECK(setup.schemas.size() == schema_files().size());
  REQUIRE(setup.settings.has_value());
  apply_editor_setup(real_file_system(), folder.path(), setup);
  CHECK(folder.read("schemas/plan.schema.json") == json_schema_text(FileKind::plan));
  CHECK(folder.read(".vscode/settings.json") == *setup.settings);
  EditorSetup again = plan_editor_setup(real_file_system(), folder.path());
  CHECK(again.schemas.empty());
  CHECK_FALSE(again.settings.has_value());
  // A stale schema (an older casekit's) is written again.
  folder.write("schemas/note.schema.json", "{}\n");
  EditorSetup stale = plan_editor_setup(real_file_system(), folder.path());
  REQUIRE(stale.schemas.size() == 1);
  CHECK(stale.schemas[0].first == "note.schema.json");
}

TEST_CASE("editor setup: init refuses a malformed settings.json and makes nothing") {
  TempFolder folder;
  folder.write(".vscode/settings.json", "{\"editor.tabSize\": 2,}\n");
  auto before = contents(folder);
  CHECK_THROWS_AS(init_case_folder(real_file_system(), folder.path(), {}), Error);
  CHECK(contents(folder) == before);
}

TEST_CASE("editor setup: init merges into a settings.json that is there") {
  TempFolder folder;
  folder.write(".vscode/settings.json", "{\"editor.tabSize\": 2}\n");
  init_case_folder(real_file_system(), folder.path(), {});
  json settings = json::parse(folder.read(".vscode/settings.json"));
  CHECK(settings["editor.tabSize"] == 2);
  CHECK(settings["yaml.schemas"].size() == schema_files().size());
  CHECK(fs::exists(folder / "schemas/review.schema.json"));
}

TEST_CASE("editor setup: schema -o writes every schema into a folder, not over a file") {
  TempFolder folder;
  auto names = write_schemas(real_file_system(), folder / "out");
  CHECK(names.size() == schema_files().size());
  CHECK(folder.read("out/client.schema.json") == json_schema_text(FileKind::client));
  folder.write("file", "x");
  CHECK_THROWS_AS(write_schemas(real_file_system(), folder / "file"), Error);
  CHECK(folder.read("file") == "x");
}
