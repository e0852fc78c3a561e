// The editor's side of an edit: the temporary buffer in the case folder's
// .casekit/edit/, the editor run on it, and what a hang-up or a
// termination keeps of it. editor.cpp holds the loop around it: checking
// the text, opening it again, keeping what was not saved.
#pragma once

#include <filesystem>
#include <string>

#include "base/scoped_signals.hpp"

namespace casekit::cli {

namespace fs = std::filesystem;

// One buffer file at a time. It holds a whole record in clear text, so it
// is removed however the edit ends, unless keep() says it is the last copy
// of what the worker typed; a hang-up or a termination removes it too,
// after linking it to the rescue file armed with arm_rescue().
class EditorBuffer {
 public:
  explicit EditorBuffer(const fs::path& folder_root);
  EditorBuffer(const EditorBuffer&) = delete;
  EditorBuffer& operator=(const EditorBuffer&) = delete;
  ~EditorBuffer();

  const fs::path& path() const { return path_; }
  bool kept() const { return keep_; }
  void keep() { keep_ = true; }
  // Where a hang-up or a termination keeps the buffer, and the line it
  // prints then; `typed`: the buffer holds the worker's text even when the
  // editor has not changed it (the text of an earlier round).
  void arm_rescue(const fs::path& rescue_path, const std::string& said);
  void set_typed(bool typed);
  // Writes `text`, runs the editor on it and reads back what was left.
  std::string edit(const std::string& text);
  std::string read() const;

 private:
  fs::path root_;
  fs::path path_;
  bool keep_ = false;
};

// Ctrl-C and Ctrl-\ go to the editor (as system() does); a hang-up or a
// termination removes the buffer first. Restores the old handlers.
class EditorSignals {
 public:
  EditorSignals();

 private:
  ScopedSignals handlers_;
};

// A file's text, or an io error saying the editor's file disappeared.
std::string read_edited_file(const fs::path& path);

}  // namespace casekit::cli
