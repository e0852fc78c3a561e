#include "storage/beneath.hpp"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <atomic>
#include <cerrno>
#include <vector>

namespace casekit {
namespace {

// Cleared when the kernel answers ENOSYS (before 5.6, or a seccomp filter
// that does not know openat2), so later calls go straight to the walk.
std::atomic<bool> openat2_wanted{true};

int openat2_beneath(int root, const std::string& relative, int flags, mode_t mode) {
  open_how how{};
  how.flags = static_cast<unsigned long long>(flags | O_CLOEXEC);
  how.mode = (flags & O_CREAT) ? mode : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  return static_cast<int>(::syscall(SYS_openat2, root, relative.c_str(), &how, sizeof how));
}

// The parts of a relative path, without "." parts; false on "..", which
// could lead out of the root.
bool split(const std::string& relative, std::vector<std::string>& parts) {
  for (const auto& part : fs::path(relative)) {
    std::string name = part.string();
    if (name.empty() || name == ".") continue;
    if (name == "..") return false;
    parts.push_back(name);
  }
  return true;
}

}  // namespace

void Beneath::use_openat2(bool use) {
  openat2_wanted = use;
}

void Beneath::set_root(const fs::path& root) {
  FileDescriptor fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return;  // the command's own open of a file there will say why
  root_ = root;
  std::error_code ec;
  absolute_root_ = fs::absolute(root, ec).lexically_normal();
  if (!absolute_root_.empty() && absolute_root_.native().back() == '/' &&
      absolute_root_ != absolute_root_.root_path())
    absolute_root_ = absolute_root_.parent_path();
  root_fd_ = std::move(fd);
}

std::optional<std::string> Beneath::relative(const fs::path& path) const {
  if (!has_root()) return std::nullopt;
  // The common case, a path built as root / "clients" / ..., without
  // touching the current folder.
  const std::string& text = path.native();
  const std::string& root = root_.native();
  if (text.size() > root.size() + 1 && text.compare(0, root.size(), root) == 0 &&
      text[root.size()] == '/') {
    std::string rest = text.substr(root.size() + 1);
    if (rest[0] != '.' && rest.find("/.") == std::string::npos &&
        rest.find("//") == std::string::npos)
      return rest;
  }
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return std::nullopt;
  fs::path inside = absolute.lexically_relative(absolute_root_);
  if (inside.empty() || *inside.begin() == "..") return std::nullopt;
  std::string rest = inside.string();
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  return rest.empty() ? "." : rest;
}

int Beneath::open(const std::string& relative, int flags, mode_t mode) const {
  int fd = -1;
  if (openat2_wanted) {
    fd = openat2_beneath(root_fd_.get(), relative, flags, mode);
    if (fd < 0 && errno == ENOSYS) openat2_wanted = false;
  }
  if (!openat2_wanted) fd = open_by_walk(relative, flags, mode);
  // O_DIRECTORY on a link answers "not a folder": say what it is.
  if (fd < 0 && errno == ENOTDIR && find_link(relative)) errno = ELOOP;
  return fd;
}

// One component at a time, each folder opened with O_NOFOLLOW from the
// one before, so that no component is resolved through a link.
int Beneath::open_by_walk(const std::string& relative, int flags, mode_t mode) const {
  std::vector<std::string> parts;
  if (!split(relative, parts)) {
    errno = EXDEV;
    return -1;
  }
  if (parts.empty()) return ::openat(root_fd_.get(), ".", flags | O_CLOEXEC, mode);
  FileDescriptor folder;
  int at = root_fd_.get();
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    int next = ::openat(at, parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) return -1;
    folder = FileDescriptor(next);
    at = next;
  }
  return ::openat(at, parts.back().c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
}

std::optional<fs::path> Beneath::find_link(const std::string& relative) const {
  std::vector<std::string> parts;
  split(relative, parts);
  FileDescriptor folder;
  int at = root_fd_.get();
  fs::path walked = root_;
  for (const auto& part : parts) {
    walked /= part;
    struct stat st {};
    if (::fstatat(at, part.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) break;
    if (S_ISLNK(st.st_mode)) return walked;
    int next = ::openat(at, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) break;
    folder = FileDescriptor(next);
    at = next;
  }
  return std::nullopt;
}

}  // namespace casekit
