// The file system behind a narrow interface. The real one writes
// atomically (temporary file, fsync, rename) and creates everything
// readable by the owner only; tests can put a fake in its place.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace casekit {

namespace fs = std::filesystem;

// Held while a client's files are read, changed and written; released
// when destroyed.
class Lock {
 public:
  virtual ~Lock() = default;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // The file's bytes, or nullopt when it does not exist. Refuses symbolic
  // links and files larger than `limit` bytes.
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
  virtual void create_folder_with_file(const fs::path& folder, const std::string& name, const std::string& data) = 0;
  virtual bool exists(const fs::path& path) = 0;
  virtual bool is_folder(const fs::path& path) = 0;
  // Names of the entries of a folder, sorted; empty when it does not exist.
  virtual std::vector<std::string> list(const fs::path& path) = 0;
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
};

FileSystem& real_file_system();

}  // namespace casekit
