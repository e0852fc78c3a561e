// The operations every write of PosixFileSystem is built of, each relative
// to a folder already opened (beneath the case folder, refusing links), so
// a link swapped in half-way cannot redirect it. Every failure becomes an
// Error with the path and the system's reason; a temporary file never
// outlives a failed write.
#pragma once

#include <dirent.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "storage/beneath.hpp"
#include "storage/file_system.hpp"

// The storage module's own tools, in a namespace of their own: `where`
// and `fail` are names other modules may well use.
namespace casekit::storage {

// An open folder and the name of one entry in it: what every write
// works on, with *at calls.
struct Place {
  FileDescriptor folder;
  std::string name;
  fs::path path;  // for messages
};

// A path as messages show it: "clients/ana/plan.yaml", not "./clients/...".
Location where(const fs::path& path);
// Throws the failure of a system call on `path`: RefusedEntry
// (format/unreadable) when the entry itself cannot be read, else Error.
[[noreturn]] void fail(const fs::path& path, const std::string& what, int err);
EntryKind kind_of(mode_t mode);

FileDescriptor open_folder_at(const Place& place, const std::string& name);
// Appends the folder's entries but . and ..; returns errno, 0 when all went well.
int read_entries(DIR* folder, std::vector<FolderEntry>& entries);
// Writes data to a new temporary file beside the place, flushed to disk,
// and returns its name. The caller renames or links it into place.
std::string write_temporary(const Place& place, const std::string& data, mode_t mode);
// Creates the place's file; refuses when it exists.
void create_in(const Place& place, const std::string& data);
std::string make_temporary_folder(const Place& place);
// Renames a folder into place unless something has that name already.
void rename_new_folder(const Place& place, const std::string& temporary);
// Removes a folder of plain files in the place's folder (a temporary one,
// or an export swapped out); reports what it could not remove.
void remove_flat_folder(const Place& place, const std::string& name);
// Swaps the new folder `temporary` with the one at the place, or renames
// it there when there is none; returns the name the earlier folder went to.
std::string swap_folder_into_place(const Place& place, const std::string& temporary);

}  // namespace casekit::storage
