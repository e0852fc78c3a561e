// POSIX file operations. Every failure becomes an Error with the path and
// the system's reason; a temporary file never outlives a failed write.
// Every operation opens the folder it works in once (beneath the case
// folder, refusing links: beneath.hpp) and then works relative to that
// descriptor, so a link swapped in half-way cannot redirect it.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/error.hpp"
#include "storage/beneath.hpp"
#include "storage/file_system.hpp"

namespace casekit {
namespace {

// A path as messages show it: "clients/ana/plan.yaml", not "./clients/...".
Location where(const fs::path& path) {
  return {path.lexically_normal().string(), 0, 0};
}

bool is_entry_problem(int err) {
  return err == EACCES || err == EPERM || err == EIO;
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

void require_file(int fd, const fs::path& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(path, "could not read", errno);
  if (S_ISREG(st.st_mode)) return;
  const char* what = S_ISFIFO(st.st_mode)   ? "a named pipe (FIFO)"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                     : S_ISDIR(st.st_mode)  ? "a folder"
                                            : "a device";
  throw RefusedEntry("format/unreadable", ExitStatus::usage, where(path),
                     fmt::format("this is {}, not a file", what),
                     "casekit reads only plain files; move it out of the case folder");
}

EntryKind kind_of(mode_t mode) {
  if (S_ISLNK(mode)) return EntryKind::link;
  if (S_ISDIR(mode)) return EntryKind::folder;
  if (S_ISREG(mode)) return EntryKind::file;
  return EntryKind::other;
}

class FolderLock : public Lock {
 public:
  explicit FolderLock(FileDescriptor fd) : fd_(std::move(fd)) {}
  ~FolderLock() override { ::flock(fd_.get(), LOCK_UN); }

 private:
  FileDescriptor fd_;
};

// An open folder and the name of one entry in it: what every write
// works on, with *at calls.
struct Place {
  FileDescriptor folder;
  std::string name;
  fs::path path;  // for messages
};

class PosixFileSystem : public FileSystem {
 public:
  void confine(const fs::path& root) override { beneath_.set_root(root); }

  std::optional<std::string> read(const fs::path& path, std::size_t limit) override {
    FileDescriptor fd(open_path(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW));
    if (fd.get() < 0 && errno == ENOENT) return std::nullopt;
    if (fd.get() < 0) refuse(path, errno, "could not open");
    return read_all(fd.get(), path, limit);
  }

  void replace(const fs::path& path, const std::string& data) override {
    Place place = place_of(path);
    mode_t mode = 0600;
    struct stat st {};
    if (::fstatat(place.folder.get(), place.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
      if (S_ISLNK(st.st_mode)) throw symbolic_link_refused(path);
      mode = st.st_mode & 0777;  // the owner chose these permissions; keep them
      // Renaming needs only the folder's permission; a read-only file is
      // the owner saying "do not change this", even to root.
      if ((mode & 0200) == 0)
        throw Error(ExitStatus::io, where(path),
                    "the file is read-only, so casekit will not change it",
                    "make it writable (chmod u+w) if it should change");
    }
    std::string temporary = write_temporary(place, data, mode);
    if (::renameat(place.folder.get(), temporary.c_str(), place.folder.get(), place.name.c_str()) !=
        0) {
      int err = errno;
      ::unlinkat(place.folder.get(), temporary.c_str(), 0);
      fail(path, "could not replace", err);
    }
    ::fsync(place.folder.get());
  }

  void create(const fs::path& path, const std::string& data) override {
    create_in(place_of(path), data);
  }

  void make_folder(const fs::path& path) override {
    Place place = place_of(path);
    if (::mkdirat(place.folder.get(), place.name.c_str(), 0700) != 0) {
      if (errno == EEXIST) {
        if (kind(path) == EntryKind::link) throw symbolic_link_refused(path);
        throw Error(ExitStatus::usage, where(path), "the folder exists already");
      }
      fail(path, "could not create the folder", errno);
    }
    // mkdir honours the umask; the mode must not.
    FileDescriptor made(::openat(place.folder.get(), place.name.c_str(),
                                 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (made.get() >= 0) ::fchmod(made.get(), 0700);
    ::fsync(place.folder.get());
  }

  void create_folder_with_file(const fs::path& folder, const std::string& name,
                               const std::string& data) override {
    Place place = place_of(folder);
    std::string temporary = make_temporary_folder(place);
    try {
      Place inside{open_folder_at(place, temporary), name, folder / name};
      create_in(std::move(inside), data);
      rename_new_folder(place, temporary);
    } catch (const Error&) {
      FileDescriptor made(::openat(place.folder.get(), temporary.c_str(),
                                   O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (made.get() >= 0) ::unlinkat(made.get(), name.c_str(), 0);
      ::unlinkat(place.folder.get(), temporary.c_str(), AT_REMOVEDIR);
      throw;
    }
    ::fsync(place.folder.get());
  }

  EntryKind kind(const fs::path& path) override {
    FileDescriptor fd(open_path(path, O_PATH | O_NOFOLLOW));
    if (fd.get() < 0 && (errno == ENOENT || errno == ENOTDIR)) return EntryKind::missing;
    if (fd.get() < 0) refuse(path, errno, "could not look at");
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) fail(path, "could not look at", errno);
    return kind_of(st.st_mode);
  }

  std::vector<FolderEntry> list_entries(const fs::path& path) override {
    // readdir, not std::filesystem::directory_iterator, which builds a
    // path object per entry: check lists every client's notes.
    std::vector<FolderEntry> entries;
    int raw = open_path(path, O_RDONLY | O_DIRECTORY);
    if (raw < 0 && (errno == ENOENT || errno == ENOTDIR)) return entries;
    if (raw < 0) refuse(path, errno, "could not list the folder");
    DIR* folder = ::fdopendir(raw);
    if (!folder) {
      ::close(raw);
      fail(path, "could not list the folder", errno);
    }
    int err = read_entries(folder, entries);
    ::closedir(folder);
    if (err != 0) fail(path, "could not list the folder", err);
    std::sort(entries.begin(), entries.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
    return entries;
  }

  std::unique_ptr<Lock> lock(const fs::path& folder) override {
    FileDescriptor fd(open_path(folder, O_RDONLY | O_DIRECTORY));
    if (fd.get() < 0) refuse(folder, errno, "could not open the folder to lock it");
    while (::flock(fd.get(), LOCK_EX) != 0)
      if (errno != EINTR) fail(folder, "could not lock the folder", errno);
    return std::make_unique<FolderLock>(std::move(fd));
  }

  void publish(const fs::path& target,
               const std::vector<std::pair<std::string, std::string>>& files,
               bool one_file) override {
    Place place = place_of(target);
    std::string temporary = make_temporary_folder(place), earlier;
    try {
      Place inside{open_folder_at(place, temporary), "", target};
      for (const auto& [name, data] : files) {
        // A failure names the file the user asked for, not the temporary one.
        inside.name = name;
        inside.path = one_file ? target : target / name;
        create_in(inside, data);
      }
      if (one_file && ::renameat(inside.folder.get(), files.at(0).first.c_str(), place.folder.get(),
                                 place.name.c_str()) != 0)
        fail(target, "could not replace", errno);
      if (!one_file) earlier = swap_folder_into_place(place, temporary);
    } catch (...) {
      try {
        remove_flat_folder(place, temporary);  // the first failure is the one to report
      } catch (const Error&) {
      }
      throw;
    }
    ::fsync(place.folder.get());
    remove_flat_folder(place, one_file ? temporary : earlier);
  }

 private:
  // open(2) of any path: beneath the root, refusing every link, when it is
  // inside the case folder; otherwise as given (O_NOFOLLOW or not: a
  // user's own ~/Desktop may well be a link).
  int open_path(const fs::path& path, int flags) const {
    if (auto inside = beneath_.relative(path)) return beneath_.open(*inside, flags);
    return ::open(path.c_str(), flags | O_CLOEXEC);
  }

  // The failure of an open, worded: a link, or the system's reason.
  [[noreturn]] void refuse(const fs::path& path, int err, const std::string& what) const {
    if (err == ELOOP) {
      auto inside = beneath_.relative(path);
      auto link = inside ? beneath_.find_link(*inside) : std::nullopt;
      throw symbolic_link_refused(link.value_or(path));  // or swapped back since
    }
    if (err == EXDEV)
      throw Error(ExitStatus::usage, where(path), "this path leads out of the case folder");
    fail(path, what, err);
  }

  Place place_of(const fs::path& path) const {
    fs::path parent = path.parent_path();
    if (parent.empty()) parent = ".";
    FileDescriptor folder(open_path(parent, O_RDONLY | O_DIRECTORY));
    if (folder.get() < 0) refuse(parent, errno, "could not open the folder");
    return {std::move(folder), path.filename().string(), path};
  }

  static FileDescriptor open_folder_at(const Place& place, const std::string& name) {
    FileDescriptor fd(::openat(place.folder.get(), name.c_str(),
                               O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) fail(place.path, "could not open the new folder", errno);
    return fd;
  }

  static std::optional<std::string> read_all(int fd, const fs::path& path, std::size_t limit) {
    // No fstat first: check opens every file of a caseload, and read()
    // tells a folder (EISDIR) and the size as well. A named pipe opened
    // without blocking reads nothing (or EAGAIN): only then is the file's
    // type worth a look.
    std::string data;
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EISDIR)
        throw RefusedEntry("format/unreadable", ExitStatus::usage, where(path),
                           "this is a folder where a file was expected", "");
      if ((n < 0 && errno == EAGAIN) || (n == 0 && data.empty())) require_file(fd, path);
      if (n < 0) fail(path, "could not read", errno);
      if (n == 0) break;
      data.append(buffer, static_cast<std::size_t>(n));
      if (data.size() > limit)
        throw Error(ExitStatus::usage, where(path),
                    fmt::format("the file is larger than {} MiB", limit / (1024 * 1024)),
                    "a case record is much smaller; is this the right file?");
    }
    return data;
  }

  static int read_entries(DIR* folder, std::vector<FolderEntry>& entries) {
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
  static std::string write_temporary(const Place& place, const std::string& data, mode_t mode) {
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

  static void create_in(const Place& place, const std::string& data) {
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

  static std::string make_temporary_folder(const Place& place) {
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
  static void rename_new_folder(const Place& place, const std::string& temporary) {
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
  static void remove_flat_folder(const Place& place, const std::string& name) {
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
  static std::string swap_folder_into_place(const Place& place, const std::string& temporary) {
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

  Beneath beneath_;
};

}  // namespace

EntryKind FileSystem::refuse_link(const fs::path& path, EntryKind kind) {
  if (kind == EntryKind::link) throw symbolic_link_refused(path);
  return kind;
}

std::vector<std::string> FileSystem::list(const fs::path& path) {
  std::vector<std::string> names;
  for (auto& entry : list_entries(path)) names.push_back(std::move(entry.name));
  return names;
}

RefusedEntry symbolic_link_refused(const fs::path& path) {
  return RefusedEntry(
      "format/symbolic-link", ExitStatus::usage, where(path),
      "this is a symbolic link, and casekit does not follow links inside a case folder",
      "a link can lead anywhere on this machine, and one can arrive with `git pull`; "
      "put the file or folder itself here, or remove the link");
}

FileSystem& real_file_system() {
  static PosixFileSystem instance;
  return instance;
}

}  // namespace casekit
