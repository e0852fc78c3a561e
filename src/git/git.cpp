#include "git/git.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

namespace casekit {
namespace {

// In the child, between fork and exec: only async-signal-safe calls.
// Captured runs are questions (is this a work tree? what changed?): git's
// own complaints go to /dev/null and the caller says what went wrong.
[[noreturn]] void exec_git(const fs::path& dir, std::vector<char*>& argv, int in_fd, int out_fd,
                           int err_fd) {
  if (::chdir(dir.c_str()) != 0) ::_exit(127);
  if (in_fd >= 0 && ::dup2(in_fd, STDIN_FILENO) < 0) ::_exit(127);
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

// A git that ends without reading gives EPIPE, not a SIGPIPE that would
// end casekit.
void write_all(int fd, const std::string& text) {
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::sigaction(SIGPIPE, &old, nullptr);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status)
                           : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

GitRun run_git(const fs::path& dir, const std::vector<std::string>& args, bool capture,
               const std::optional<std::string>& input) {
  std::vector<std::string> words = {"git"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  fs::path where = dir.empty() ? fs::path(".") : dir;
  int pipe_fds[2] = {-1, -1};
  int in_fds[2] = {-1, -1};
  if (capture && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return {};
  if (input && ::pipe2(in_fds, O_CLOEXEC) != 0) {
    for (int fd : pipe_fds)
      if (fd >= 0) ::close(fd);
    return {};
  }
  int null_fd = capture ? ::open("/dev/null", O_WRONLY | O_CLOEXEC) : -1;
  pid_t pid = ::fork();
  if (pid == 0) exec_git(where, argv, in_fds[0], capture ? pipe_fds[1] : STDERR_FILENO, null_fd);
  for (int fd : {null_fd, pipe_fds[1], in_fds[0]})
    if (fd >= 0) ::close(fd);
  // The input is written beside the reading of git's output, so that a
  // long list (object ids for `git cat-file --batch`) cannot fill both
  // pipes and leave git and casekit waiting for each other.
  std::thread writer;
  if (input) {
    int fd = in_fds[1];
    if (pid > 0)
      writer = std::thread([fd, &input] {
        write_all(fd, *input);
        ::close(fd);
      });
    else
      ::close(fd);
  }
  GitRun run;
  if (capture) {
    if (pid > 0) run.out = read_all(pipe_fds[0]);
    ::close(pipe_fds[0]);
  }
  if (writer.joinable()) writer.join();
  if (pid < 0) return {};
  run.status = wait_for(pid);
  run.started = run.status != 127;
  return run;
}

bool in_git_work_tree(const fs::path& dir) {
  GitRun run = run_git(dir, {"rev-parse", "--is-inside-work-tree"}, true);
  return run.started && run.status == 0 && run.out == "true\n";
}

namespace {

// The index entries of `paths` as `git ls-files --stage` prints them, to put
// back after a failed commit: paths from the top of the work tree (as
// --index-info reads them), and nothing for a path git does not track.
std::optional<std::string> index_entries(const fs::path& root,
                                         const std::vector<std::string>& paths) {
  std::vector<std::string> args = {"ls-files", "--stage", "-z", "--full-name", "--"};
  args.insert(args.end(), paths.begin(), paths.end());
  GitRun run = run_git(root, args, true);
  if (run.status != 0) return std::nullopt;
  return run.out;
}

// Puts the index back for exactly `paths`: what casekit's `git add` staged
// goes, and the versions the user had staged (`entries`) come back.
bool restore_index(const fs::path& root, const std::vector<std::string>& paths,
                   const std::string& entries) {
  std::vector<std::string> remove = {"update-index", "--force-remove", "--"};
  remove.insert(remove.end(), paths.begin(), paths.end());
  if (run_git(root, remove, true).status != 0) return false;
  return entries.empty() ||
         run_git(root, {"update-index", "-z", "--index-info"}, true, entries).status == 0;
}

// Adds and commits `paths` (relative to the case folder); the reason it
// failed, or "" when the commit was made.
std::string add_and_commit(const fs::path& root, const std::vector<std::string>& paths,
                           const std::string& message) {
  std::optional<std::string> before = index_entries(root, paths);
  if (!before) return "`git ls-files` failed, so casekit did not stage anything";
  std::vector<std::string> add = {"add", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  std::vector<std::string> commit = {"commit", "--quiet", "--message", message, "--"};
  commit.insert(commit.end(), paths.begin(), paths.end());
  std::string failed;
  if (GitRun run = run_git(root, add, false); run.status != 0)
    failed = fmt::format("`git add` exited with status {}", run.status);
  else if (GitRun done = run_git(root, commit, false); done.status != 0)
    failed = fmt::format("`git commit` exited with status {}", done.status);
  if (!failed.empty() && !restore_index(root, paths, *before))
    failed += ", and the files casekit staged could not be unstaged (see `git status`)";
  return failed;
}

}  // namespace

GitCommit commit_change(const CaseFolder& folder, const std::vector<fs::path>& paths,
                        const std::string& message) {
  GitCommit result;
  if (paths.empty()) return result;
  // The change is written already: settings that cannot be read now are a
  // warning, never an error that would claim nothing was changed.
  try {
    if (!folder.settings().git_commit) return result;
  } catch (const Error&) {
    return {true,
            "casekit.yaml has format errors (run `casekit check`), so casekit cannot tell whether "
            "to commit"};
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
  result.warning = add_and_commit(folder.root(), relative, message);
  return result;
}

}  // namespace casekit
