// `casekit hook install`: a git pre-commit hook that checks the clients
// being committed, and the merge driver for plan.yaml and client.yaml
// (see git.hpp).
#include <fmt/format.h>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "git/git.hpp"

namespace casekit::cli {

void setup_hook(CLI::App& command, Context& context) {
  command.require_subcommand(1);
  CLI::App* install = command.add_subcommand("install",
                                             "Install the pre-commit and post-merge hooks and the "
                                             "merge driver in the case folder's repository");
  auto force = std::make_shared<bool>(false);
  install->add_flag("--force", *force, "Replace a different pre-commit or post-merge hook");
  auto lfs = std::make_shared<bool>(false);
  install->add_flag("--lfs", *lfs,
                    "Keep clients' documents in Git LFS, not in the repository itself");
  install->callback([force, lfs, &context] {
    CaseFolder folder = context.folder();
    if (*lfs) require_git_lfs(folder);
    for (const auto& hook : install_hooks(folder, *force))
      if (hook.written)
        fmt::print("Installed the {} hook in {}\n", hook.name, printable(hook.path.string()));
      else
        fmt::print("The casekit {} hook is installed already\n", hook.name);
    MergeDriverSetup merge = install_merge_driver(folder);
    if (merge.configured)
      fmt::print("Set up the casekit merge driver in this repository's config\n");
    if (merge.attributes)
      fmt::print(
          "Added the merge driver for plan.yaml and client.yaml to .gitattributes: commit it, so "
          "other copies use it too once they run `casekit hook install`\n");
    if (*lfs && install_lfs(folder))
      fmt::print(
          "Added clients' documents to .gitattributes for Git LFS: commit it before the first "
          "document, so scans are kept in LFS, not in the repository\n");
  });
}

}  // namespace casekit::cli
