// The record of the merge driver's renumberings, kept in the git folder
// until `casekit fix-renumbered` has fixed the notes (renumbered_notes.hpp).
#include <fmt/format.h>

#include <sstream>

#include "base/error.hpp"
#include "base/ids.hpp"
#include "git/git.hpp"
#include "git/git_objects.hpp"
#include "git/record_merge.hpp"
#include "git/renumbered_notes.hpp"
#include "storage/file_system.hpp"

namespace casekit {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t at = 0;
  for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1)
    fields.push_back(line.substr(at, tab - at));
  fields.push_back(line.substr(at));
  return fields;
}

// An entry the driver could have written: object ids, a client's plan.yaml
// and two item ids of the same kind.
bool well_formed(const RenumberEntry& e) {
  char prefix = e.from.empty() ? 0 : e.from[0];
  return is_object_id(e.ours_blob) && is_object_id(e.theirs_blob) &&
         mergeable_kind(e.path) == FileKind::plan && !e.what.empty() &&
         is_item_id(e.from, prefix) && is_item_id(e.to, prefix) && e.from != e.to;
}

}  // namespace

bool RenumberEntry::operator==(const RenumberEntry& other) const {
  return ours_blob == other.ours_blob && theirs_blob == other.theirs_blob && path == other.path &&
         what == other.what && from == other.from && to == other.to;
}

std::string format_entries(const std::vector<RenumberEntry>& entries) {
  std::string out;
  for (const auto& e : entries)
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", e.ours_blob, e.theirs_blob, e.path, e.what,
                       e.from, e.to);
  return out;
}

std::vector<RenumberEntry> parse_entries(const std::string& text, const std::string& file_name) {
  std::vector<RenumberEntry> entries;
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    std::vector<std::string> f = split_tabs(line);
    RenumberEntry entry;
    if (f.size() == 6) entry = {f[0], f[1], f[2], f[3], f[4], f[5]};
    if (f.size() != 6 || !well_formed(entry))
      throw Error(ExitStatus::usage, {file_name, number, 1},
                  "this is not a renumbering that casekit's merge driver records",
                  "nothing was changed; fix or remove the line: the merge driver writes "
                  "OURS THEIRS PATH WHAT FROM TO, separated by tabs");
    entries.push_back(entry);
  }
  return entries;
}

fs::path renumbered_path(const fs::path& dir) {
  GitRun run = run_git(dir, {"rev-parse", "--git-dir"}, true);
  if (run.status != 0 || run.out.size() < 2)
    throw Error("the case folder is not in a git repository",
                "run the command inside the case folder's git work tree");
  // Relative to `dir` (so messages name it as the person sees it), or absolute.
  return (dir / run.first_line()).lexically_normal() / "casekit" / "renumbered";
}

void record_renumbered(const fs::path& dir, const std::vector<RenumberEntry>& entries) {
  if (entries.empty()) return;
  FileSystem& files = real_file_system();
  fs::path path = renumbered_path(dir);
  if (!files.exists(path.parent_path())) files.make_folder(path.parent_path());
  std::string text = files.read(path, max_file_bytes).value_or("");
  if (!text.empty() && text.back() != '\n') text += '\n';
  files.replace(path, text + format_entries(entries));
}

}  // namespace casekit
