// POSIX file operations. Every failure becomes an Error with the path and
// the system's reason; a temporary file never outlives a failed write.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "casekit/error.hpp"
#include "casekit/file_system.hpp"

namespace casekit {
namespace {

// A path as messages show it: "clients/ana/plan.yaml", not "./clients/...".
Location where(const fs::path& path) {
  return {path.lexically_normal().string(), 0, 0};
}

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
  std::string hint;
  if (err == ENOSPC) hint = "the disk is full; free some space and run the command again";
  if (err == EACCES || err == EPERM) hint = "check the permissions of the file and its folder";
  if (err == EROFS) hint = "the file system is read-only";
  throw Error(ExitStatus::io, where(path), fmt::format("{}: {}", what, std::strerror(err)), hint);
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

void write_all(int fd, const std::string& data, const fs::path& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "could not write", errno);
    done += static_cast<std::size_t>(n);
  }
}

void sync_folder(const fs::path& folder) {
  FileDescriptor fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

// Writes data to a new temporary file beside `path`, flushed to disk, and
// returns its name. The caller renames or links it into place.
fs::path write_temporary(const fs::path& path, const std::string& data, mode_t mode) {
  std::string pattern =
      (path.parent_path() / ("." + path.filename().string() + ".casekit-XXXXXX")).string();
  int raw = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (raw < 0) fail(path, "could not create a temporary file", errno);
  FileDescriptor fd(raw);
  try {
    if (::fchmod(fd.get(), mode) != 0) fail(path, "could not set permissions", errno);
    write_all(fd.get(), data, path);
    if (::fsync(fd.get()) != 0) fail(path, "could not flush to disk", errno);
  } catch (...) {
    ::unlink(pattern.c_str());
    throw;
  }
  return pattern;
}

class FolderLock : public Lock {
 public:
  explicit FolderLock(int fd) : fd_(fd) {}
  ~FolderLock() override {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }

 private:
  int fd_;
};

// Renames a folder into place unless something has that name already.
// Where the file system cannot refuse to replace (RENAME_NOREPLACE), the
// caller's lock on the parent folder keeps other casekit processes out.
void rename_new_folder(const fs::path& from, const fs::path& to) {
  int result = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE);
  if (result != 0 && errno == EINVAL) {
    struct stat st {};
    if (::lstat(to.c_str(), &st) == 0)
      errno = EEXIST;
    else
      result = ::rename(from.c_str(), to.c_str());
  }
  if (result == 0) return;
  if (errno == EEXIST || errno == ENOTEMPTY)
    throw Error(ExitStatus::usage, where(to), "the folder exists already");
  fail(to, "could not create the folder", errno);
}

class PosixFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const fs::path& path, std::size_t limit) override {
    int raw = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (raw < 0 && errno == ENOENT) return std::nullopt;
    if (raw < 0 && errno == ELOOP)
      throw Error(ExitStatus::usage, where(path), "the file is a symbolic link",
                  "casekit does not follow links inside a case folder; put the file itself there");
    if (raw < 0) fail(path, "could not open", errno);
    FileDescriptor fd(raw);
    // No fstat first: check opens every file of a caseload, and read()
    // tells a folder (EISDIR) and the size as well. Records are a few KiB,
    // so the first read usually brings the whole file.
    std::string data;
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EISDIR)
        throw Error(ExitStatus::usage, where(path), "this is a folder where a file was expected");
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

  void replace(const fs::path& path, const std::string& data) override {
    mode_t mode = 0600;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
      if (S_ISLNK(st.st_mode))
        throw Error(ExitStatus::usage, where(path), "the file is a symbolic link",
                    "casekit does not write through links inside a case folder");
      mode = st.st_mode & 0777;  // the owner chose these permissions; keep them
      // Renaming needs only the folder's permission; a read-only file is
      // the owner saying "do not change this", even to root.
      if ((mode & 0200) == 0)
        throw Error(ExitStatus::io, where(path),
                    "the file is read-only, so casekit will not change it",
                    "make it writable (chmod u+w) if it should change");
    }
    fs::path temporary = write_temporary(path, data, mode);
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      int err = errno;
      ::unlink(temporary.c_str());
      fail(path, "could not replace", err);
    }
    sync_folder(path.parent_path());
  }

  void create(const fs::path& path, const std::string& data) override {
    fs::path temporary = write_temporary(path, data, 0600);
    // link() fails when the target exists, so nothing is ever overwritten.
    int result = ::link(temporary.c_str(), path.c_str());
    int err = errno;
    ::unlink(temporary.c_str());
    if (result != 0 && err == EEXIST)
      throw Error(ExitStatus::usage, where(path), "the file exists already");
    if (result != 0) fail(path, "could not create", err);
    sync_folder(path.parent_path());
  }

  void make_folder(const fs::path& path) override {
    if (::mkdir(path.c_str(), 0700) != 0) {
      if (errno == EEXIST) throw Error(ExitStatus::usage, where(path), "the folder exists already");
      fail(path, "could not create the folder", errno);
    }
    ::chmod(path.c_str(), 0700);  // mkdir honours the umask; the mode must not
    sync_folder(path.parent_path().empty() ? fs::path(".") : path.parent_path());
  }

  void create_folder_with_file(const fs::path& folder, const std::string& name,
                               const std::string& data) override {
    fs::path parent = folder.parent_path().empty() ? fs::path(".") : folder.parent_path();
    std::string pattern =
        (parent / ("." + folder.filename().string() + ".casekit-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) fail(folder, "could not create a temporary folder", errno);
    fs::path temporary = pattern;
    try {
      ::chmod(temporary.c_str(), 0700);
      create(temporary / name, data);
      rename_new_folder(temporary, folder);
    } catch (const Error& e) {
      ::unlink((temporary / name).c_str());
      ::rmdir(temporary.c_str());
      // The message names the file the user asked for, not the temporary one.
      if (e.location().file == where(temporary / name).file)
        throw Error(e.status(), where(folder / name), e.what(), e.hint());
      throw;
    }
    sync_folder(parent);
  }

  bool exists(const fs::path& path) override {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
  }

  bool is_folder(const fs::path& path) override {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  }

  std::vector<std::string> list(const fs::path& path) override {
    // readdir, not std::filesystem::directory_iterator, which builds a
    // path object per entry: check lists every client's notes.
    std::vector<std::string> names;
    DIR* folder = ::opendir(path.c_str());
    if (!folder && (errno == ENOENT || errno == ENOTDIR)) return names;
    if (!folder) fail(path, "could not list the folder", errno);
    int err = 0;
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(folder);
      if (!entry) {
        err = errno;
        break;
      }
      std::string_view name = entry->d_name;
      if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(folder);
    if (err != 0) fail(path, "could not list the folder", err);
    std::sort(names.begin(), names.end());
    return names;
  }

  std::unique_ptr<Lock> lock(const fs::path& folder) override {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(folder, "could not open the folder to lock it", errno);
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      fail(folder, "could not lock the folder", err);
    }
    return std::make_unique<FolderLock>(fd);
  }

  void publish(const fs::path& target,
               const std::vector<std::pair<std::string, std::string>>& files,
               bool one_file) override {
    fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string pattern =
        (parent / ("." + target.filename().string() + ".casekit-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) fail(target, "could not create a temporary folder", errno);
    fs::path temporary = pattern, earlier;
    try {
      ::chmod(temporary.c_str(), 0700);
      for (const auto& [name, data] : files) write_into(temporary, target, name, data, one_file);
      if (one_file && ::rename((temporary / files.at(0).first).c_str(), target.c_str()) != 0)
        fail(target, "could not replace", errno);
      if (!one_file) earlier = swap_folder_into_place(temporary, target);
    } catch (...) {
      // The first failure is the one to report.
      try {
        remove_flat_folder(temporary);
      } catch (const Error&) {
      }
      throw;
    }
    sync_folder(parent);
    remove_flat_folder(one_file ? temporary : earlier);
  }

 private:
  // One file of an export, in the temporary folder; a failure names the
  // file the user asked for, not the temporary one.
  void write_into(const fs::path& temporary, const fs::path& target, const std::string& name,
                  const std::string& data, bool one_file) {
    try {
      create(temporary / name, data);
    } catch (const Error& e) {
      throw Error(e.status(), where(one_file ? target : target / name), e.what(), e.hint());
    }
  }

  // Removes a folder of plain files (a temporary one, or an export swapped
  // out); reports what it could not remove.
  static void remove_flat_folder(const fs::path& folder) {
    DIR* dir = ::opendir(folder.c_str());
    if (!dir && errno == ENOENT) return;
    if (!dir) fail(folder, "could not remove the temporary folder", errno);
    std::vector<std::string> names;
    while (const dirent* entry = ::readdir(dir))
      if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
        names.emplace_back(entry->d_name);
    ::closedir(dir);
    for (const auto& name : names)
      if (::unlink((folder / name).c_str()) != 0 && errno != ENOENT)
        fail(folder / name, "could not remove the temporary file", errno);
    if (::rmdir(folder.c_str()) != 0 && errno != ENOENT)
      fail(folder, "could not remove the temporary folder", errno);
  }

  // Swaps the new folder `from` with the folder at `to`, or renames it there
  // when there is none; returns where the earlier folder went (to remove).
  static fs::path swap_folder_into_place(const fs::path& from, const fs::path& to) {
    struct stat st {};
    if (::lstat(to.c_str(), &st) != 0) {
      int result = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE);
      if (result != 0 && errno == EINVAL) result = ::rename(from.c_str(), to.c_str());
      if (result != 0) fail(to, "could not create the folder", errno);
      return {};
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0)
      return from;
    if (errno != EINVAL) fail(to, "could not replace the folder", errno);
    // A file system without RENAME_EXCHANGE: the earlier folder is moved
    // aside first, and put back when the new one cannot take its place.
    fs::path aside = from.string() + "-old";
    if (::rename(to.c_str(), aside.c_str()) != 0) fail(to, "could not replace the folder", errno);
    if (::rename(from.c_str(), to.c_str()) != 0) {
      int err = errno;
      ::rename(aside.c_str(), to.c_str());
      fail(to, "could not replace the folder", err);
    }
    return aside;
  }
};

}  // namespace

FileSystem& real_file_system() {
  static PosixFileSystem instance;
  return instance;
}

}  // namespace casekit
