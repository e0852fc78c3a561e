#include "editor.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "casekit/case_folder.hpp"
#include "casekit/error.hpp"

namespace casekit::cli {
namespace {

// The editor command split into words; it is run directly, not by a shell.
std::vector<std::string> editor_command() {
  const char* chosen = std::getenv("VISUAL");
  if (!chosen || !*chosen) chosen = std::getenv("EDITOR");
  if (!chosen || !*chosen) chosen = "vi";
  std::istringstream words(chosen);
  std::vector<std::string> argv;
  for (std::string w; words >> w;) argv.push_back(w);
  return argv;
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
    throw Error(fmt::format("the editor '{}' did not finish cleanly; nothing was changed", words[0]));
}

// Removes the temporary file however the edit ends.
struct TemporaryFile {
  fs::path path;
  ~TemporaryFile() { ::unlink(path.c_str()); }
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
  std::string out = "# casekit-edit: this text was not accepted; fix it and save, or empty the file to cancel.\n";
  if (const auto* invalid = dynamic_cast<const InvalidRecord*>(&e)) {
    for (const auto& d : invalid->diagnostics()) out += "# casekit-edit: " + format_diagnostic(d) + "\n";
  } else {
    out += "# casekit-edit: " + format_error(e) + "\n";
  }
  return out;
}

}  // namespace

std::optional<std::string> edit_until_accepted(const fs::path& folder, const std::string& initial,
                                               const std::function<void(const std::string&)>& accept) {
  std::string pattern = (folder / ".casekit-edit-XXXXXX.yaml").string();
  int fd = ::mkstemps(pattern.data(), 5);
  if (fd < 0) throw Error(ExitStatus::io, {folder.string(), 0, 0}, "could not create a file for the editor");
  ::close(fd);
  TemporaryFile file{pattern};
  std::string text = initial;
  for (;;) {
    std::ofstream(file.path, std::ios::binary | std::ios::trunc) << text;
    run_editor(file.path);
    std::ifstream in(file.path, std::ios::binary);
    std::string edited((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    edited = strip_error_comments(edited);
    if (edited == strip_error_comments(text) || edited.find_first_not_of(" \n") == std::string::npos)
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
