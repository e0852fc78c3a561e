#include "storage/folder_writer.hpp"

#include <csignal>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace casekit::storage {

fs::path FolderWriter::shown(const std::string& name) const {
  return one_file_ ? folder_.path : folder_.path / name;
}

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;

void ask_to_stop(int signal) {
  g_stop_signal = signal;
}

}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop_signal = 0;
  handlers_.set({SIGINT, SIGHUP, SIGTERM}, ask_to_stop);
}

StopOnSignal::~StopOnSignal() {
  // The old handlers first: the signal raised again is theirs to take.
  handlers_.restore();
  if (int signal = g_stop_signal; signal != 0) {
    g_stop_signal = 0;
    ::raise(signal);
  }
}

int StopOnSignal::requested() {
  return g_stop_signal;
}

void FolderWriter::write(const std::string& name, std::string_view data) {
  if (StopOnSignal::requested() != 0)
    throw Error(ExitStatus::io, {shown(name).string(), 0, 0},
                "stopped by a signal; nothing was written");
  auto file = open_.find(name);
  if (file == open_.end()) {
    // O_EXCL: the folder is new and private, so a name met twice is a
    // file written again after it was closed, which would be lost.
    int fd = ::openat(folder_.folder.get(), name.c_str(),
                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(shown(name), "could not create", errno);
    if (first_.empty()) first_ = name;
    file = open_.emplace(name, FileDescriptor(fd)).first;
  }
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(file->second.get(), data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(shown(name), "could not write", errno);
    done += static_cast<std::size_t>(n);
  }
}

// A few files are flushed one by one; for an export of many (a page per
// client) one syncfs at the end flushes them all, instead of waiting on the
// disk once a file, before the folder is renamed into place.
constexpr std::size_t kFlushedOneByOne = 16;

void FolderWriter::close(const std::string& name) {
  auto file = open_.find(name);
  if (file == open_.end()) return;
  if (++closed_ <= kFlushedOneByOne && ::fsync(file->second.get()) != 0)
    fail(shown(name), "could not flush to disk", errno);
  FileDescriptor fd = std::move(file->second);
  open_.erase(file);
  if (::close(fd.release()) != 0) fail(shown(name), "could not write", errno);
}

namespace {

// Written in pieces of this size, and read back so.
constexpr std::size_t kScratchPiece = std::size_t{256} * 1024;

// A file without a name (O_TMPFILE), or one whose name goes at once, in
// the export's private temporary folder: what it holds is as confidential
// as the export, and it goes with the folder, whatever happens.
class ScratchFile : public ExportScratch {
 public:
  ScratchFile(FileDescriptor fd, fs::path shown) : fd_(std::move(fd)), shown_(std::move(shown)) {}
  void append(std::string_view data) override {
    buffer_ += data;
    size_ += data.size();
    if (buffer_.size() >= kScratchPiece) flush();
  }
  void read_back(const std::function<void(std::string_view)>& take) override {
    flush();
    std::string piece(kScratchPiece, '\0');
    for (off_t at = 0; at < static_cast<off_t>(written_);) {
      ssize_t n = ::pread(fd_.get(), piece.data(), piece.size(), at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail(shown_, "could not read back what was put aside", n < 0 ? errno : EIO);
      take(std::string_view(piece.data(), static_cast<std::size_t>(n)));
      at += n;
    }
  }

 private:
  void flush() {
    for (std::size_t done = 0; done < buffer_.size();) {
      ssize_t n = ::write(fd_.get(), buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(shown_, "could not write", errno);
      done += static_cast<std::size_t>(n);
    }
    written_ += buffer_.size();
    buffer_.clear();
  }

  FileDescriptor fd_;
  fs::path shown_;
  std::string buffer_;
  std::size_t written_ = 0;
};

}  // namespace

std::unique_ptr<ExportScratch> scratch_file(int folder, const fs::path& shown) {
  int fd = ::openat(folder, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  // Not every file system has O_TMPFILE: a named file, unnamed at once.
  for (int n = 0; fd < 0 && n < 100; ++n) {
    std::string name = ".scratch-" + std::to_string(n);
    fd = ::openat(folder, name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0 && ::unlinkat(folder, name.c_str(), 0) != 0) {
      ::close(fd);
      fail(shown, "could not write", errno);
    }
  }
  if (fd < 0) fail(shown, "could not write", errno);
  return std::make_unique<ScratchFile>(FileDescriptor(fd), shown);
}

std::unique_ptr<ExportScratch> FolderWriter::scratch() {
  return scratch_file(folder_.folder.get(), folder_.path);
}

std::string FolderWriter::finish() {
  while (!open_.empty()) close(open_.begin()->first);
  if (closed_ > kFlushedOneByOne && ::syncfs(folder_.folder.get()) != 0)
    fail(folder_.path, "could not flush to disk", errno);
  ::fsync(folder_.folder.get());
  return first_;
}

}  // namespace casekit::storage
