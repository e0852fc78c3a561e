// git for checking: which clients changed since a revision, and the
// pre-commit hook that checks the clients being committed.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "base/ids.hpp"
#include "base/printable.hpp"
#include "git/git.hpp"
#include "git/hook_file.hpp"
#include "storage/file_system.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

// Every line, an empty one too (rev-parse --show-prefix at the top).
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

void require_work_tree(const CaseFolder& folder) {
  if (!in_git_work_tree(folder.root()))
    throw Error("the case folder is not in a git work tree",
                "run `git init` in the case folder, or leave out the git options");
}

// Output of git run in the case folder, or an error naming what failed.
std::string git_output(const CaseFolder& folder, const std::vector<std::string>& args,
                       const std::string& hint) {
  GitRun run = run_git(folder.root(), args, true);
  if (run.status != 0)
    throw Error(fmt::format("`git {}` failed (exit status {})", args.front(), run.status), hint);
  return run.out;
}

// The case folder's path inside the work tree: hooks start at its top.
std::string case_folder_prefix(const CaseFolder& folder) {
  std::string prefix = git_output(folder, {"rev-parse", "--show-prefix"}, "");
  if (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
  return prefix;
}

}  // namespace

namespace {

// Where the case folder is and the commit `rev` names, in one call: the
// commit is asked before `rev` goes anywhere else (git reads a word
// starting with '-' as an option, `--output=FILE` writes the file, and
// --end-of-options makes it a revision, which this one is not).
struct ChangeBase {
  std::string prefix;  // the case folder's path in the work tree, "" or "a/b/"
  std::string commit;
};

ChangeBase change_base(const CaseFolder& folder, const std::string& rev) {
  GitRun run = run_git(folder.root(),
                       {"rev-parse", "--is-inside-work-tree", "--show-prefix", "--verify",
                        "--quiet", "--end-of-options", rev + "^{commit}"},
                       true);
  std::vector<std::string> answer = split_lines(run.out);
  if (!run.started || answer.empty() || answer[0] != "true")
    throw Error("the case folder is not in a git work tree",
                "run `git init` in the case folder, or leave out the git options");
  std::string id = answer.size() == 3 ? answer[2] : "";
  if (run.status != 0 || id.size() < 40 ||
      id.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw Error(fmt::format("'{}' is not a commit of this repository", printable(rev)),
                "name a commit, branch or tag; `git log --oneline` lists the commits");
  return {answer[1], id};
}

// The paths of `git status --porcelain=v2 -z` (from the top of the work
// tree), and the commit HEAD is at. Every entry's path is its last field.
std::vector<std::string> status_paths(const std::string& out, std::string& head) {
  std::vector<std::string> paths;
  for (std::size_t at = 0; at < out.size();) {
    std::size_t end = out.find('\0', at);
    if (end == std::string::npos) end = out.size();
    std::string entry = out.substr(at, end - at);
    at = end + 1;
    if (entry.empty()) continue;
    if (entry.rfind("# branch.oid ", 0) == 0) head = entry.substr(13);
    // Fields before the path: 8 for a change, 10 for a conflict, 1 untracked.
    int fields = entry[0] == '1' ? 8 : entry[0] == 'u' ? 10 : entry[0] == '?' ? 1 : -1;
    std::size_t start = 0;
    for (int i = 0; i < fields && start != std::string::npos; ++i)
      if ((start = entry.find(' ', start)) != std::string::npos) ++start;
    if (fields > 0 && start != std::string::npos && start < entry.size())
      paths.push_back(entry.substr(start));
  }
  return paths;
}

}  // namespace

// One `git status` (with the untracked cache, and fsmonitor where the
// repository has it) finds what changed since HEAD, staged or not, and
// what is untracked; only when `rev` is not HEAD does a diff of two trees,
// which reads no file of the work tree, add what changed from `rev` to
// HEAD. A check of the changed clients then costs what the change costs.
std::vector<std::string> clients_changed_since(const CaseFolder& folder, const std::string& rev) {
  ChangeBase base = change_base(folder, rev);
  std::string hint = "is the case folder in a git work tree, and git on the PATH?";
  // An untracked folder is named, not listed file by file: "clients/x/"
  // names its client, and "clients/" itself (or a folder above it) every
  // client. Listing each file of it would walk the whole caseload. No
  // pathspec: with one, git does not use its untracked cache.
  std::string status = git_output(folder,
                                  {"-c", "core.untrackedCache=true", "status", "--porcelain=v2",
                                   "-z", "--branch", "--untracked-files=normal", "--no-renames"},
                                  hint);
  std::string head, inside = base.prefix + "clients/";
  std::vector<std::string> changed;
  for (auto& path : status_paths(status, head)) {
    if (path.back() == '/' && inside.rfind(path, 0) == 0)
      for (const auto& id : folder.client_ids()) changed.push_back("clients/" + id + "/");
    else if (path.rfind(base.prefix, 0) == 0)
      changed.push_back(path.substr(base.prefix.size()));
  }
  // --relative: paths relative to the case folder, and only those inside it.
  // -z: a name with an accent or a tab comes as it is, not quoted.
  if (head != base.commit) {
    std::string names = git_output(folder,
                                   {"diff", "--name-only", "-z", "--relative", "--no-renames",
                                    "--end-of-options", base.commit, "HEAD", "--"},
                                   hint);
    for (std::size_t at = 0, end; at < names.size(); at = end + 1) {
      end = std::min(names.find('\0', at), names.size());
      if (end > at) changed.push_back(names.substr(at, end - at));
    }
  }
  std::set<std::string> ids;
  for (const auto& path : changed) {
    if (path.rfind("clients/", 0) != 0) continue;
    std::string id = path.substr(8, path.find('/', 8) - 8);
    if (is_client_id(id) && folder.has_client(id)) ids.insert(id);
  }
  return {ids.begin(), ids.end()};
}

namespace {

// A word for sh: in single quotes, each ' as '\''.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The hook checks the index, not the work tree: a file
// changed again after `git add` is committed as it was
// added. git runs the hook at the top of the work tree
// with GIT_INDEX_FILE set, sometimes to a relative path
// (and to a temporary index for `git commit -a` or `git
// commit PATHS`), so every git command runs there. The
// staged files go into a folder only the owner can read
// inside the git folder, never /tmp: records are
// confidential.
constexpr const char* pre_commit_body = R"sh(set -f
umask 077
export GIT_LITERAL_PATHSPECS=1
cd "$(git rev-parse --show-toplevel)" || exit 1
top=$(pwd)
ids=
for client in $(git diff --cached --name-only --relative="$folder" -- "${folder}clients" | cut -d/ -f2 | sort -u); do
  case $client in '' | -* | *[!a-z0-9-]*) ;; *) ids="$ids $client" ;; esac
done
[ -n "$ids" ] || exit 0
staged=
trap 'rm -rf "$staged"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
staged=$(mktemp -d "$(git rev-parse --absolute-git-dir)/casekit-pre-commit.XXXXXX") || exit 1
set --
for client in $ids; do set -- "$@" "${folder}clients/$client/"; done
git ls-files -z -- "${folder}casekit.yaml" "$@" | git checkout-index -z --stdin --prefix="$staged/" || exit 1
mkdir -p "$staged/$folder" && cd "$staged/$folder" || exit 1
# Without a staged casekit.yaml, the records are checked with the work tree's.
[ -f casekit.yaml ] || cp "$top/${folder}casekit.yaml" . || exit 1
set --
for client in $ids; do
  [ -d "clients/$client" ] && set -- "$@" "$client"
done
[ $# -eq 0 ] && exit 0
casekit -C . check -- "$@"
status=$?
exit "$status"
)sh";

// The pre-commit hook casekit installed before it
// checked the index (it checked the work tree): `hook
// install` replaces exactly this text.
std::string work_tree_pre_commit_hook(const CaseFolder& folder) {
  return fmt::format(
      "#!/bin/sh\n"
      "# Installed by `casekit hook install`: runs "
      "`casekit check` on the clients\n"
      "# whose files are being committed, and stops the "
      "commit when it finds errors.\n"
      "# It checks the files in the work tree. `git "
      "commit --no-verify` skips it.\n"
      "cd \"$(git rev-parse --show-toplevel)/{}\" || "
      "exit 1\n"
      "clients=$(git diff --cached --name-only "
      "--relative -- clients | cut -d/ -f2 | sort -u)\n"
      "set --\n"
      "for client in $clients; do\n"
      "  [ -d \"clients/$client\" ] && set -- \"$@\" "
      "\"$client\"\n"
      "done\n"
      "[ $# -eq 0 ] && exit 0\n"
      "exec casekit check \"$@\"\n",
      case_folder_prefix(folder));
}

}  // namespace

std::string pre_commit_hook(const CaseFolder& folder) {
  return fmt::format(
      "#!/bin/sh\n"
      "# Installed by `casekit hook install`: runs "
      "`casekit check` on what is being\n"
      "# committed (the staged files of the clients "
      "with staged changes, and the\n"
      "# staged casekit.yaml), and stops the commit "
      "when it finds errors. The\n"
      "# staged files are copied into a private folder "
      "in the git folder, removed\n"
      "# when the hook ends. `git commit --no-verify` "
      "skips it.\n"
      "folder={}\n{}",
      shell_quote(case_folder_prefix(folder)), pre_commit_body);
}

std::string post_merge_hook(const CaseFolder& folder) {
  std::string prefix = case_folder_prefix(folder);
  return fmt::format(
      "#!/bin/sh\n"
      "# Installed by `casekit hook install`: after a "
      "merge in which casekit's merge\n"
      "# driver renumbered the other copy's goals or "
      "services, the notes the merge\n"
      "# brought from there get the new ids (`casekit "
      "fix-renumbered`).\n"
      "[ -s \"$(git rev-parse "
      "--git-dir)/casekit/renumbered\" ] || exit 0\n"
      "folder={}\n"
      "cd \"$(git rev-parse --show-toplevel)/$folder\" "
      "|| exit 1\n"
      "exec casekit fix-renumbered\n",
      shell_quote(prefix));
}

namespace {

struct Hook {
  const char* name;
  std::string text;
  std::string earlier;  // what an earlier casekit installed:
                        // replaced without --force
  fs::path path;
  bool same = false;  // installed already
};

void write_hook(const Hook& hook) {
  write_hook_file(hook.path, hook.text);
}

}  // namespace

std::vector<HookInstall> install_hooks(const CaseFolder& folder, bool force) {
  require_work_tree(folder);
  std::vector<Hook> hooks = {
      {"pre-commit", pre_commit_hook(folder), work_tree_pre_commit_hook(folder), {}},
      {"post-merge", post_merge_hook(folder), {}, {}}};
  // Every hook is looked at before any is written: a
  // refusal changes nothing.
  for (auto& hook : hooks) {
    std::string where =
        git_output(folder, {"rev-parse", "--git-path", std::string("hooks/") + hook.name}, "");
    hook.path = (folder.root() / where.substr(0, where.find('\n'))).lexically_normal();
    if (!fs::exists(hook.path)) continue;
    std::string old = read_hook_file(hook.path);
    hook.same = old == hook.text;
    if (!hook.same && !force && old != hook.earlier)
      throw Error(ExitStatus::usage, {hook.path.string(), 0, 0},
                  fmt::format("a different {} hook is installed already", hook.name),
                  "look at it first; `casekit hook install "
                  "--force` replaces it");
  }
  std::vector<HookInstall> out;
  for (const auto& hook : hooks) {
    if (!hook.same) write_hook(hook);
    out.push_back({hook.name, hook.path, !hook.same});
  }
  return out;
}

MergeDriverSetup install_merge_driver(const CaseFolder& folder) {
  require_work_tree(folder);
  MergeDriverSetup setup;
  const std::vector<std::pair<std::string, std::string>> config = {
      {"merge.casekit.name", "casekit record merge"},
      {"merge.casekit.driver", "casekit merge-driver %O %A %B %P"}};
  for (const auto& [key, value] : config) {
    GitRun now = run_git(folder.root(), {"config", "--local", "--get", key}, true);
    if (now.status == 0 && now.out == value + "\n") continue;
    git_output(folder, {"config", "--local", key, value},
               "check the permissions of the .git folder");
    setup.configured = true;
  }
  fs::path path = folder.root() / ".gitattributes";
  FileSystem& files = real_file_system();
  std::string text = files.read(path, max_file_bytes).value_or("");
  std::vector<std::string> present = lines(text);
  std::string added;
  for (const char* line :
       {"clients/*/plan.yaml merge=casekit", "clients/*/client.yaml merge=casekit",
        "clients/*/disclosures.yaml merge=casekit"})
    if (std::find(present.begin(), present.end(), line) == present.end())
      added += std::string(line) + "\n";
  if (added.empty()) return setup;
  if (!text.empty() && text.back() != '\n') text += '\n';
  files.replace(path, text + added);
  setup.attributes = true;
  return setup;
}

}  // namespace casekit
