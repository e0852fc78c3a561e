// Notes that refer to an item the merge driver renumbered. The driver can
// only merge plan.yaml itself; it records each renumbering in the git
// folder (never the work tree), and `casekit fix-renumbered`, run by the
// post-merge hook, rewrites the references in exactly the notes that the
// merge brought from the other copy.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "record/case_folder.hpp"

namespace casekit {

// One renumbering: in the merge of plan.yaml versions `ours_blob` and
// `theirs_blob` (git object ids of the files git gave the driver), the
// other copy's `from` became `to`.
struct RenumberEntry {
  std::string ours_blob, theirs_blob;
  std::string path;  // clients/ID/plan.yaml, relative to the repository's top
  std::string what, from, to;
  bool operator==(const RenumberEntry& other) const;
};

// One line per entry, fields separated by tabs.
std::string format_entries(const std::vector<RenumberEntry>& entries);
// Reads the file's lines back; throws Error naming `file_name` and the
// line when one is not an entry (nothing is done with a damaged record).
std::vector<RenumberEntry> parse_entries(const std::string& text, const std::string& file_name);

// Where the entries are kept: `casekit/renumbered` in the git folder of
// the work tree that holds `dir` (per work tree, like MERGE_HEAD).
fs::path renumbered_path(const fs::path& dir);
// Appends entries to that file (0600 in a 0700 folder, replaced whole).
void record_renumbered(const fs::path& dir, const std::vector<RenumberEntry>& entries);

// A note's decoded text with every reference to a key of `ids` (G4 -> G5,
// S6 -> S7) rewritten in place by the splice editor: the keys the schema
// says hold references (goals, service) and the goal ids that key
// measures. Comments, layout and free text stay as they are.
std::string renumber_note_text(const std::string& text, const std::string& file_name,
                               const std::map<std::string, std::string>& ids);

// What `casekit fix-renumbered` did.
struct NotesFixed {
  std::vector<fs::path> written;      // notes rewritten now
  std::vector<std::string> messages;  // for the person, one line each
  bool committed = false;             // git: {commit: true} made a commit
  std::string commit_warning;         // the commit was wanted and failed
};
// Processes the recorded entries of the case folder's repository: for
// each merge commit in HEAD's recent history that merged an entry's two
// versions, rewrites the notes that merge added, when the work tree still
// holds them as merged (or already fixed), under the client's lock; then
// removes the processed entries and, with `git: {commit: true}`, commits
// the notes. Entries of a merge not committed yet stay.
NotesFixed fix_renumbered_notes(const CaseFolder& folder);

}  // namespace casekit
