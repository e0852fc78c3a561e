// git as the audit trail: the user's own git binary, run with an argument
// list (never through a shell), so their identity, hooks and signing apply.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "record/case_folder.hpp"

namespace casekit {

struct GitRun {
  bool started = false;  // false: git could not be run at all
  int status = -1;       // git's exit status
  std::string out;       // its standard output, when captured
  // The first line of the output: git's answer to a one-line question.
  std::string first_line() const { return out.substr(0, out.find('\n')); }
};

// Runs `git ARGS...` in `dir`. With capture, standard output is returned
// and git's standard error is discarded; without, both go to standard
// error, so a command's own output stays clean. With `input`, that is git's
// standard input.
GitRun run_git(const fs::path& dir, const std::vector<std::string>& args, bool capture,
               const std::optional<std::string>& input = std::nullopt);

// True when `dir` is inside a git work tree (and git can be run).
bool in_git_work_tree(const fs::path& dir);

// What became of a change's commit.
struct GitCommit {
  bool wanted = false;  // the settings ask for commits and this is a work tree
  std::string warning;  // why the commit failed; empty when it was made
};

// Adds and commits exactly `paths` (files casekit wrote, in the case folder)
// with `message`, when casekit.yaml says `git: {commit: true}` and the case
// folder is in a git work tree. Other changes in the work tree and the index
// are left as they are; when the commit fails, the index entries of `paths`
// are put back as they were before casekit staged them. A failure is
// returned, never thrown: the change is already written and must stay.
GitCommit commit_change(const CaseFolder& folder, const std::vector<fs::path>& paths,
                        const std::string& message);

// The clients whose files changed since `rev` (git diff --name-only REV,
// and untracked files), that still exist. Throws Error when the case
// folder is not in a git work tree or git does not know `rev`.
std::vector<std::string> clients_changed_since(const CaseFolder& folder, const std::string& rev);

// The pre-commit hook `casekit hook install` writes: it runs `casekit check`
// on what is being committed (the staged files of the clients with staged
// changes, copied out of the index into a private folder in the git folder).
std::string pre_commit_hook(const CaseFolder& folder);
// The post-merge hook: runs `casekit fix-renumbered` when the merge
// driver recorded renumbered items (renumbered_notes.hpp).
std::string post_merge_hook(const CaseFolder& folder);

struct HookInstall {
  std::string name;  // pre-commit, post-merge
  fs::path path;
  bool written = false;  // false: the same hook was there already
};
// Installs both hooks; refuses, before writing any, to replace a
// different hook unless `force`.
std::vector<HookInstall> install_hooks(const CaseFolder& folder, bool force);

// What setting up the merge driver changed.
struct MergeDriverSetup {
  bool configured = false;  // the repository's config was set (it was not already)
  bool attributes = false;  // lines were added to the case folder's .gitattributes
};
// Sets up `casekit merge-driver` for clients' plan.yaml, client.yaml and disclosures.yaml:
// merge.casekit.name and .driver in the repository's own config (per
// clone: git never takes a command to run from a clone's history), and
// `merge=casekit` lines in the case folder's .gitattributes (committed,
// so clones share them), added once.
MergeDriverSetup install_merge_driver(const CaseFolder& folder);

// Keeps clients' documents (casekit attach: scans, PDFs) in Git LFS, so
// the repository holds small pointers and clones fetch the files they
// need: `git lfs install --local` and the line
// `clients/*/documents/** filter=lfs diff=lfs merge=lfs -text` in the case
// folder's .gitattributes, added once. Refuses, before changing anything,
// when git-lfs is not installed. Returns whether the line was added.
void require_git_lfs(const CaseFolder& folder);
bool install_lfs(const CaseFolder& folder);

// A commit that changed a file: its author date (YYYY-MM-DD) and subject.
struct FileCommit {
  std::string date, subject;
};
// The commits that changed `file` (a path in the case folder), oldest
// first, following renames; none when the case folder is not in a git
// work tree or git cannot be run.
std::vector<FileCommit> file_history(const CaseFolder& folder, const fs::path& file);

}  // namespace casekit
