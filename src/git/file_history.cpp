#include <algorithm>

#include "git/git.hpp"

namespace casekit {

std::vector<FileCommit> file_history(const CaseFolder& folder, const fs::path& file) {
  std::vector<FileCommit> commits;
  if (!in_git_work_tree(folder.root())) return commits;
  fs::path relative = file.lexically_relative(folder.root());
  GitRun run = run_git(folder.root(),
                       {"log", "--follow", "--format=%as%x09%s", "--", relative.string()}, true);
  if (!run.started || run.status != 0) return commits;
  for (std::size_t at = 0; at < run.out.size();) {
    std::size_t end = std::min(run.out.find('\n', at), run.out.size());
    std::string line = run.out.substr(at, end - at);
    std::size_t tab = line.find('\t');
    if (tab != std::string::npos) commits.push_back({line.substr(0, tab), line.substr(tab + 1)});
    at = end + 1;
  }
  std::reverse(commits.begin(), commits.end());
  return commits;
}

}  // namespace casekit
