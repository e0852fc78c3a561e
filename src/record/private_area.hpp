// .casekit/ in a case folder: casekit's own working files, which are never
// part of the records or their history. Edit buffers live in
// .casekit/edit/, text kept from edits that were not saved in
// .casekit/rescue/ (record/rescue.hpp); later uses (a cache) get folders
// of their own beside them. The area holds a .gitignore that ignores everything,
// itself included, so `git add -A` never commits a buffer, in any case
// folder, whatever its own .gitignore says.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "record/case_folder.hpp"
#include "storage/file_system.hpp"

namespace casekit {

// The area's folder in the case folder at `root`.
fs::path private_area_path(const fs::path& root);

// Makes .casekit/ and .casekit/PART/ (mode 0700) when missing, and
// .casekit/.gitignore; returns PART's folder. Refuses an area that is a
// symbolic link or a file.
fs::path open_private_area(const fs::path& root, const std::string& part);

// Removes .casekit/PART/ when it is empty, and then the whole area when
// nothing but its .gitignore is left, so that an edit leaves the case
// folder as it found it. A buffer another command is editing keeps both.
void close_private_area(const fs::path& root, const std::string& part);

// A nameless file in .casekit/export/, gone when closed or when the
// process dies (storage's scratch_file): an export printed on standard
// output puts the caseload page's parts aside there, as an export to a
// folder does in its own, so its memory stays flat. The folder goes at
// once, the file keeping its place. Null when the case folder cannot be
// written to (read-only): the parts then wait in memory.
std::unique_ptr<ExportScratch> private_scratch(const fs::path& root);

// casekit's own leftovers outside clients/ (which load_client looks at)
// and casekit.yaml's folder (stray_entries): edit buffers of commands that
// were killed (format/leftover-edit, in .casekit/edit/ and, from earlier
// versions, .casekit-edit-*.yaml at the top), kept edits in
// .casekit/rescue/ (the same rule, saying how to resume them), and temporary files and
// export folders of interrupted writes in any other folder
// (format/leftover-temp).
std::vector<Diagnostic> casekit_leftovers(const CaseFolder& folder);
// ".casekit-edit-x3F9qa.yaml": an edit buffer where earlier versions put them.
bool is_old_edit_buffer(const std::string& name);

}  // namespace casekit
