// The commit each record-changing command makes when casekit.yaml says
// `git: {commit: true}` (see git.hpp), and the messages it gets.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "git/git.hpp"

namespace casekit::cli {

void record_in_git(const CaseFolder& folder, const std::vector<fs::path>& paths,
                   const std::string& message) {
  GitCommit commit = commit_change(folder, paths, message);
  if (commit.warning.empty()) return;
  std::vector<std::string> shown;
  for (const auto& path : paths) shown.push_back(folder.display(path));
  fmt::print(stderr,
             "casekit: warning: the change is saved, but it was not committed: {} (commit it "
             "yourself with "
             "`git add -- {} && git commit -- {}`)\n",
             commit.warning, fmt::join(shown, " "), fmt::join(shown, " "));
}

std::string note_commit_message(const std::string& client, const fs::path& note) {
  // 2026-11-20-1430-in-person.yaml, or ...-in-person-2.yaml for a second one.
  std::string name = note.stem().string();
  std::string contact = name.size() > 16 ? name.substr(16) : name;
  std::size_t dash = contact.rfind('-');
  if (dash != std::string::npos && dash + 1 < contact.size() &&
      contact.find_first_not_of("0123456789", dash + 1) == std::string::npos)
    contact.resize(dash);
  return fmt::format("note: add {} {} note for {}", name.substr(0, 10), contact, client);
}

}  // namespace casekit::cli
