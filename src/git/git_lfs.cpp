#include <fmt/format.h>

#include <algorithm>

#include "git/git.hpp"

namespace casekit {
namespace {

constexpr const char* kDocumentsLine = "clients/*/documents/** filter=lfs diff=lfs merge=lfs -text";

bool has_line(const std::string& text, const std::string& line) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.find('\n', at), text.size());
    if (text.compare(at, end - at, line) == 0) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

void require_git_lfs(const CaseFolder& folder) {
  GitRun version = run_git(folder.root(), {"lfs", "version"}, true);
  if (!version.started || version.status != 0)
    throw Error(ExitStatus::usage, {},
                "git-lfs is not installed, so documents cannot be kept in Git LFS",
                "install it (on Debian: apt-get install git-lfs), then run `casekit hook install "
                "--lfs` again; nothing was changed");
}

bool install_lfs(const CaseFolder& folder) {
  // git-lfs sets its filters and writes its hooks, all but post-merge,
  // which is casekit's (install_hooks comes first): git-lfs then says
  // "Hook already exists" and exits 2. Its post-merge hook serves file
  // locking only, which a case folder does not use; the filters are what
  // keeps documents out of the repository, so they are what is checked.
  run_git(folder.root(), {"lfs", "install", "--local"}, true);
  GitRun filter =
      run_git(folder.root(), {"config", "--local", "--get", "filter.lfs.process"}, true);
  if (filter.status != 0)
    throw Error(ExitStatus::io, {}, "git lfs install did not set up the repository",
                "run `git lfs install --local` in the case folder to see why");
  fs::path path = folder.root() / ".gitattributes";
  FileSystem& files = real_file_system();
  std::string text = files.read(path, max_file_bytes).value_or("");
  if (has_line(text, kDocumentsLine)) return false;
  if (!text.empty() && text.back() != '\n') text += '\n';
  files.replace(path, text + kDocumentsLine + "\n");
  return true;
}

}  // namespace casekit
