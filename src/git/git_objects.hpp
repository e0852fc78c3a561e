// Reading a repository's objects without a work tree, for the server's
// pre-receive gate (push_gate.hpp): what a push changed, the files of a
// commit under some folders, and the bytes of blobs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "record/case_folder.hpp"

namespace casekit {

// A SHA-1 or SHA-256 object id as git prints it: 40 or 64 lower-case hex digits.
bool is_object_id(const std::string& id);

// A file as a tree lists it: git's mode ("100644", "120000" for a
// symbolic link), object id, size in bytes and path from the top.
struct TreeFile {
  std::string mode, id;
  std::size_t size = 0;
  std::string path;
};

// A path that differs between two trees (git diff-tree --raw): the modes
// and ids on each side ("000000" and zeros where it is missing) and git's
// status letter (A added, D deleted, M modified, T type changed).
struct ChangedPath {
  std::string old_mode, new_mode, old_id, new_id;
  char status = 'M';
  std::string path;
};

// True when `id` is git's all-zero id (a ref created or deleted).
bool is_zero_id(const std::string& id);

// The commit a pushed id names, or "" when it names no commit (a tag of a
// tree or blob).
std::string commit_of(const fs::path& git_dir, const std::string& id);

// What a new ref is compared with: where it leaves the default branch
// (HEAD), or the empty tree when there is none.
std::string new_ref_base(const fs::path& git_dir, const std::string& commit);

// The paths that differ between `from` and `to` (commits or trees); git
// reads only the trees that differ, so the cost follows the change.
std::vector<ChangedPath> changed_paths(const fs::path& git_dir, const std::string& from,
                                       const std::string& to);

// The files of commit `commit` at or under `paths` (exact paths: no
// patterns), with their sizes.
std::vector<TreeFile> tree_files(const fs::path& git_dir, const std::string& commit,
                                 const std::vector<std::string>& paths);

// The bytes of blobs by id, all read by one `git cat-file --batch`; an id
// git does not have is left out.
std::map<std::string, std::string> read_blobs(const fs::path& git_dir,
                                              const std::vector<std::string>& ids);

}  // namespace casekit
