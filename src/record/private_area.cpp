#include "record/private_area.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

#include "findings/finding_sink.hpp"
#include "record/rescue_name.hpp"
#include "storage/beneath.hpp"
#include "storage/folder_writer.hpp"

namespace casekit {
namespace {

constexpr const char* ignore_all =
    "# casekit's own working files (edit buffers): never committed.\n*\n";

// A folder made 0700 whatever the umask, or one that is there already.
void make_private_folder(const fs::path& path) {
  if (::mkdir(path.c_str(), 0700) == 0) {
    ::chmod(path.c_str(), 0700);
    return;
  }
  struct stat st {};
  if (errno == EEXIST && ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return;
  if (errno == EEXIST)
    throw Error(ExitStatus::usage, {path.string(), 0, 0},
                "this is not a folder (a symbolic link or a file), so casekit will not use it",
                "casekit keeps its working files in .casekit/; move this away");
  throw Error(ExitStatus::io, {path.string(), 0, 0}, "could not create casekit's working folder",
              "check the case folder's permissions");
}

// Whether the area's .gitignore is casekit's own, exactly: an emptied or
// edited one (or a link) would let git commit the buffers.
bool gitignore_is_whole(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  std::string text(std::string_view(ignore_all).size() + 1, '\0');
  ssize_t n = ::read(fd, text.data(), text.size());
  ::close(fd);
  return n >= 0 && text.substr(0, static_cast<std::size_t>(n)) == ignore_all;
}

// Writes the .gitignore unless casekit's own is there; O_EXCL, so a link
// is never followed, and a short write (disk full) leaves no file behind.
void write_gitignore(const fs::path& area) {
  fs::path path = area / ".gitignore";
  if (gitignore_is_whole(path)) return;
  ::unlink(path.c_str());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  std::string_view text = ignore_all;
  bool written = fd >= 0 && ::write(fd, text.data(), text.size()) == ssize_t(text.size());
  if (fd >= 0) ::close(fd);
  if (written || (fd < 0 && errno == EEXIST && gitignore_is_whole(path))) return;
  if (fd >= 0) ::unlink(path.c_str());
  throw Error(ExitStatus::io, {path.string(), 0, 0}, "could not write casekit's .gitignore",
              "check the case folder's permissions and free space");
}

bool holds_only_gitignore(const fs::path& area) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(area, ec))
    if (entry.path().filename() != ".gitignore") return false;
  return !ec;
}

}  // namespace

fs::path private_area_path(const fs::path& root) {
  return root / ".casekit";
}

fs::path open_private_area(const fs::path& root, const std::string& part) {
  fs::path area = private_area_path(root);
  make_private_folder(area);
  write_gitignore(area);
  make_private_folder(area / part);
  return area / part;
}

void close_private_area(const fs::path& root, const std::string& part) {
  fs::path area = private_area_path(root);
  if (::rmdir((area / part).c_str()) != 0 || !holds_only_gitignore(area)) return;
  fs::path ignore = area / ".gitignore";
  ::unlink(ignore.c_str());
  // Another command opened the area meanwhile: its buffer must stay ignored.
  if (::rmdir(area.c_str()) != 0) {
    try {
      write_gitignore(area);
    } catch (const Error&) {
    }
  }
}

std::unique_ptr<ExportScratch> private_scratch(const fs::path& root) {
  std::unique_ptr<ExportScratch> scratch;
  try {
    fs::path folder = open_private_area(root, "export");
    FileDescriptor opened(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (opened.get() >= 0) scratch = storage::scratch_file(opened.get(), folder);
  } catch (const Error&) {
    // Read-only, or full: memory, as before there was a place on disk.
  }
  close_private_area(root, "export");
  return scratch;
}

}  // namespace casekit

namespace casekit {
namespace {

// Deep enough for any folder a case worker makes; a deeper one is not
// casekit's doing.
constexpr int max_depth = 16;

Diagnostic leftover_edit(const CaseFolder& folder, const fs::path& path) {
  return finding(
      "format/leftover-edit", {folder.display(path), 0, 0},
      "a record typed in an editor for a casekit command that was stopped (or is still "
      "open in an editor); it is not saved in the record, and it may hold private details",
      "copy what you need from it into the record (with --edit), then delete this file");
}

// A rescue file is the worker's own text that was not saved: it is kept
// on purpose, so the words say how to go on with it, not to delete it.
Diagnostic rescued_edit(const CaseFolder& folder, const fs::path& path, const RescueName& name) {
  return finding("format/leftover-edit", {folder.display(path), 0, 0},
                 fmt::format("text typed in `{}` on {} that was not saved in the record; "
                             "casekit kept it so that it is not lost",
                             edit_command(name.owner), name.day),
                 fmt::format("run `{}` to finish it and save it; the newest kept text opens first",
                             resume_command(name.owner)));
}

// A folder to look into: not a link, and not a leftover itself (reported
// as one already).
bool is_plain_folder(const CaseFolder& folder, const fs::path& dir, const FolderEntry& entry) {
  return entry.kind == EntryKind::folder && folder.leftover_temps(dir, {entry.name}).empty();
}

// Leftovers in a folder of the worker's own, and links there (the top
// folder's links are stray_entries').
void walk(const CaseFolder& folder, const fs::path& dir, int depth, std::vector<Diagnostic>& out) {
  std::vector<FolderEntry> entries;
  try {
    entries = folder.files().list_entries(dir);
  } catch (const RefusedEntry& e) {
    out.push_back(finding(e.rule(), e.location(), e.what(), e.hint()));
    return;
  }
  std::vector<std::string> names;
  for (const auto& entry : entries) {
    names.push_back(entry.name);
    if (entry.kind == EntryKind::link) {
      RefusedEntry link = symbolic_link_refused(dir / entry.name);
      out.push_back(
          finding(link.rule(), {folder.display(dir / entry.name), 0, 0}, link.what(), link.hint()));
    }
  }
  auto temps = folder.leftover_temps(dir, names);
  out.insert(out.end(), temps.begin(), temps.end());
  if (depth >= max_depth) return;
  for (const auto& entry : entries)
    if (is_plain_folder(folder, dir, entry)) walk(folder, dir / entry.name, depth + 1, out);
}

}  // namespace

// ".casekit-edit-x3F9qa.yaml": where earlier versions put edit buffers.
bool is_old_edit_buffer(const std::string& name) {
  return name.rfind(".casekit-edit-", 0) == 0 && name.size() > 19 &&
         name.compare(name.size() - 5, 5, ".yaml") == 0;
}

std::vector<Diagnostic> casekit_leftovers(const CaseFolder& folder) {
  std::vector<Diagnostic> out;
  FileSystem& files = folder.files();
  // The edit buffers and the rescued edits, not the whole area: a cache may live there too.
  fs::path edits = private_area_path(folder.root()) / "edit";
  try {
    for (const auto& name : files.list(edits)) out.push_back(leftover_edit(folder, edits / name));
    // Only the names casekit gives: another file there is not casekit's.
    fs::path rescued = private_area_path(folder.root()) / "rescue";
    for (const auto& name : files.list(rescued))
      if (auto parsed = parse_rescue_name(name))
        out.push_back(rescued_edit(folder, rescued / name, *parsed));
  } catch (const RefusedEntry&) {
    // .casekit is a link (stray_entries reports it) or unreadable.
  }
  // casekit.yaml's own folder is stray_entries'; clients/ is load_client's.
  for (const auto& entry : files.list_entries(folder.root())) {
    fs::path path = folder.root() / entry.name;
    if (is_old_edit_buffer(entry.name)) out.push_back(leftover_edit(folder, path));
    if (entry.name == "clients" || entry.name == ".git" ||
        !is_plain_folder(folder, folder.root(), entry))
      continue;
    if (entry.name == ".casekit") {
      auto temps = folder.leftover_temps(path);
      out.insert(out.end(), temps.begin(), temps.end());
      continue;
    }
    walk(folder, path, 1, out);
  }
  return out;
}

}  // namespace casekit
