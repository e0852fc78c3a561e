// A case folder in memory, for fuzz targets: the real CaseFolder and check
// code run on it without touching the disk, thousands of times a second.
#pragma once

#include <map>
#include <set>
#include <string>

#include "base/error.hpp"
#include "storage/file_system.hpp"

namespace casekit::fuzzing {

class MemoryFileSystem : public FileSystem {
 public:
  std::map<std::string, std::string> files;
  std::set<std::string> folders;

  void add_file(const fs::path& path, std::string data) {
    for (fs::path p = path.parent_path(); !p.empty(); p = p.parent_path())
      folders.insert(p.string());
    files[path.string()] = std::move(data);
  }

  std::optional<std::string> read(const fs::path& path, std::size_t limit) override {
    auto it = files.find(path.string());
    if (it == files.end()) return std::nullopt;
    if (it->second.size() > limit)
      throw Error(ExitStatus::usage, {path.string(), 0, 0}, "the file is too large");
    return it->second;
  }
  void replace(const fs::path& path, const std::string& data) override {
    files[path.string()] = data;
  }
  void create(const fs::path& path, const std::string& data) override {
    if (!files.emplace(path.string(), data).second)
      throw Error(ExitStatus::usage, {path.string(), 0, 0}, "the file exists already");
  }
  void make_folder(const fs::path& path) override { folders.insert(path.string()); }
  void create_folder_with_file(const fs::path& folder, const std::string& name,
                               const std::string& data) override {
    if (exists(folder))
      throw Error(ExitStatus::usage, {folder.string(), 0, 0}, "the folder exists already");
    add_file(folder / name, data);
  }
  // An in-memory folder holds no links to follow.
  void confine(const fs::path&) override {}
  EntryKind kind(const fs::path& path) override {
    if (folders.count(path.string())) return EntryKind::folder;
    return files.count(path.string()) ? EntryKind::file : EntryKind::missing;
  }
  std::optional<std::uintmax_t> size(const fs::path& path) override {
    auto found = files.find(path.string());
    if (found == files.end()) return std::nullopt;
    return found->second.size();
  }
  std::vector<FolderEntry> list_entries(const fs::path& path) override {
    std::set<std::string> names;
    std::string prefix = path.string() + "/";
    auto collect = [&](const std::string& full) {
      if (full.compare(0, prefix.size(), prefix) != 0) return;
      std::string rest = full.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    };
    for (const auto& [name, data] : files) collect(name);
    for (const auto& name : folders) collect(name);
    std::vector<FolderEntry> entries;
    for (const auto& name : names) entries.push_back({name, kind(path / name)});
    return entries;
  }
  std::unique_ptr<Lock> lock(const fs::path&) override { return std::make_unique<Lock>(); }
  void publish(const fs::path& target,
               const std::vector<std::pair<std::string, std::string>>& written,
               bool one_file) override {
    if (one_file) return add_file(target, written.at(0).second);
    for (const auto& name : list(target)) files.erase((target / name).string());
    folders.insert(target.string());
    for (const auto& [name, data] : written) add_file(target / name, data);
  }
};

}  // namespace casekit::fuzzing
