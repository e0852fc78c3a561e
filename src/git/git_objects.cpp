#include "git/git_objects.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "git/git.hpp"

namespace casekit {
namespace {

std::string git_answer(const fs::path& git_dir, const std::vector<std::string>& args,
                       const std::optional<std::string>& input = std::nullopt) {
  GitRun run = run_git(git_dir, args, true, input);
  if (!run.started || run.status != 0)
    throw Error(ExitStatus::io, {git_dir.string(), 0, 0},
                fmt::format("`git {}` failed (exit status {})", args.front(), run.status),
                "is git installed, and is this a git repository?");
  return run.out;
}

// Splits git's -z output at its NUL bytes.
std::vector<std::string> nul_fields(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\0', start)) != std::string::npos; start = end + 1)
    out.push_back(text.substr(start, end - start));
  return out;
}

}  // namespace

bool is_object_id(const std::string& id) {
  return (id.size() == 40 || id.size() == 64) &&
         id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

bool is_zero_id(const std::string& id) {
  return !id.empty() && id.find_first_not_of('0') == std::string::npos;
}

std::string commit_of(const fs::path& git_dir, const std::string& id) {
  if (!is_object_id(id)) return "";
  GitRun run = run_git(
      git_dir, {"rev-parse", "--verify", "--quiet", "--end-of-options", id + "^{commit}"}, true);
  std::string commit = run.first_line();
  return run.status == 0 && is_object_id(commit) ? commit : "";
}

std::string new_ref_base(const fs::path& git_dir, const std::string& commit) {
  GitRun head = run_git(git_dir, {"rev-parse", "--verify", "--quiet", "HEAD^{commit}"}, true);
  if (head.status == 0 && is_object_id(head.first_line())) {
    GitRun base =
        run_git(git_dir, {"merge-base", "--end-of-options", head.first_line(), commit}, true);
    if (base.status == 0 && is_object_id(base.first_line())) return base.first_line();
  }
  // The empty tree's id in this repository's hash, without writing it.
  std::string empty = git_answer(git_dir, {"hash-object", "-t", "tree", "--stdin"}, "");
  return empty.substr(0, empty.find('\n'));
}

std::vector<ChangedPath> changed_paths(const fs::path& git_dir, const std::string& from,
                                       const std::string& to) {
  std::vector<std::string> fields = nul_fields(git_answer(
      git_dir, {"diff-tree", "-r", "-z", "--no-renames", "--raw", "--end-of-options", from, to}));
  std::vector<ChangedPath> out;
  // Each change is ":MODE MODE ID ID STATUS" then its path.
  for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
    const std::string& meta = fields[i];
    if (meta.size() < 2 || meta[0] != ':') break;
    ChangedPath change;
    std::size_t a = meta.find(' '), b = meta.find(' ', a + 1), c = meta.find(' ', b + 1),
                d = meta.find(' ', c + 1);
    if (d == std::string::npos) break;
    change.old_mode = meta.substr(1, a - 1);
    change.new_mode = meta.substr(a + 1, b - a - 1);
    change.old_id = meta.substr(b + 1, c - b - 1);
    change.new_id = meta.substr(c + 1, d - c - 1);
    change.status = meta[d + 1];
    change.path = fields[i + 1];
    out.push_back(std::move(change));
  }
  return out;
}

std::vector<TreeFile> tree_files(const fs::path& git_dir, const std::string& commit,
                                 const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"--literal-pathspecs", "ls-tree", "-r", "-l", "-z",
                                   "--full-tree",         commit,    "--"};
  args.insert(args.end(), paths.begin(), paths.end());
  std::vector<TreeFile> out;
  // Each entry is "MODE TYPE ID SIZE\tPATH", the size padded with spaces.
  for (const std::string& entry : nul_fields(git_answer(git_dir, args))) {
    std::size_t tab = entry.find('\t');
    std::size_t a = entry.find(' '), b = entry.find(' ', a + 1), c = entry.find(' ', b + 1);
    if (tab == std::string::npos || c == std::string::npos || c > tab) continue;
    TreeFile file{entry.substr(0, a), entry.substr(b + 1, c - b - 1), 0, entry.substr(tab + 1)};
    std::string size = entry.substr(c + 1, tab - c - 1);
    size.erase(0, size.find_first_not_of(' '));
    if (size.empty() || size.find_first_not_of("0123456789") != std::string::npos) continue;
    file.size = std::stoull(size);
    out.push_back(std::move(file));
  }
  return out;
}

std::map<std::string, std::string> read_blobs(const fs::path& git_dir,
                                              const std::vector<std::string>& ids) {
  std::map<std::string, std::string> out;
  std::string input;
  for (const auto& id : ids)
    if (is_object_id(id)) input += id + "\n";
  if (input.empty()) return out;
  std::string text = git_answer(git_dir, {"cat-file", "--batch"}, input);
  // Each object is "ID TYPE SIZE\n", its bytes and "\n"; "ID missing\n" when absent.
  for (std::size_t at = 0; at < text.size();) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string::npos) break;
    std::string header = text.substr(at, eol - at);
    at = eol + 1;
    std::size_t a = header.find(' '), b = header.find(' ', a + 1);
    if (b == std::string::npos) continue;
    std::size_t size = std::stoull(header.substr(b + 1));
    if (at + size > text.size()) break;
    out[header.substr(0, a)] = text.substr(at, size);
    at += size + 1;
  }
  return out;
}

}  // namespace casekit
