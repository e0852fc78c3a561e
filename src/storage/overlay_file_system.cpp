#include "storage/overlay_file_system.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace casekit {
namespace {

// Whether `file` is beneath `folder` (both keys), at any depth.
bool beneath(const fs::path& file, const fs::path& folder) {
  const std::string& f = file.native();
  const std::string& d = folder.native();
  return f.size() > d.size() + 1 && f.compare(0, d.size(), d) == 0 && f[d.size()] == '/';
}

}  // namespace

fs::path OverlayFileSystem::key(const fs::path& path) {
  return (path.is_absolute() ? path : fs::current_path() / path).lexically_normal();
}

void OverlayFileSystem::put(const fs::path& path, std::string text) {
  texts_[key(path)] = std::move(text);
}

void OverlayFileSystem::drop(const fs::path& path) {
  texts_.erase(key(path));
}

const std::string* OverlayFileSystem::held(const fs::path& path) const {
  auto found = texts_.find(key(path));
  return found == texts_.end() ? nullptr : &found->second;
}

// A buffer of a symbolic link is not read in its place: the file system
// behind refuses the link, as check does on disk.
std::optional<std::string> OverlayFileSystem::read(const fs::path& path, std::size_t limit) {
  const std::string* text = held(path);
  if (!text || behind_.kind(path) == EntryKind::link) return behind_.read(path, limit);
  if (text->size() > limit)
    throw Error(ExitStatus::usage, {path.string(), 0, 0},
                fmt::format("the file is larger than {} MiB", limit / (std::size_t{1024} * 1024)),
                "a case record is much smaller; is this the right file?");
  return *text;
}

// What is on disk first (a buffer of a link is still a link); a new
// buffer is a file; a folder not on disk yet, with a new file held in it
// (a client's first note, unsaved), is a folder.
EntryKind OverlayFileSystem::kind(const fs::path& path) {
  EntryKind on_disk = behind_.kind(path);
  if (on_disk != EntryKind::missing) return on_disk;
  if (held(path)) return EntryKind::file;
  fs::path folder = key(path);
  auto next = texts_.upper_bound(folder);
  return next != texts_.end() && beneath(next->first, folder) ? EntryKind::folder
                                                              : EntryKind::missing;
}

std::optional<std::uintmax_t> OverlayFileSystem::size(const fs::path& path) {
  const std::string* text = held(path);
  return text ? std::optional<std::uintmax_t>(text->size()) : behind_.size(path);
}

// The folder's entries on disk, with the buffers held beneath it: an
// entry on disk stays as it is there (a link stays a link), a new file is
// added in order, and a folder not on disk yet that holds a new buffer
// (notes/ of a client without notes) is added as a folder.
std::vector<FolderEntry> OverlayFileSystem::list_entries(const fs::path& path) {
  std::vector<FolderEntry> entries = behind_.list_entries(path);
  fs::path folder = key(path);
  bool added = false;
  for (auto it = texts_.upper_bound(folder); it != texts_.end() && beneath(it->first, folder);
       ++it) {
    fs::path relative = it->first.lexically_relative(folder);
    std::string name = relative.begin()->string();
    EntryKind kind =
        std::next(relative.begin()) == relative.end() ? EntryKind::file : EntryKind::folder;
    auto same = std::find_if(entries.begin(), entries.end(),
                             [&](const FolderEntry& e) { return e.name == name; });
    if (same == entries.end()) {
      entries.push_back({name, kind});
      added = true;
    }
  }
  if (added)
    std::sort(entries.begin(), entries.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
  return entries;
}

void OverlayFileSystem::refuse_write(const fs::path& path) {
  throw Error(ExitStatus::internal, {path.string(), 0, 0},
              "the language server does not write files", "save the file from the editor");
}

void OverlayFileSystem::replace(const fs::path& path, const std::string&) {
  refuse_write(path);
}
void OverlayFileSystem::create(const fs::path& path, const std::string&) {
  refuse_write(path);
}
void OverlayFileSystem::make_folder(const fs::path& path) {
  refuse_write(path);
}
void OverlayFileSystem::create_folder_with_file(const fs::path& folder, const std::string&,
                                                const std::string&) {
  refuse_write(folder);
}
std::unique_ptr<Lock> OverlayFileSystem::lock(const fs::path& folder) {
  refuse_write(folder);
}
void OverlayFileSystem::publish(const fs::path& target,
                                const std::vector<std::pair<std::string, std::string>>&, bool) {
  refuse_write(target);
}

}  // namespace casekit
