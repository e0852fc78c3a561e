// `casekit hook install --server`: the pre-receive hook of a bare
// repository that the team pushes to (push_gate.hpp).
#include <fmt/format.h>

#include "base/printable.hpp"
#include "git/git.hpp"
#include "git/hook_file.hpp"
#include "git/push_gate.hpp"

namespace casekit {

std::string pre_receive_hook() {
  return "#!/bin/sh\n"
         "# Installed by `casekit hook install --server`: refuses a push that brings a\n"
         "# record with format errors, a symbolic link, a file casekit left behind, or\n"
         "# a changed or removed disclosure. It reads only what the push changes.\n"
         "# `casekit` must be on the PATH of the server's git (see casekit-hook(1)).\n"
         "exec casekit hook pre-receive\n";
}

namespace {

// A bare repository: git answers "true" to --is-bare-repository there.
void require_bare(const fs::path& repo) {
  GitRun bare = run_git(repo, {"rev-parse", "--is-bare-repository"}, true);
  if (!bare.started || bare.status != 0)
    throw Error(ExitStatus::usage, {repo.string(), 0, 0}, "this is not a git repository",
                "name the server's bare repository, for example casekit hook install --server "
                "/srv/git/caseload.git");
  if (bare.first_line() != "true")
    throw Error(ExitStatus::usage, {repo.string(), 0, 0},
                "this repository has a work tree: --server is for the bare repository that the "
                "team pushes to",
                "in a clone, run casekit hook install without --server; on the server, name the "
                "bare repository, which git init --bare makes");
}

}  // namespace

ServerHookInstall install_server_hook(const fs::path& repo, bool force) {
  require_bare(repo);
  GitRun where = run_git(repo, {"rev-parse", "--git-path", "hooks/pre-receive"}, true);
  if (where.status != 0 || where.first_line().empty())
    throw Error(ExitStatus::io, {repo.string(), 0, 0}, "git did not say where its hooks go",
                "is git installed and on the PATH?");
  ServerHookInstall out{(repo / where.first_line()).lexically_normal(), false};
  std::string text = pre_receive_hook();
  if (fs::exists(out.path)) {
    if (read_hook_file(out.path) == text) return out;
    if (!force)
      throw Error(ExitStatus::usage, {out.path.string(), 0, 0},
                  "a different pre-receive hook is installed already",
                  "look at it first; `casekit hook install --server --force` replaces it");
  }
  write_hook_file(out.path, text);
  out.written = true;
  return out;
}

}  // namespace casekit
