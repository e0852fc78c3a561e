#include "cli/editor.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdint>
#include <string_view>

#include "base/date.hpp"
#include "base/error.hpp"
#include "base/printable.hpp"
#include "cli/editor_buffer.hpp"
#include "cli/field_flags.hpp"
#include "record/case_folder.hpp"
#include "record/rescue.hpp"

namespace casekit::cli {
namespace {

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
  // The commands that open an editor (plan --edit, edit) take the option
  // a refusal names, like --force.
  out.push_back(format_error(Error(e.status(), where, e.marked_message(), e.marked_hint()),
                             [](const std::string& field) { return option_of_field(field); }));
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
                               EditorBuffer& buffer) {
  std::string text = *unsaved.typed + rescue_footer(request, unsaved.made_from, unsaved.cause);
  fs::path kept;
  try {
    if (resumed && unsaved.cause) real_file_system().replace(*resumed, text);
    kept = resumed ? *resumed : keep_rescue(folder.root(), request.owner, today().str(), text);
  } catch (const std::exception&) {
    buffer.keep();
    kept = buffer.path();
  }
  throw KeptEdit(
      status_of(unsaved.cause),
      fmt::format("nothing was written; what you typed is kept in {}", folder.display(kept)),
      buffer.kept() ? "copy it from there before you run casekit again"
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

// Where a hang-up or a termination keeps the buffer, and what it says then.
void prepare_signal_rescue(const CaseFolder& folder, const EditRequest& request,
                           EditorBuffer& buffer) {
  fs::path path = next_rescue_path(folder.root(), request.owner, today().str());
  buffer.arm_rescue(path,
                    fmt::format("casekit: stopped; what you typed is kept in {} (run `{}` "
                                "to go on with it)\n",
                                printable(folder.display(path)), resume_command(request.owner)));
}

// What the worker saved in the buffer, when it is not what casekit put
// there, or nothing (also when the buffer cannot be read).
std::optional<std::string> saved_in(const EditorBuffer& buffer, const std::string& written) {
  try {
    std::string left = strip_error_comments(buffer.read());
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
    text = read_edited_file(*resumed);
    // A resumed text is the worker's own from the start, and saving it
    // unchanged means "write it now".
    unsaved.typed = strip_error_comments(text);
    text = warn_if_changed_since(request, unsaved, text);
  }
  EditorBuffer buffer(folder.root());
  prepare_signal_rescue(folder, request, buffer);
  EditorSignals signals;
  for (bool first = true;; first = false) {
    std::string edited;
    buffer.set_typed(unsaved.typed.has_value());
    try {
      edited = strip_error_comments(buffer.edit(text));
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
