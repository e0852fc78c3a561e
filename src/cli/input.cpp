#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "casekit/yaml_tree.hpp"
#include "commands.hpp"

namespace casekit::cli {

std::string read_input(const std::string& path) {
  if (path != "-") {
    auto text = real_file_system().read(path, max_file_bytes);
    if (!text) throw Error(ExitStatus::usage, {path, 0, 0}, "the file does not exist");
    return *text;
  }
  std::string data;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(ExitStatus::io, {"<stdin>", 0, 0}, "could not read standard input");
    if (n == 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > max_file_bytes)
      throw Error(ExitStatus::usage, {"<stdin>", 0, 0},
                  fmt::format("the input is larger than {} MiB", max_file_bytes / (1024 * 1024)));
  }
  return data;
}

}  // namespace casekit::cli
