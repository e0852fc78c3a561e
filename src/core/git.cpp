#include "casekit/git.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace casekit {
namespace {

// In the child, between fork and exec: only async-signal-safe calls.
// Captured runs are questions (is this a work tree? what changed?): git's
// own complaints go to /dev/null and the caller says what went wrong.
[[noreturn]] void exec_git(const fs::path& dir, std::vector<char*>& argv, int out_fd, int err_fd) {
  if (::chdir(dir.c_str()) != 0) ::_exit(127);
  if (::dup2(out_fd, STDOUT_FILENO) < 0) ::_exit(127);
  if (err_fd >= 0 && ::dup2(err_fd, STDERR_FILENO) < 0) ::_exit(127);
  ::execvp("git", argv.data());
  ::_exit(127);
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status)
                           : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

GitRun run_git(const fs::path& dir, const std::vector<std::string>& args, bool capture) {
  std::vector<std::string> words = {"git"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  fs::path where = dir.empty() ? fs::path(".") : dir;
  int pipe_fds[2] = {-1, -1};
  if (capture && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return {};
  int null_fd = capture ? ::open("/dev/null", O_WRONLY | O_CLOEXEC) : -1;
  pid_t pid = ::fork();
  if (pid < 0) {
    if (capture) ::close(pipe_fds[0]), ::close(pipe_fds[1]), ::close(null_fd);
    return {};
  }
  if (pid == 0) exec_git(where, argv, capture ? pipe_fds[1] : STDERR_FILENO, null_fd);
  if (null_fd >= 0) ::close(null_fd);
  GitRun run;
  if (capture) {
    ::close(pipe_fds[1]);
    run.out = read_all(pipe_fds[0]);
    ::close(pipe_fds[0]);
  }
  run.status = wait_for(pid);
  run.started = run.status != 127;
  return run;
}

bool in_git_work_tree(const fs::path& dir) {
  GitRun run = run_git(dir, {"rev-parse", "--is-inside-work-tree"}, true);
  return run.started && run.status == 0 && run.out == "true\n";
}

GitCommit commit_change(const CaseFolder& folder, const std::vector<fs::path>& paths,
                        const std::string& message) {
  GitCommit result;
  if (paths.empty()) return result;
  // The change is written already: settings that cannot be read now are a
  // warning, never an error that would claim nothing was changed.
  try {
    if (!folder.settings().git_commit) return result;
  } catch (const Error&) {
    return {true, "casekit.yaml has format errors (run `casekit check`), so casekit cannot tell whether to commit"};
  }
  if (!in_git_work_tree(folder.root())) {
    // Without git at all, the setting cannot be honoured: say so.
    if (!run_git(folder.root(), {"--version"}, true).started)
      result = {true, "git is not installed or not on the PATH"};
    return result;
  }
  result.wanted = true;
  std::vector<std::string> relative;
  for (const auto& path : paths)
    relative.push_back(path.lexically_relative(folder.root()).string());
  std::vector<std::string> add = {"add", "--"};
  add.insert(add.end(), relative.begin(), relative.end());
  std::vector<std::string> commit = {"commit", "--quiet", "--message", message, "--"};
  commit.insert(commit.end(), relative.begin(), relative.end());
  if (GitRun run = run_git(folder.root(), add, false); run.status != 0)
    result.warning = fmt::format("`git add` exited with status {}", run.status);
  else if (GitRun done = run_git(folder.root(), commit, false); done.status != 0)
    result.warning = fmt::format("`git commit` exited with status {}", done.status);
  return result;
}

}  // namespace casekit
