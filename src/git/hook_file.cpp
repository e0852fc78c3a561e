#include "git/hook_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace casekit {

std::string read_hook_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream read;
  read << in.rdbuf();
  return read.str();
}

void write_hook_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  fs::path temp = path;
  temp += ".casekit-new";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0700);
  bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fchmod(fd, 0700) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    throw Error(ExitStatus::io, {path.string(), 0, 0}, "could not write the hook",
                "check the permissions of the .git folder");
  }
}

}  // namespace casekit
