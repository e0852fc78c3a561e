#include "cli/pager.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace casekit::cli {
namespace {

// The pager split into words, run directly (not by a shell); empty for none.
std::vector<std::string> pager_command() {
  const char* chosen = std::getenv("PAGER");
  std::istringstream words(chosen ? chosen : "less");
  std::vector<std::string> argv;
  for (std::string w; words >> w;) argv.push_back(w);
  return argv;
}

// Writes all of `text` to the pager; stops when the reader quits early.
void write_all(int fd, const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // EPIPE: the reader quit, and that is fine
    at += static_cast<std::size_t>(n);
  }
}

// Runs the pager on a pipe; false when it could not be started.
bool run_pager(std::vector<std::string> words, const std::string& text) {
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  int fds[2];
  if (::pipe(fds) != 0) return false;
  std::fflush(stdout);
  pid_t pid = ::fork();
  if (pid < 0) return false;
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::setenv("LESS", "FRX", 0);  // quit when it fits, colours, keep the screen
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[0]);
  auto old = ::signal(SIGPIPE, SIG_IGN);
  write_all(fds[1], text);
  ::close(fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ::signal(SIGPIPE, old);
  return !(WIFEXITED(status) && WEXITSTATUS(status) == 127);
}

}  // namespace

void print_paged(const std::string& text, bool allowed) {
  std::vector<std::string> words = pager_command();
  if (!allowed || words.empty() || ::isatty(STDOUT_FILENO) == 0 || !run_pager(words, text))
    fmt::print("{}", text);
}

}  // namespace casekit::cli
