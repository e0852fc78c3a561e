#include <fmt/format.h>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "edit/init_folder.hpp"

namespace casekit::cli {

void setup_init(CLI::App& command, Context& context) {
  auto options = std::make_shared<InitOptions>();
  auto dir = std::make_shared<std::string>();
  command.add_option(
      "folder", *dir,
      "Folder to make into a case folder (default: -C's folder, or the current one)");
  command.add_option("--program", options->program,
                     "The program's name, as reports should show it");
  command
      .add_option("--profile", options->profile,
                  "Timeliness and signature defaults: generic, dycd, wioa, oregon-jobs, ta-dvs")
      ->check(one_of(profile_names()));
  command.callback([options, dir, &context] {
    std::string folder = !dir->empty() ? *dir : context.case_folder.value_or(".");
    init_case_folder(real_file_system(), folder, *options);
    std::string next = folder == "." ? "" : fmt::format("cd {} && ", printable(folder));
    fmt::print(
        "Made a case folder in {} (profile {}). Next: {}casekit new-client --name \"First Last\"\n",
        printable(folder), options->profile, next);
  });
}

}  // namespace casekit::cli
