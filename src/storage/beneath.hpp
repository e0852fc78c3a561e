// Opening paths beneath the case folder without following symbolic links.
//
// A case folder travels through `git pull`, and git stores symbolic links:
// a colleague's commit can turn clients/ana/notes into a link to any folder
// on the reader's machine. So below the case folder's root no component of
// a path may be a link, and the check happens in the same system call that
// opens the path (openat2 with RESOLVE_NO_SYMLINKS, or a walk of openat
// with O_NOFOLLOW where the kernel lacks openat2): a link swapped in
// between a check and a use is refused too.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

namespace casekit {

namespace fs = std::filesystem;

// An open file descriptor, closed when destroyed.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd = -1) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = other.release();
    }
    return *this;
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() { reset(); }
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

class Beneath {
 public:
  // From now on, paths inside `root` are opened beneath it. The root
  // itself is opened as the user named it, links included: that is their
  // choice, not a pulled file's.
  void set_root(const fs::path& root);
  bool has_root() const { return root_fd_.get() >= 0; }

  // The path relative to the root ("clients/ana/plan.yaml", or "." for the
  // root itself), or nullopt when it lies outside the root (or no root is
  // set).
  std::optional<std::string> relative(const fs::path& path) const;

  // open(2) of a path relative to the root, refusing a link in any
  // component (errno ELOOP), the last one included unless `flags` has
  // O_PATH|O_NOFOLLOW, which opens the link itself. -1 and errno on failure.
  int open(const std::string& relative, int flags, mode_t mode = 0) const;

  // The first component of `relative` that is a link, as a path under
  // the root as the user gave it ("clients/ana/notes"); nullopt if none.
  std::optional<fs::path> find_link(const std::string& relative) const;

  // Tests run both ways; the walk is what kernels before 5.6 get.
  static void use_openat2(bool use);

 private:
  int open_by_walk(const std::string& relative, int flags, mode_t mode) const;

  fs::path root_, absolute_root_;
  FileDescriptor root_fd_;
};

}  // namespace casekit
