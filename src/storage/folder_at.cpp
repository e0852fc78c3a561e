#include "storage/folder_at.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/error.hpp"

namespace casekit::storage {
namespace {

bool is_entry_problem(int err) {
  return err == EACCES || err == EPERM || err == EIO;
}

void write_all(int fd, const std::string& data, const fs::path& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "could not write", errno);
    done += static_cast<std::size_t>(n);
  }
}

// ".plan.yaml.casekit-x3F9qa": the name the case folder's check knows as
// a leftover of an interrupted write (mkostemp's six letters and digits).
std::string temporary_name(const std::string& name) {
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char random[6] = {};
  if (::getrandom(random, sizeof random, 0) != sizeof random)
    for (auto& r : random) r = static_cast<unsigned char>(std::rand());
  std::string out = "." + name + ".casekit-";
  for (unsigned char r : random) out += letters[r % (sizeof letters - 1)];
  return out;
}

}  // namespace

Location where(const fs::path& path) {
  return {path.lexically_normal().string(), 0, 0};
}

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
  std::string hint;
  if (err == ENOSPC) hint = "the disk is full; free some space and run the command again";
  if (err == EACCES || err == EPERM) hint = "check the permissions of the file and its folder";
  if (err == EROFS) hint = "the file system is read-only";
  std::string message = fmt::format("{}: {}", what, std::strerror(err));
  // One file casekit cannot read is that file's problem, not the
  // caseload's: check reports it and goes on.
  if (is_entry_problem(err))
    throw RefusedEntry("format/unreadable", ExitStatus::io, where(path), message, hint);
  throw Error(ExitStatus::io, where(path), message, hint);
}

EntryKind kind_of(mode_t mode) {
  if (S_ISLNK(mode)) return EntryKind::link;
  if (S_ISDIR(mode)) return EntryKind::folder;
  if (S_ISREG(mode)) return EntryKind::file;
  return EntryKind::other;
}

FileDescriptor open_folder_at(const Place& place, const std::string& name) {
  FileDescriptor fd(
      ::openat(place.folder.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) fail(place.path, "could not open the new folder", errno);
  return fd;
}

int read_entries(DIR* folder, std::vector<FolderEntry>& entries) {
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(folder);
    if (!entry) return errno;
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    EntryKind kind = entry->d_type == DT_LNK   ? EntryKind::link
                     : entry->d_type == DT_DIR ? EntryKind::folder
                     : entry->d_type == DT_REG ? EntryKind::file
                                               : EntryKind::other;
    struct stat st {};
    if (entry->d_type == DT_UNKNOWN &&
        ::fstatat(::dirfd(folder), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
      kind = kind_of(st.st_mode);
    entries.push_back({std::string(name), kind});
  }
}

// Writes data to a new temporary file beside the place, flushed to
// disk, and returns its name. The caller renames or links it into place.
std::string write_temporary(const Place& place, const std::string& data, mode_t mode) {
  std::string name;
  int raw = -1;
  for (int attempt = 0; raw < 0 && attempt < 100; ++attempt) {
    name = temporary_name(place.name);
    raw = ::openat(place.folder.get(), name.c_str(),
                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (raw < 0 && errno != EEXIST) break;
  }
  if (raw < 0) fail(place.path, "could not create a temporary file", errno);
  FileDescriptor fd(raw);
  try {
    if (::fchmod(fd.get(), mode) != 0) fail(place.path, "could not set permissions", errno);
    write_all(fd.get(), data, place.path);
    if (::fsync(fd.get()) != 0) fail(place.path, "could not flush to disk", errno);
  } catch (...) {
    ::unlinkat(place.folder.get(), name.c_str(), 0);
    throw;
  }
  return name;
}

void create_in(const Place& place, const std::string& data) {
  std::string temporary = write_temporary(place, data, 0600);
  // link() fails when the target exists, so nothing is ever overwritten.
  int result =
      ::linkat(place.folder.get(), temporary.c_str(), place.folder.get(), place.name.c_str(), 0);
  int err = errno;
  ::unlinkat(place.folder.get(), temporary.c_str(), 0);
  if (result != 0 && err == EEXIST)
    throw Error(ExitStatus::usage, where(place.path), "the file exists already");
  if (result != 0) fail(place.path, "could not create", err);
  ::fsync(place.folder.get());
}

std::string make_temporary_folder(const Place& place) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = temporary_name(place.name);
    if (::mkdirat(place.folder.get(), name.c_str(), 0700) == 0) {
      FileDescriptor made = open_folder_at(place, name);
      ::fchmod(made.get(), 0700);
      return name;
    }
    if (errno != EEXIST) break;
  }
  fail(place.path, "could not create a temporary folder", errno);
}

// Renames a folder into place unless something has that name already.
// Where the file system cannot refuse to replace (RENAME_NOREPLACE), the
// caller's lock on the parent folder keeps other casekit processes out.
void rename_new_folder(const Place& place, const std::string& temporary) {
  int at = place.folder.get();
  int result = ::renameat2(at, temporary.c_str(), at, place.name.c_str(), RENAME_NOREPLACE);
  if (result != 0 && errno == EINVAL) {
    struct stat st {};
    if (::fstatat(at, place.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0)
      errno = EEXIST;
    else
      result = ::renameat(at, temporary.c_str(), at, place.name.c_str());
  }
  if (result == 0) return;
  if (errno == EEXIST || errno == ENOTEMPTY)
    throw Error(ExitStatus::usage, where(place.path), "the folder exists already");
  fail(place.path, "could not create the folder", errno);
}

// Removes a folder of plain files in the place's folder (a temporary
// one, or an export swapped out); reports what it could not remove.
void remove_flat_folder(const Place& place, const std::string& name) {
  if (name.empty()) return;
  int raw =
      ::openat(place.folder.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (raw < 0 && errno == ENOENT) return;
  if (raw < 0) fail(place.path, "could not remove the temporary folder", errno);
  DIR* dir = ::fdopendir(raw);
  if (!dir) {
    ::close(raw);
    fail(place.path, "could not remove the temporary folder", errno);
  }
  std::vector<FolderEntry> entries;
  read_entries(dir, entries);
  for (const auto& entry : entries)
    if (::unlinkat(::dirfd(dir), entry.name.c_str(), 0) != 0 && errno != ENOENT) {
      int err = errno;
      ::closedir(dir);
      fail(place.path / entry.name, "could not remove the temporary file", err);
    }
  ::closedir(dir);
  if (::unlinkat(place.folder.get(), name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT)
    fail(place.path, "could not remove the temporary folder", errno);
}

// Swaps the new folder `temporary` with the one at the place, or renames
// it there when there is none; returns the name the earlier folder went
// to (to remove).
std::string swap_folder_into_place(const Place& place, const std::string& temporary) {
  int at = place.folder.get();
  const char* to = place.name.c_str();
  struct stat st {};
  if (::fstatat(at, to, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    rename_new_folder(place, temporary);
    return {};
  }
  if (S_ISLNK(st.st_mode)) throw symbolic_link_refused(place.path);
  if (::renameat2(at, temporary.c_str(), at, to, RENAME_EXCHANGE) == 0) return temporary;
  if (errno != EINVAL) fail(place.path, "could not replace the folder", errno);
  // A file system without RENAME_EXCHANGE: the earlier folder is moved
  // aside first, and put back when the new one cannot take its place.
  std::string aside = temporary + "-old";
  if (::renameat(at, to, at, aside.c_str()) != 0)
    fail(place.path, "could not replace the folder", errno);
  if (::renameat(at, temporary.c_str(), at, to) != 0) {
    int err = errno;
    ::renameat(at, aside.c_str(), at, to);
    fail(place.path, "could not replace the folder", err);
  }
  return aside;
}

}  // namespace casekit::storage
