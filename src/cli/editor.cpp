#include "cli/editor.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "base/error.hpp"
#include "record/case_folder.hpp"
#include "record/private_area.hpp"

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

// The temporary file holds a whole record in clear text: whatever ends
// casekit while the editor is open must not leave it behind.
char g_temporary[4096] = {0};

void remove_and_reraise(int signal) {
  if (g_temporary[0] != 0) ::unlink(g_temporary);
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// Ctrl-C and Ctrl-\ go to the editor (as system() does); a hang-up or a
// termination removes the temporary file first.
struct SignalGuard {
  struct sigaction old_int {
  }, old_quit{}, old_hup{}, old_term{};
  SignalGuard() {
    struct sigaction ignore {
    }, cleanup{};
    ignore.sa_handler = SIG_IGN;
    cleanup.sa_handler = remove_and_reraise;
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    ::sigaction(SIGHUP, &cleanup, &old_hup);
    ::sigaction(SIGTERM, &cleanup, &old_term);
  }
  ~SignalGuard() {
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    ::sigaction(SIGHUP, &old_hup, nullptr);
    ::sigaction(SIGTERM, &old_term, nullptr);
  }
};

void write_checked(const fs::path& path, const std::string& text) {
  real_file_system().replace(path, text);
}

std::string read_checked(const fs::path& path) {
  auto text = real_file_system().read(path, max_file_bytes);
  if (!text)
    throw Error(ExitStatus::io, {path.string(), 0, 0},
                "the editor's file disappeared; nothing was changed");
  return *text;
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

// Removes the temporary file however the edit ends, and the working area
// when nothing else is in it.
struct TemporaryFile {
  fs::path root;
  fs::path path;
  ~TemporaryFile() {
    ::unlink(path.c_str());
    g_temporary[0] = 0;
    close_private_area(root, "edit");
  }
};

std::string strip_error_comments(const std::string& text) {
  const std::string marker = "# casekit-edit: ";
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(marker, 0) != 0) out += line + "\n";
  return out;
}

std::string error_comments(const Error& e) {
  std::string out =
      "# casekit-edit: this text was not accepted; fix it and save, or empty the file to cancel.\n";
  if (const auto* invalid = dynamic_cast<const InvalidRecord*>(&e)) {
    for (const auto& d : invalid->diagnostics())
      out += "# casekit-edit: " + format_diagnostic(d) + "\n";
  } else {
    out += "# casekit-edit: " + format_error(e) + "\n";
  }
  return out;
}

}  // namespace

std::optional<std::string> edit_until_accepted(
    const fs::path& folder, const std::string& initial,
    const std::function<void(const std::string&)>& accept) {
  // In .casekit/edit/, which git ignores: a buffer that survives a kill -9
  // is never committed by `git add -A`, and `check` reports it.
  fs::path area = open_private_area(folder, "edit");
  std::string pattern = (area / "edit-XXXXXX.yaml").string();
  int fd = ::mkstemps(pattern.data(), 5);
  if (fd < 0) {
    close_private_area(folder, "edit");
    throw Error(ExitStatus::io, {area.string(), 0, 0}, "could not create a file for the editor");
  }
  ::close(fd);
  std::snprintf(g_temporary, sizeof g_temporary, "%s", pattern.c_str());
  TemporaryFile file{folder, pattern};
  SignalGuard signals;
  std::string text = initial;
  for (;;) {
    // Written and read back with checks: a short write (disk full) must
    // not come back as an "edit" that cuts the record.
    write_checked(file.path, text);
    run_editor(file.path);
    std::string edited = strip_error_comments(read_checked(file.path));
    if (edited == strip_error_comments(text) ||
        edited.find_first_not_of(" \n") == std::string::npos)
      return std::nullopt;
    try {
      accept(edited);
      return edited;
    } catch (const Error& e) {
      if (!::isatty(STDIN_FILENO)) throw;
      text = error_comments(e) + edited;
    }
  }
}

}  // namespace casekit::cli
