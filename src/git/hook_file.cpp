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
  // 0755, as git writes its own: in a bare repository shared by a team
  // (git init --shared), git runs the hook as each pusher, and skips a
  // hook they cannot run, which would let every push through. A hook
  // holds no record.
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
  bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fchmod(fd, 0755) == 0;
  if (fd >= 0) ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    throw Error(ExitStatus::io, {path.string(), 0, 0}, "could not write the hook",
                "check the permissions of the .git folder");
  }
}

}  // namespace casekit
