#include "git/push_copy.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace casekit {

PushCopy::PushCopy(const fs::path& git_dir) {
  std::string pattern = (git_dir / "casekit-pre-receive.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr || ::chmod(pattern.c_str(), 0700) != 0)
    throw Error(ExitStatus::io, {git_dir.string(), 0, 0},
                "could not make a private folder to check the push in",
                "check the free space and the permissions of the repository's folder");
  root_ = pattern;
}

PushCopy::~PushCopy() {
  // remove_all removes a link, never what it points to.
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

namespace {

[[noreturn]] void copy_failed(const std::string& path) {
  throw Error(ExitStatus::io, {path, 0, 0}, "could not copy a file of the push to check it",
              "check the free space and the permissions of the repository's folder");
}

// The folder `part` beneath `dir`, made when missing; never through a link.
int enter(int dir, const std::string& part, const std::string& path) {
  if (::mkdirat(dir, part.c_str(), 0700) != 0 && errno != EEXIST) copy_failed(path);
  int next = ::openat(dir, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  ::close(dir);
  if (next < 0) copy_failed(path);
  return next;
}

}  // namespace

// A copy to read once and remove: written without the fsync of a record's
// write, which on a busy disk costs more than the check.
void PushCopy::write(const std::string& path, const std::string& data) {
  fs::path relative(path);
  for (const auto& part : relative)
    if (part.empty() || part == "." || part == ".." || relative.is_absolute())
      throw Error(ExitStatus::usage, {path, 0, 0}, "the push holds a path casekit cannot copy",
                  "rename the file");
  int dir = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir < 0) copy_failed(path);
  for (auto part = relative.begin(); std::next(part) != relative.end(); ++part)
    dir = enter(dir, part->string(), path);
  int fd = ::openat(dir, relative.filename().c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  ::close(dir);
  bool ok = fd >= 0 && ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  if (!ok) copy_failed(path);
}

}  // namespace casekit
