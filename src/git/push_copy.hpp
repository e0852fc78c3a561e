// A private copy of some of a push's files, for checking them with the
// code that checks a case folder: a folder only the owner can open
// (0700) in the repository's git folder, never a shared temporary folder,
// removed when the copy goes. Files are written beneath it with no
// symbolic link followed (O_NOFOLLOW at every step), each created new
// (0600).
#pragma once

#include <string>

#include "record/case_folder.hpp"

namespace casekit {

class PushCopy {
 public:
  explicit PushCopy(const fs::path& git_dir);
  ~PushCopy();
  PushCopy(const PushCopy&) = delete;
  PushCopy& operator=(const PushCopy&) = delete;

  // Writes `data` at `path` (from the top of the repository), making its
  // folders; refuses a path with an empty, "." or ".." part.
  void write(const std::string& path, const std::string& data);
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

}  // namespace casekit
