// `casekit schema`: the JSON Schemas of the case folder's files, for an
// editor's YAML language server; printed, written to a folder, or
// installed in the case folder with VS Code's mapping (editor_setup.hpp).
#include <fmt/format.h>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "edit/editor_setup.hpp"
#include "schema/json_schema.hpp"

namespace casekit::cli {
namespace {

// A kind of file by the name of its schema: plan for plan.schema.json.
std::string kind_name(const SchemaFile& file) {
  return file.name.substr(0, file.name.find('.'));
}

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const auto& file : schema_files()) names.push_back(kind_name(file));
  return names;
}

void print_schema(const std::string& name) {
  for (const auto& file : schema_files())
    if (kind_name(file) == name) fmt::print("{}", json_schema_text(file.kind));
}

void install(const CaseFolder& folder) {
  EditorSetup setup = plan_editor_setup(real_file_system(), folder.root());
  apply_editor_setup(real_file_system(), folder.root(), setup);
  if (setup.schemas.empty())
    fmt::print("The schemas in {}/ are up to date\n", kSchemaFolder);
  else
    fmt::print("Wrote {} schemas to {}/\n", setup.schemas.size(), kSchemaFolder);
  if (setup.settings)
    fmt::print("Mapped them to the records in {}, for VS Code's YAML extension\n", kVscodeSettings);
  else
    fmt::print("{} maps them already\n", kVscodeSettings);
}

}  // namespace

void setup_schema(CLI::App& command, Context& context) {
  struct Options {
    std::string kind, output;
    bool install = false;
  };
  auto o = std::make_shared<Options>();
  command.add_option("kind", o->kind, "Print the schema of this kind of file")
      ->check(one_of(kind_names()));
  command.add_option("-o,--output", o->output,
                     "Write every schema into this folder, made if it is missing");
  command.add_flag("--install", o->install,
                   "Write the schemas into the case folder's schemas/ and map them in "
                   ".vscode/settings.json");
  command.callback([o, &context] {
    int asked = !o->kind.empty() + !o->output.empty() + o->install;
    if (asked != 1)
      throw Error("say which schemas: a kind of file, -o FOLDER or --install",
                  "for example: casekit schema plan");
    if (!o->kind.empty()) return print_schema(o->kind);
    if (o->install) return install(context.folder());
    for (const auto& name : write_schemas(real_file_system(), o->output))
      fmt::print("Wrote {}\n", printable((fs::path(o->output) / name).string()));
  });
}

}  // namespace casekit::cli
