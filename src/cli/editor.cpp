#include "cli/editor.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"
#include "base/printable.hpp"
#include "record/case_folder.hpp"
#include "record/private_area.hpp"
#include "record/rescue.hpp"

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

// Removes the temporary file however the edit ends (unless it is the
// last copy of what the worker typed), and the working area when nothing
// else is in it.
struct TemporaryFile {
  fs::path root;
  fs::path path;
  bool keep = false;
  TemporaryFile(fs::path r, fs::path p) : root(std::move(r)), path(std::move(p)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (!keep) ::unlink(path.c_str());
    g_temporary[0] = 0;
    g_rescue.path[0] = 0;
    close_private_area(root, "edit");
  }
};

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

std::string strip_error_comments(const std::string& text) {
  const std::string marker = "# casekit-edit: ";
  std::string out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(marker, 0) != 0) out += line + "\n";
  return out;
}

// Whether a location is in the text being edited: the commands name it
// "note (editor)", "client.yaml (editor)" or "PLAN (as edited)", never
// the name of a file on disk.
bool in_edited_text(const Location& where) {
  return where.line > 0 &&
         (where.file.ends_with(" (editor)") || where.file.ends_with(" (as edited)"));
}

// The problems, one a line; `shift` is added to the line numbers in the
// edited text, for comments put above it.
std::vector<std::string> problem_lines(const Error& e, int shift) {
  std::vector<std::string> out;
  if (const auto* invalid = dynamic_cast<const InvalidRecord*>(&e)) {
    for (Diagnostic d : invalid->diagnostics()) {
      if (in_edited_text(d.location)) d.location.line += shift;
      out.push_back(format_diagnostic(d));
    }
    return out;
  }
  Location where = e.location();
  if (in_edited_text(where)) where.line += shift;
  out.push_back(format_error(Error(e.status(), where, e.what(), e.hint())));
  return out;
}

// The problems as comments. Above the text (`on_top`), the lines they
// name are counted as the worker sees them, comments included; below it
// (in a rescue file), the text's own numbers are right.
std::string error_comments(const Error& e, bool on_top) {
  std::vector<std::string> lines = problem_lines(e, 0);
  if (on_top) lines = problem_lines(e, static_cast<int>(lines.size()) + 1);
  std::string out =
      "# casekit-edit: this text was not accepted; fix it and save it. If you quit instead, "
      "casekit keeps it for --resume.\n";
  for (const auto& line : lines) out += "# casekit-edit: " + line + "\n";
  return out;
}

// What the worker typed and casekit has not saved, and why.
struct Unsaved {
  std::optional<std::string> typed;  // the worker's latest text, when it is theirs
  std::exception_ptr cause;          // the last refusal, if any
  std::string made_from;             // the fingerprint of the file it copies, if any
};

// A fingerprint of a file's text (64-bit FNV-1a): enough to see that it
// changed, and the same in every build.
std::string fingerprint(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
  return fmt::format("{:016x}", hash);
}

constexpr std::string_view made_from_marker = "# casekit-edit: made from the file as it was: ";

// The fingerprint a rescue file recorded, or "" when it has none.
std::string made_from_of(const std::string& kept) {
  std::size_t at = kept.find(made_from_marker);
  if (at == std::string::npos) return {};
  at += made_from_marker.size();
  return kept.substr(at, kept.find('\n', at) - at);
}

ExitStatus status_of(const std::exception_ptr& cause) {
  if (!cause) return ExitStatus::usage;
  try {
    std::rethrow_exception(cause);
  } catch (const Error& e) {
    return e.status();
  } catch (...) {
    return ExitStatus::io;
  }
}

// Below the kept text, so that the line numbers casekit printed are the
// rescue file's own.
std::string rescue_footer(const EditRequest& request, const std::string& made_from,
                          const std::exception_ptr& cause) {
  std::string out = fmt::format(
      "# casekit-edit: kept by `{}` on {} because it was not saved; "
      "`{}` opens it again.\n",
      edit_command(request.owner), today().str(), resume_command(request.owner));
  if (!made_from.empty()) out += std::string(made_from_marker) + made_from + "\n";
  if (!cause) return out;
  try {
    std::rethrow_exception(cause);
  } catch (const Error& e) {
    return out + error_comments(e, false);
  } catch (const std::exception& e) {
    return out + "# casekit-edit: " + printable(e.what()) + "\n";
  }
}

// Keeps the worker's text in a rescue file (the one resumed, or a new
// one) and stops the command, saying where the text is. When even that
// cannot be written (the disk is full), the editor's buffer is kept.
[[noreturn]] void keep_unsaved(const CaseFolder& folder, const EditRequest& request,
                               const std::optional<fs::path>& resumed, const Unsaved& unsaved,
                               TemporaryFile& buffer) {
  std::string text = *unsaved.typed + rescue_footer(request, unsaved.made_from, unsaved.cause);
  fs::path kept;
  try {
    if (resumed && unsaved.cause) real_file_system().replace(*resumed, text);
    kept = resumed ? *resumed : keep_rescue(folder.root(), request.owner, today().str(), text);
  } catch (const std::exception&) {
    buffer.keep = true;
    kept = buffer.path;
  }
  throw KeptEdit(
      status_of(unsaved.cause),
      fmt::format("nothing was written; what you typed is kept in {}", folder.display(kept)),
      buffer.keep ? "copy it from there before you run casekit again"
                  : fmt::format("run `{}` to go on with it", resume_command(request.owner)),
      unsaved.cause);
}

// A kept copy of a file that has changed since would undo those changes
// when saved: the worker is told, on the terminal and on top of the text.
std::string warn_if_changed_since(const EditRequest& request, Unsaved& unsaved,
                                  const std::string& kept) {
  std::string was = made_from_of(kept);
  if (request.file_text.empty() || was == unsaved.made_from) return kept;
  unsaved.made_from = was;
  std::string warning = fmt::format(
      "{} was changed after this text was kept; saving it puts back the whole text and undoes "
      "those changes",
      request.file_name);
  fmt::print(stderr, "casekit: warning: {}\n", printable(warning));
  return "# casekit-edit: warning: " + warning + ". Compare the two first.\n" + kept;
}

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\n") == std::string::npos;
}

// Where a hang-up or a termination keeps the buffer (remove_and_reraise).
void prepare_signal_rescue(const CaseFolder& folder, const EditRequest& request) {
  fs::path path = next_rescue_path(folder.root(), request.owner, today().str());
  std::snprintf(g_rescue.folder, sizeof g_rescue.folder, "%s", path.parent_path().c_str());
  std::snprintf(g_rescue.path, sizeof g_rescue.path, "%s", path.c_str());
  std::snprintf(g_rescue.said, sizeof g_rescue.said,
                "casekit: stopped; what you typed is kept in %s (run `%s` to go on with it)\n",
                printable(folder.display(path)).c_str(), resume_command(request.owner).c_str());
}

// Runs the editor on the buffer and reads back what the worker left there.
std::string edit_once(TemporaryFile& buffer, const std::string& text) {
  // Written and read back with checks: a short write (disk full) must
  // not come back as an "edit" that cuts the record.
  write_checked(buffer.path, text);
  ::lstat(buffer.path.c_str(), &g_rescue.written);
  run_editor(buffer.path);
  return strip_error_comments(read_checked(buffer.path));
}

// What the worker saved in the buffer, when it is not what casekit put
// there, or nothing (also when the buffer cannot be read).
std::optional<std::string> saved_in(const TemporaryFile& buffer, const std::string& written) {
  try {
    std::string left = strip_error_comments(read_checked(buffer.path));
    if (is_blank(left) || left == strip_error_comments(written)) return std::nullopt;
    return left;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

KeptEdit::KeptEdit(ExitStatus status, const std::string& message, std::string hint,
                   std::exception_ptr cause)
    : Error(status, {}, message, std::move(hint)), cause_(std::move(cause)) {}

std::optional<std::string> edit_until_accepted(
    const CaseFolder& folder, const std::string& initial, const EditRequest& request,
    const std::function<void(const std::string&)>& accept) {
  std::optional<fs::path> resumed;
  std::string text = initial;
  Unsaved unsaved;
  if (!request.file_text.empty()) unsaved.made_from = fingerprint(request.file_text);
  if (request.resume) {
    resumed = newest_rescue(folder.root(), request.owner);
    if (!resumed)
      throw Error(
          fmt::format("there is no kept text of `{}` to resume", edit_command(request.owner)),
          "run it without --resume to start from the template");
    text = read_checked(*resumed);
    // A resumed text is the worker's own from the start, and saving it
    // unchanged means "write it now".
    unsaved.typed = strip_error_comments(text);
    text = warn_if_changed_since(request, unsaved, text);
  }
  TemporaryFile buffer(folder.root(), make_buffer_file(folder.root()));
  prepare_signal_rescue(folder, request);
  SignalGuard signals;
  for (bool first = true;; first = false) {
    std::string edited;
    g_rescue.typed = unsaved.typed.has_value();
    try {
      edited = edit_once(buffer, text);
    } catch (...) {
      // An editor that fails after the worker saved (vim's :cq, a crash)
      // leaves their text in the buffer: it is theirs, and kept.
      if (auto left = saved_in(buffer, text)) unsaved.typed = std::move(left);
      if (!unsaved.typed) throw;
      unsaved.cause = std::current_exception();
      keep_unsaved(folder, request, resumed, unsaved, buffer);
    }
    bool unchanged = edited == strip_error_comments(text) && !(resumed && first);
    if (is_blank(edited) || unchanged) {
      if (!unsaved.typed) return std::nullopt;
      keep_unsaved(folder, request, resumed, unsaved, buffer);
    }
    unsaved.typed = edited;
    try {
      accept(edited);
      if (resumed) remove_rescue(folder.root(), *resumed);
      return edited;
    } catch (const Error& e) {
      unsaved.cause = std::current_exception();
      if (!::isatty(STDIN_FILENO)) keep_unsaved(folder, request, resumed, unsaved, buffer);
      text = error_comments(e, true) + edited;
    } catch (const std::exception&) {
      // Out of memory, or a file system error casekit did not word: the
      // text is kept all the same, and the error said.
      unsaved.cause = std::current_exception();
      keep_unsaved(folder, request, resumed, unsaved, buffer);
    }
  }
}

}  // namespace casekit::cli
