// What the check cache knows a client's folder by, as git's index knows a
// file: every entry's name, kind, size, times, inode and device, read with
// stat(2) alone, never a byte of the files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace casekit {

namespace fs = std::filesystem;

struct ClientStamp {
  std::string digest;       // SHA-256 of every entry's name and stat
  std::int64_t newest = 0;  // the newest change or modification time, in seconds
};

// The stamp of a client's folder and everything in it. Nullopt when the
// folder holds what a stamp cannot vouch for: a symbolic link, an entry
// that is not a file or folder, a folder that cannot be read, or one
// nested deeper than any casekit makes. check reads such a client anew.
std::optional<ClientStamp> stamp_client_folder(const fs::path& folder);

}  // namespace casekit
