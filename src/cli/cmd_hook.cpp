// `casekit hook install`: a git pre-commit hook that checks the clients
// being committed (see git.hpp).
#include <fmt/format.h>

#include "casekit/git.hpp"
#include "commands.hpp"

namespace casekit::cli {

void setup_hook(CLI::App& command, Context& context) {
  command.require_subcommand(1);
  CLI::App* install = command.add_subcommand(
      "install", "Install the pre-commit hook in the case folder's repository");
  auto force = std::make_shared<bool>(false);
  install->add_flag("--force", *force, "Replace a different pre-commit hook");
  install->callback([force, &context] {
    CaseFolder folder = context.folder();
    fs::path path = install_pre_commit_hook(folder, *force);
    if (path.empty())
      fmt::print("The casekit pre-commit hook is installed already\n");
    else
      fmt::print("Installed the pre-commit hook in {}\n", path.string());
  });
}

}  // namespace casekit::cli
