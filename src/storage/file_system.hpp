// The file system behind a narrow interface. The real one writes
// atomically (temporary file, fsync, rename) and creates everything
// readable by the owner only; tests can put a fake in its place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.hpp"

namespace casekit {

namespace fs = std::filesystem;

// A file or folder that casekit will not use as it is: a symbolic link
// inside the case folder (rule "format/symbolic-link"), or an entry it
// cannot read, such as a named pipe or a file without read permission
// ("format/unreadable"). `check` reports it as a finding of that rule and
// goes on with the other files; the other commands stop.
class RefusedEntry : public Error {
 public:
  RefusedEntry(const char* rule, ExitStatus status, Location location, const std::string& message,
               std::string hint)
      : Error(status, std::move(location), message, std::move(hint)), rule_(rule) {}
  const char* rule() const { return rule_; }

 private:
  const char* rule_;
};

enum class EntryKind { missing, file, folder, link, other };

struct FolderEntry {
  std::string name;
  EntryKind kind;
};

// Held while a client's files are read, changed and written; released
// when destroyed.
class Lock {
 public:
  virtual ~Lock() = default;
};

// Takes an export's files as they are made: bytes are appended to a named
// file (created on its first write), which is finished when closed or
// when the export ends.
class ExportScratch;
class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  virtual void write(const std::string& name, std::string_view data) = 0;
  virtual void close(const std::string& name) = 0;
  // A place for parts made before they can be written in order (the
  // caseload page's rows, made before its summary). This one is memory;
  // the real writer's is a nameless file in the export's temporary folder.
  virtual std::unique_ptr<ExportScratch> scratch();
};

// Bytes put aside while an export is made and handed back in order; never
// one of the export's files, and gone when destroyed.
class ExportScratch {
 public:
  virtual ~ExportScratch() = default;
  virtual void append(std::string_view data) = 0;
  // Hands every byte appended so far to `take`, in order and in pieces.
  virtual void read_back(const std::function<void(std::string_view)>& take) = 0;
  bool empty() const { return size_ == 0; }

 protected:
  std::size_t size_ = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // From now on no path inside `root` is reached through a symbolic link:
  // a link in any of its components is refused with RefusedEntry. The
  // case folder calls this when it is found; a process works on one.
  // Outside the root only a link as the last component is refused.
  virtual void confine(const fs::path& root) = 0;

  // The file's bytes, or nullopt when it does not exist. Refuses symbolic
  // links, named pipes and other entries that are not files, and files
  // larger than `limit` bytes.
  virtual std::optional<std::string> read(const fs::path& path, std::size_t limit) = 0;
  // Replaces (or creates) the file so that a crash leaves the old or the new.
  virtual void replace(const fs::path& path, const std::string& data) = 0;
  // Creates a new file; refuses when one exists already.
  virtual void create(const fs::path& path, const std::string& data) = 0;
  // Creates a folder (mode 0700); refuses when it exists.
  virtual void make_folder(const fs::path& path) = 0;
  // Creates a folder holding one new file, all at once: both are made under
  // a temporary name and renamed into place, so a crash never leaves the
  // folder without its file. Refuses when the folder exists.
  virtual void create_folder_with_file(const fs::path& folder, const std::string& name,
                                       const std::string& data) = 0;
  // What is at the path, without following a link there (a link is
  // EntryKind::link); a link in a folder on the way is refused.
  virtual EntryKind kind(const fs::path& path) = 0;
  // The size in bytes of the file at the path, without following a link
  // there; nullopt when nothing is there. Lets a command refuse a file
  // too large to take before it reads a byte of it.
  virtual std::optional<std::uintmax_t> size(const fs::path& path) = 0;
  // The entries of a folder with their kinds, sorted by name; empty when
  // it does not exist or is a file.
  virtual std::vector<FolderEntry> list_entries(const fs::path& path) = 0;

  // Whether something is at the path, and whether it is a folder;
  // a symbolic link there is refused, as everywhere.
  bool exists(const fs::path& path) { return refuse_link(path, kind(path)) != EntryKind::missing; }
  bool is_folder(const fs::path& path) {
    return refuse_link(path, kind(path)) == EntryKind::folder;
  }
  // Names of the entries of a folder, sorted; empty when it does not exist.
  std::vector<std::string> list(const fs::path& path);
  // An exclusive lock on a folder; waits for other casekit processes.
  virtual std::unique_ptr<Lock> lock(const fs::path& folder) = 0;
  // Puts an export in place whole and owner-only, whatever was there: the
  // files (name, bytes) are written 0600 into a new 0700 folder beside
  // `target`, which is then renamed to `target`; a folder there (of plain
  // files only, an earlier export) is swapped out and removed. With
  // `one_file`, `target` is the file itself and the one file is renamed
  // onto it. When it fails, `target` is as it was and nothing is left.
  virtual void publish(const fs::path& target,
                       const std::vector<std::pair<std::string, std::string>>& files,
                       bool one_file) = 0;
  // The same, with the files written while `produce` makes them, so that
  // an export never holds them all; when `produce` throws, `target` is as
  // it was and nothing is left. This one holds them, for test doubles.
  virtual void publish_streamed(const fs::path& target, bool one_file,
                                const std::function<void(ExportWriter&)>& produce);

 protected:
  static EntryKind refuse_link(const fs::path& path, EntryKind kind);
};

FileSystem& real_file_system();

// The refusal of a symbolic link at `path`, in one wording for every command.
RefusedEntry symbolic_link_refused(const fs::path& path);

}  // namespace casekit
