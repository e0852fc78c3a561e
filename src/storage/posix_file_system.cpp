// POSIX file operations. Every operation opens the folder it works in once
// (beneath the case folder, refusing links: beneath.hpp) and then works
// relative to that descriptor (folder_at.hpp).
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

#include "base/error.hpp"
#include "storage/beneath.hpp"
#include "storage/file_system.hpp"
#include "storage/folder_at.hpp"
#include "storage/folder_writer.hpp"
#include "storage/overlay_file_system.hpp"

namespace casekit {

using namespace storage;  // NOLINT: the module's own tools (folder_at.hpp)

namespace {

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

class FolderLock : public Lock {
 public:
  explicit FolderLock(FileDescriptor fd) : fd_(std::move(fd)) {}
  ~FolderLock() override { ::flock(fd_.get(), LOCK_UN); }

 private:
  FileDescriptor fd_;
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
      create_in(inside, data);
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

  std::optional<std::uintmax_t> size(const fs::path& path) override {
    FileDescriptor fd(open_path(path, O_PATH | O_NOFOLLOW));
    if (fd.get() < 0 && (errno == ENOENT || errno == ENOTDIR)) return std::nullopt;
    if (fd.get() < 0) refuse(path, errno, "could not look at");
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) fail(path, "could not look at", errno);
    return static_cast<std::uintmax_t>(st.st_size);
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
    while (::flock(fd.get(), LOCK_EX) != 0) {
      if (errno != EINTR) fail(folder, "could not lock the folder", errno);
      // An export to a partner waits here for an editor open on a record,
      // with its documents made: Ctrl-C then stops it, nothing sent.
      if (StopOnSignal::requested() != 0)
        throw Error(ExitStatus::io, where(folder), "stopped by a signal; nothing was written");
    }
    return std::make_unique<FolderLock>(std::move(fd));
  }

  void publish(const fs::path& target,
               const std::vector<std::pair<std::string, std::string>>& files,
               bool one_file) override {
    publish_streamed(target, one_file, [&](ExportWriter& out) {
      for (const auto& [name, data] : files) {
        out.write(name, data);
        out.close(name);
      }
    });
  }

  void publish_streamed(const fs::path& target, bool one_file,
                        const std::function<void(ExportWriter&)>& produce) override {
    // Declared first, so that the signal is raised after the cleanup.
    StopOnSignal stop;
    Place place = place_of(target);
    std::string temporary = make_temporary_folder(place), earlier;
    try {
      FolderWriter writer({open_folder_at(place, temporary), "", target}, one_file);
      produce(writer);
      std::string first = writer.finish();
      if (one_file && first.empty()) fail(target, "could not write", EINVAL);
      if (one_file && ::renameat(open_folder_at(place, temporary).get(), first.c_str(),
                                 place.folder.get(), place.name.c_str()) != 0)
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
        throw Error(
            ExitStatus::usage, where(path),
            fmt::format("the file is larger than {} MiB", limit / (std::size_t{1024} * 1024)),
            "a case record is much smaller; is this the right file?");
    }
    return data;
  }

  Beneath beneath_;
};

}  // namespace

EntryKind FileSystem::refuse_link(const fs::path& path, EntryKind kind) {
  if (kind == EntryKind::link) throw symbolic_link_refused(path);
  return kind;
}

namespace {

class HeldScratch : public ExportScratch {
 public:
  void append(std::string_view data) override {
    text_ += data;
    size_ = text_.size();
  }
  void read_back(const std::function<void(std::string_view)>& take) override {
    if (!text_.empty()) take(text_);
  }

 private:
  std::string text_;
};

}  // namespace

std::unique_ptr<ExportScratch> ExportWriter::scratch() {
  return std::make_unique<HeldScratch>();
}

namespace {

// For a file system without streamed writes: the files are held, then
// published whole.
class HeldFiles : public ExportWriter {
 public:
  void write(const std::string& name, std::string_view data) override {
    auto file =
        std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.first == name; });
    if (file == files.end()) file = files.insert(files.end(), {name, ""});
    file->second += data;
  }
  void close(const std::string&) override {}
  std::vector<std::pair<std::string, std::string>> files;
};

}  // namespace

void FileSystem::publish_streamed(const fs::path& target, bool one_file,
                                  const std::function<void(ExportWriter&)>& produce) {
  HeldFiles held;
  produce(held);
  publish(target, held.files, one_file);
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

std::unique_ptr<FileSystem> new_real_file_system() {
  return std::make_unique<PosixFileSystem>();
}

}  // namespace casekit
