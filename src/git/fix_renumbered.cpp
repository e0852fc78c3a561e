// `casekit fix-renumbered`: the notes a merge brought from the other copy
// follow the items the merge driver renumbered (renumbered_notes.hpp).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <sstream>

#include "base/error.hpp"
#include "git/git.hpp"
#include "git/renumbered_notes.hpp"
#include "storage/file_system.hpp"

namespace casekit {
namespace {

// How far back a merge is looked for: a merge that stopped on a conflict
// is usually committed soon after.
constexpr const char* merges_searched = "50";

struct Repository {
  fs::path top;        // the work tree's top folder
  std::string prefix;  // the case folder inside it, "" or "some/folder/"
};

GitRun git_result(const fs::path& dir, const std::vector<std::string>& args) {
  GitRun run = run_git(dir, args, true);
  if (run.status != 0)
    throw Error(ExitStatus::io, {dir.string(), 0, 0},
                fmt::format("`git {}` failed (exit status {})", args.front(), run.status),
                "is the case folder in a git work tree, and git on the PATH?");
  return run;
}

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// The merge commit (and its parents) whose parents hold these versions
// of the plan, or an empty list.
std::vector<std::string> merge_of(const Repository& repo, const RenumberEntry& entry) {
  GitRun merges = run_git(
      repo.top, {"rev-list", "--merges", "--parents", "--max-count", merges_searched, "HEAD", "--"},
      true);
  std::istringstream in(merges.status == 0 ? merges.out : "");
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> ids = words(line);
    if (ids.size() != 3) continue;  // octopus merges never call a merge driver on two sides
    // entry.path comes from a file in the git folder: never an option.
    GitRun blobs = run_git(
        repo.top, {"rev-parse", "--verify", "-q", "--end-of-options", ids[1] + ":" + entry.path},
        true);
    GitRun theirs = run_git(
        repo.top, {"rev-parse", "--verify", "-q", "--end-of-options", ids[2] + ":" + entry.path},
        true);
    if (blobs.status == 0 && theirs.status == 0 && blobs.first_line() == entry.ours_blob &&
        theirs.first_line() == entry.theirs_blob)
      return ids;
  }
  return {};
}

// What one note of the merge needs: rewritten, already so, or a person.
void fix_note(const CaseFolder& folder, const Repository& repo, const std::string& merge,
              const std::string& path, const std::map<std::string, std::string>& ids,
              NotesFixed& result) {
  fs::path file = folder.root() / path.substr(repo.prefix.size());
  std::string shown = folder.display(file);
  std::string merged =
      git_result(repo.top, {"cat-file", "blob", "--end-of-options", merge + ":" + path}).out;
  SourceText source = decode_source(merged, shown);
  std::string fixed;
  try {
    fixed = encode_source(source, renumber_note_text(source.text, shown, ids));
  } catch (const Error& error) {
    result.messages.push_back(fmt::format(
        "{}: casekit cannot change its references ({}); change them by hand", shown, error.what()));
    return;
  }
  if (fixed == merged) return;
  std::optional<std::string> now = folder.files().read(file, max_file_bytes);
  if (now == fixed) return;
  if (now != merged) {
    result.messages.push_back(fmt::format(
        "{}: the note {} since the merge, so casekit leaves it; check its references by hand",
        shown, now ? "changed" : "was removed"));
    return;
  }
  folder.files().replace(file, fixed);
  result.written.push_back(file);
}

std::string changes_text(const std::map<std::string, std::string>& ids) {
  std::vector<std::string> parts;
  for (const auto& [from, to] : ids) parts.push_back(fmt::format("{} (was {})", to, from));
  return fmt::format("{}", fmt::join(parts, ", "));
}

// The notes a merge added (new in it, not in its first parent) in the
// client's notes folder: those came from the other copy.
void fix_merge(const CaseFolder& folder, const Repository& repo,
               const std::vector<std::string>& merge, const std::string& plan,
               const std::map<std::string, std::string>& ids, bool merging, NotesFixed& result) {
  std::string notes = fs::path(plan).parent_path().string() + "/notes/";
  std::string id = fs::path(plan).parent_path().filename().string();
  auto lock = folder.files().lock(folder.client_folder(id));
  // -z: names as they are (git would quote names with other than ASCII).
  std::string added = git_result(repo.top, {"diff", "-z", "--name-only", "--no-renames",
                                            "--diff-filter=A", merge[1], merge[0], "--", notes})
                          .out;
  std::size_t before = result.written.size();
  std::istringstream in(added);
  for (std::string path; std::getline(in, path, '\0');)
    if (path.rfind(notes, 0) == 0 && path.find('/', notes.size()) == std::string::npos)
      fix_note(folder, repo, merge[0], path, ids, result);
  std::vector<fs::path> written(result.written.begin() + static_cast<long>(before),
                                result.written.end());
  if (written.empty()) return;
  std::string message = fmt::format("fix-renumbered: notes from the merged copy refer to {} for {}",
                                    changes_text(ids), id);
  // git refuses a commit of some paths while MERGE_HEAD is there, and
  // post-merge hooks run before git removes it.
  GitCommit commit;
  if (!merging) commit = commit_change(folder, written, message);
  if (commit.wanted && commit.warning.empty()) {
    result.committed = true;
    return;
  }
  std::vector<std::string> shown;
  for (const auto& path : written) shown.push_back(folder.display(path));
  std::string why = merging                  ? " (git is still finishing the merge)"
                    : commit.warning.empty() ? ""
                                             : " (" + commit.warning + ")";
  result.messages.push_back(fmt::format(
      "the notes are changed in the work tree, not committed{}: commit them with `git commit -m "
      "'{}' -- {}`",
      why, message, fmt::join(shown, " ")));
}

// Entries of the same merge of the same plan, together, in their order.
std::vector<std::vector<RenumberEntry>> merge_groups(const std::vector<RenumberEntry>& entries) {
  std::vector<std::vector<RenumberEntry>> groups;
  for (const auto& entry : entries) {
    auto same = [&](const std::vector<RenumberEntry>& group) {
      const RenumberEntry& g = group.front();
      return g.ours_blob == entry.ours_blob && g.theirs_blob == entry.theirs_blob &&
             g.path == entry.path;
    };
    auto found = std::find_if(groups.begin(), groups.end(), same);
    if (found == groups.end())
      groups.push_back({entry});
    else if (std::find(found->begin(), found->end(), entry) == found->end())
      found->push_back(entry);
  }
  return groups;
}

}  // namespace

NotesFixed fix_renumbered_notes(const CaseFolder& folder) {
  NotesFixed result;
  fs::path log = renumbered_path(folder.root());
  std::optional<std::string> text = folder.files().read(log, max_file_bytes);
  if (!text || text->empty()) return result;
  std::vector<RenumberEntry> entries = parse_entries(*text, folder.display(log));
  Repository repo{git_result(folder.root(), {"rev-parse", "--show-toplevel"}).first_line(),
                  git_result(folder.root(), {"rev-parse", "--show-prefix"}).first_line()};
  bool merging = run_git(repo.top, {"rev-parse", "-q", "--verify", "MERGE_HEAD"}, true).status == 0;
  std::vector<RenumberEntry> kept;
  for (const auto& group : merge_groups(entries)) {
    const RenumberEntry& e = group.front();
    // Another case folder in the same repository keeps its own entries.
    if (e.path.rfind(repo.prefix, 0) != 0) {
      kept.insert(kept.end(), group.begin(), group.end());
      continue;
    }
    std::map<std::string, std::string> ids;
    for (const auto& entry : group) ids[entry.from] = entry.to;
    std::vector<std::string> merge = merge_of(repo, e);
    if (!merge.empty()) {
      fix_merge(folder, repo, merge, e.path, ids, merging, result);
      continue;
    }
    if (merging) kept.insert(kept.end(), group.begin(), group.end());
    result.messages.push_back(fmt::format(
        "{}: the merge that renumbered to {} is {}", e.path, changes_text(ids),
        merging ? "not committed yet; run `casekit fix-renumbered` after committing it"
                : "not in this branch's history (was it aborted?), so no note is changed"));
  }
  folder.files().replace(log, format_entries(kept));
  return result;
}

}  // namespace casekit
