#include "cli/editor_buffer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <vector>

#include "base/error.hpp"
#include "record/private_area.hpp"
#include "storage/file_system.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit::cli {
namespace {

// The editor command split into words; it is run directly, not by a shell.
std::vector<std::string> editor_command() {
  const char* chosen = std::getenv("VISUAL");
  if (!chosen || !*chosen) chosen = std::getenv("EDITOR");
  // vi is only for a person at a terminal: on a pipe it would wait on
  // input that never comes, or exit at once and lose the work.
  if ((!chosen || !*chosen) && (::isatty(STDIN_FILENO) == 0 || ::isatty(STDOUT_FILENO) == 0))
    throw Error("--edit needs an editor, and there is no terminal to run vi in",
                "set $EDITOR or $VISUAL, or give the text with --from FILE or options; "
                "nothing was changed");
  if (!chosen || !*chosen) chosen = "vi";
  std::istringstream words(chosen);
  std::vector<std::string> argv;
  for (std::string w; words >> w;) argv.push_back(w);
  return argv;
}

// The buffer, for the signal handler: whatever ends casekit while the
// editor is open must not leave it behind.
char g_temporary[4096] = {0};

// What a hang-up or a termination keeps: the buffer, linked to a rescue
// file's name chosen beforehand, when the worker typed in it (it changed
// since casekit wrote it, or it holds the text of an earlier round).
// Only calls a signal handler may make: lstat, mkdir, link, write.
struct SignalRescue {
  char folder[4096] = {0};
  char path[4096] = {0};
  char said[4200] = {0};
  struct stat written {};
  volatile std::sig_atomic_t typed = 0;
};
SignalRescue g_rescue;

bool buffer_changed() {
  struct stat now {};
  if (::lstat(g_temporary, &now) != 0) return false;
  const struct stat& was = g_rescue.written;
  return now.st_ino != was.st_ino || now.st_size != was.st_size ||
         now.st_mtim.tv_sec != was.st_mtim.tv_sec || now.st_mtim.tv_nsec != was.st_mtim.tv_nsec;
}

void remove_and_reraise(int signal) {
  if (g_temporary[0] != 0) {
    if (g_rescue.path[0] != 0 && (g_rescue.typed || buffer_changed())) {
      ::mkdir(g_rescue.folder, 0700);
      if (::link(g_temporary, g_rescue.path) == 0 &&
          ::write(STDERR_FILENO, g_rescue.said, std::strlen(g_rescue.said)) < 0) {
      }
    }
    ::unlink(g_temporary);
  }
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

void run_editor(const fs::path& file) {
  std::vector<std::string> words = editor_command();
  words.push_back(file.string());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw Error(ExitStatus::io, {}, "could not start the editor");
  if (pid == 0) {
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGQUIT, SIG_DFL);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    throw Error(fmt::format("the editor '{}' could not be started; nothing was changed", words[0]),
                "is it installed? set VISUAL or EDITOR to an editor you have");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw Error(
        fmt::format("the editor '{}' did not finish cleanly; nothing was changed", words[0]));
}

// In .casekit/edit/, which git ignores: a buffer that survives a kill -9
// is never committed by `git add -A`, and `check` reports it.
fs::path make_buffer_file(const fs::path& folder) {
  fs::path area = open_private_area(folder, "edit");
  std::string pattern = (area / "edit-XXXXXX.yaml").string();
  int fd = ::mkstemps(pattern.data(), 5);
  if (fd < 0) {
    close_private_area(folder, "edit");
    throw Error(ExitStatus::io, {area.string(), 0, 0}, "could not create a file for the editor");
  }
  ::close(fd);
  std::snprintf(g_temporary, sizeof g_temporary, "%s", pattern.c_str());
  return pattern;
}

}  // namespace

std::string read_edited_file(const fs::path& path) {
  auto text = real_file_system().read(path, max_file_bytes);
  if (!text)
    throw Error(ExitStatus::io, {path.string(), 0, 0},
                "the editor's file disappeared; nothing was changed");
  return *text;
}

EditorBuffer::EditorBuffer(const fs::path& folder_root)
    : root_(folder_root), path_(make_buffer_file(folder_root)) {}

EditorBuffer::~EditorBuffer() {
  if (!keep_) ::unlink(path_.c_str());
  g_temporary[0] = 0;
  g_rescue.path[0] = 0;
  close_private_area(root_, "edit");
}

void EditorBuffer::arm_rescue(const fs::path& rescue_path, const std::string& said) {
  std::snprintf(g_rescue.folder, sizeof g_rescue.folder, "%s", rescue_path.parent_path().c_str());
  std::snprintf(g_rescue.path, sizeof g_rescue.path, "%s", rescue_path.c_str());
  std::snprintf(g_rescue.said, sizeof g_rescue.said, "%s", said.c_str());
}

void EditorBuffer::set_typed(bool typed) {
  g_rescue.typed = typed ? 1 : 0;
}

std::string EditorBuffer::edit(const std::string& text) {
  // Written and read back with checks: a short write (disk full) must
  // not come back as an "edit" that cuts the record.
  real_file_system().replace(path_, text);
  ::lstat(path_.c_str(), &g_rescue.written);
  run_editor(path_);
  return read();
}

std::string EditorBuffer::read() const {
  return read_edited_file(path_);
}

EditorSignals::EditorSignals() {
  handlers_.set({SIGINT, SIGQUIT}, SIG_IGN);
  handlers_.set({SIGHUP, SIGTERM}, remove_and_reraise);
}

}  // namespace casekit::cli
