// `casekit hook install`: a git pre-commit hook that checks the clients
// being committed, and the merge driver for the records (see git.hpp);
// with --server, the pre-receive hook of the team's bare repository, which
// runs `casekit hook pre-receive` (push_gate.hpp).
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "base/printable.hpp"
#include "check/check.hpp"
#include "cli/commands.hpp"
#include "git/git.hpp"
#include "git/push_gate.hpp"

namespace casekit::cli {
namespace {

void install_in_clone(Context& context, bool force, bool lfs) {
  CaseFolder folder = context.folder();
  if (lfs) require_git_lfs(folder);
  for (const auto& hook : install_hooks(folder, force))
    if (hook.written)
      fmt::print("Installed the {} hook in {}\n", hook.name, printable(hook.path.string()));
    else
      fmt::print("The casekit {} hook is installed already\n", hook.name);
  MergeDriverSetup merge = install_merge_driver(folder);
  if (merge.configured) fmt::print("Set up the casekit merge driver in this repository's config\n");
  if (merge.attributes)
    fmt::print(
        "Added the merge driver for the records to .gitattributes: commit it, so other copies "
        "use it too once they run `casekit hook install`\n");
  if (lfs && install_lfs(folder))
    fmt::print(
        "Added clients' documents to .gitattributes for Git LFS: commit it before the first "
        "document, so scans are kept in LFS, not in the repository\n");
}

void install_on_server(const std::string& repo, bool force) {
  ServerHookInstall hook = install_server_hook(repo, force);
  if (hook.written)
    fmt::print("Installed the pre-receive hook in {}\n", printable(hook.path.string()));
  else
    fmt::print("The casekit pre-receive hook is installed already\n");
}

// What refuses a push of a record: check's format errors (casekit.yaml's
// too). The other rules are the team's to judge, not the server's.
std::vector<Diagnostic> format_errors(const CaseFolder& folder,
                                      const std::vector<std::string>& ids) {
  CheckOptions options{today(), ids};
  options.only_listed = true;
  std::vector<Diagnostic> all;
  // Only the errors are kept, as each client is checked.
  options.on_client = [&](const ClientReport& client) {
    for (const auto& d : client.findings)
      if (d.severity == Severity::error && d.rule.rfind("format/", 0) == 0) all.push_back(d);
  };
  try {
    run_check(folder, options);
  } catch (const InvalidRecord& settings) {
    // casekit.yaml with format errors: no record can be checked with it.
    all = settings.diagnostics();
  }
  std::erase_if(all, [](const Diagnostic& d) {
    return d.severity != Severity::error || d.rule.rfind("format/", 0) != 0;
  });
  return all;
}

// git runs the hook in the bare repository with the ref updates on
// standard input; what is printed reaches the person pushing.
void gate_push(Context& context) {
  std::string input(std::istreambuf_iterator<char>(std::cin), {});
  GitRun dir = run_git(".", {"rev-parse", "--absolute-git-dir"}, true);
  if (dir.status != 0)
    throw Error(
        "this folder is not a git repository: casekit hook pre-receive checks a push in the "
        "server's repository",
        "git runs it from the pre-receive hook that casekit hook install --server writes");
  std::size_t problems = 0;
  for (const RefUpdate& update : parse_ref_updates(input)) {
    std::vector<Diagnostic> found = gate_ref_update(dir.first_line(), update, format_errors);
    for (const auto& d : found) fmt::print("{}\n", format_diagnostic(d));
    if (!found.empty())
      fmt::print("casekit: {} refused: {} {}\n", printable(update.ref), found.size(),
                 found.size() == 1 ? "problem" : "problems");
    problems += found.size();
  }
  if (problems == 0) return;
  fmt::print("casekit: fix the problems above in your clone, commit, and push again\n");
  context.status = ExitStatus::findings;
}

}  // namespace

void setup_hook(CLI::App& command, Context& context) {
  command.require_subcommand(1);
  CLI::App* install = command.add_subcommand("install",
                                             "Install the pre-commit and post-merge hooks and the "
                                             "merge driver in the case folder's repository");
  struct Options {
    bool force = false, server = false, lfs = false;
    std::string repo;
  };
  auto o = std::make_shared<Options>();
  install->add_flag("--force", o->force, "Replace a different hook");
  install->add_flag("--lfs", o->lfs,
                    "Keep clients' documents in Git LFS, not in the repository itself");
  install->add_flag("--server", o->server,
                    "Install the pre-receive hook in a bare repository the team pushes to");
  install->add_option("repo", o->repo, "With --server: the bare repository (default: this folder)");
  install->callback([o, &context] {
    if (o->server) return install_on_server(o->repo.empty() ? "." : o->repo, o->force);
    if (!o->repo.empty())
      throw Error(ExitStatus::usage, {}, "a repository is named only with --server",
                  "run casekit hook install inside the clone, or add --server for a bare "
                  "repository");
    install_in_clone(context, o->force, o->lfs);
  });
  command
      .add_subcommand("pre-receive",
                      "Check the ref updates of a push on standard input (run by git on the "
                      "server, from the hook install --server writes)")
      ->callback([&context] { gate_push(context); });
}

}  // namespace casekit::cli
