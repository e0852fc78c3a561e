// Texts held in memory in front of another file system: the language
// server's open editor buffers, whose unsaved text is what a worker sees
// and what check must read. Reads, kinds, sizes and folder listings see a
// buffer where one is held (a new note not yet saved is listed in its
// folder); everything else goes to the file system behind. It never
// writes: the server only reads, and a write through it is refused.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "storage/file_system.hpp"

namespace casekit {

// A file system of its own, confined to one case folder: a process that
// serves several case folders needs one for each (real_file_system() is
// confined to the first folder found).
std::unique_ptr<FileSystem> new_real_file_system();

class OverlayFileSystem : public FileSystem {
 public:
  explicit OverlayFileSystem(FileSystem& behind) : behind_(behind) {}

  // Holds `text` as the file at `path` (an absolute path) until dropped.
  void put(const fs::path& path, std::string text);
  void drop(const fs::path& path);
  // The text held for the path, or nullptr.
  const std::string* held(const fs::path& path) const;

  void confine(const fs::path& root) override { behind_.confine(root); }
  std::optional<std::string> read(const fs::path& path, std::size_t limit) override;
  EntryKind kind(const fs::path& path) override;
  std::optional<std::uintmax_t> size(const fs::path& path) override;
  std::vector<FolderEntry> list_entries(const fs::path& path) override;

  void replace(const fs::path& path, const std::string& data) override;
  void create(const fs::path& path, const std::string& data) override;
  void make_folder(const fs::path& path) override;
  void create_folder_with_file(const fs::path& folder, const std::string& name,
                               const std::string& data) override;
  std::unique_ptr<Lock> lock(const fs::path& folder) override;
  void publish(const fs::path& target,
               const std::vector<std::pair<std::string, std::string>>& files,
               bool one_file) override;

 private:
  static fs::path key(const fs::path& path);
  [[noreturn]] static void refuse_write(const fs::path& path);

  FileSystem& behind_;
  std::map<fs::path, std::string> texts_;
};

}  // namespace casekit
