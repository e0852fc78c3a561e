#include "git/push_copy.hpp"

#include <stdlib.h>
#include <sys/stat.h>

#include "storage/file_system.hpp"

namespace casekit {

PushCopy::PushCopy(const fs::path& git_dir) {
  std::string pattern = (git_dir / "casekit-pre-receive.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr || ::chmod(pattern.c_str(), 0700) != 0)
    throw Error(ExitStatus::io, {git_dir.string(), 0, 0},
                "could not make a private folder to check the push in",
                "check the free space and the permissions of the repository's folder");
  root_ = pattern;
  real_file_system().confine(root_);
}

PushCopy::~PushCopy() {
  // remove_all removes a link, never what it points to.
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

void PushCopy::write(const std::string& path, const std::string& data) {
  FileSystem& files = real_file_system();
  files.confine(root_);
  fs::path relative(path);
  for (const auto& part : relative)
    if (part.empty() || part == "." || part == ".." || relative.is_absolute())
      throw Error(ExitStatus::usage, {path, 0, 0}, "the push holds a path casekit cannot copy",
                  "rename the file");
  std::string folder;
  for (auto part = relative.begin(); std::next(part) != relative.end(); ++part) {
    folder += (folder.empty() ? "" : "/") + part->string();
    if (folders_.insert(folder).second) files.make_folder(root_ / folder);
  }
  files.create(root_ / relative, data);
}

}  // namespace casekit
