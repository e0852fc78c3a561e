#include "edit/init_folder.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "base/printable.hpp"
#include "edit/editor_setup.hpp"
#include "schema/settings.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {

namespace {

// Exports hold clients' personal data, and `git add .` would share them
// with everyone who pulls: the places an export usually goes are ignored.
// A folder that has a .gitignore already keeps its own.
constexpr const char* kGitignore =
    "# Written by casekit init. Exports hold clients' personal data: keep them\n"
    "# out of the shared history. Write them to exports/ (or outside the folder).\n"
    "/exports/\n"
    "/*.html\n"
    "/*.pdf\n"
    "/*.csv\n"
    "/*.ics\n"
    "/*.json\n"
    "# An export stopped half-way leaves its private temporary folder.\n"
    ".*.casekit-*/\n";

}  // namespace

void init_case_folder(FileSystem& files, const fs::path& dir, const InitOptions& options) {
  if (files.exists(dir / "casekit.yaml"))
    throw Error(ExitStatus::usage, {(dir / "casekit.yaml").string(), 0, 0},
                "this folder is already a case folder", "nothing was changed");
  // casekit.yaml is written without a check of its own (nothing else is in it).
  if (UnsafeCharacter c = find_unsafe_character(options.program); c.offset != std::string::npos)
    throw Error(fmt::format("{} holds {}", input_field("program"), describe_character(c.code)),
                "type the program's name without it; nothing was changed");
  // An existing .vscode/settings.json that cannot be merged is refused
  // before anything is made.
  EditorSetup editor = plan_editor_setup(files, dir);
  // Missing folders on the way are made too, as `git init a/b` does.
  std::vector<fs::path> missing;
  for (fs::path at = dir; !at.empty() && !files.exists(at); at = at.parent_path())
    missing.push_back(at);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) files.make_folder(*it);
  YamlNode settings = YamlNode::mapping();
  settings.set("program",
               text_node(options.program.empty() ? "Case management program" : options.program));
  settings.set("profile", YamlNode::scalar(options.profile));
  std::string text = fmt::format(
      "# Program settings for casekit; see casekit(5).\n"
      "# Timeliness defaults come from the profile: {}.\n"
      "{}"
      "# services: []      # the services this program may provide\n"
      "# outcomes: []      # program outcomes that goals connect to\n"
      "# dictionary: []    # words the spelling check should accept\n",
      fmt::join(profile_names(), ", "), render_document(settings));
  bool made_clients = false;
  if (!files.exists(dir / "clients")) {
    files.make_folder(dir / "clients");
    made_clients = true;
  }
  bool made_gitignore = false;
  try {
    if (!files.exists(dir / ".gitignore")) {
      files.create(dir / ".gitignore", kGitignore);
      made_gitignore = true;
    }
    apply_editor_setup(files, dir, editor);
    files.create(dir / "casekit.yaml", text);
  } catch (...) {
    remove_editor_setup(dir, editor);
    if (made_gitignore) fs::remove(dir / ".gitignore");
    if (made_clients) fs::remove(dir / "clients");
    throw;
  }
}

}  // namespace casekit
