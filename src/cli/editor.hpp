// Opening $VISUAL or $EDITOR on a temporary file in the case folder's
// .casekit/edit/ (which only the owner can read and git ignores), and taking
// back what was written. What the worker typed is never lost: text that is
// not saved is kept in a rescue file (record/rescue.hpp).
#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <string>

#include "record/case_folder.hpp"
#include "record/rescue.hpp"

namespace casekit::cli {

// What an edit is for: whose rescue file keeps text that is not saved, and
// whether to start from the newest one instead of the template (--resume).
struct EditRequest {
  RescueOwner owner;
  bool resume = false;
  // The file the text is a whole copy of (plan.yaml), when saving it
  // replaces that file: a kept copy remembers the file as it was, and
  // --resume warns when the file has changed since.
  std::string file_name;
  std::string file_text;
};

// The edit stopped without saving what the worker typed, which is kept in
// a rescue file that the message names. `cause` is why, when something
// was refused (printed before the message); the status is the cause's, or
// usage when the worker left the editor after an error.
class KeptEdit : public Error {
 public:
  KeptEdit(ExitStatus status, const std::string& message, std::string hint,
           std::exception_ptr cause);
  const std::exception_ptr& cause() const { return cause_; }

 private:
  std::exception_ptr cause_;
};

// Runs the editor on `initial` (or, with `resume`, on the owner's newest
// rescue file) until `accept` takes the text without throwing; `accept`
// checks and writes. Lines starting with "# casekit-edit: " (instructions
// and errors) are removed before `accept` sees the text. An invalid text
// is opened again with the errors written as comments at the top when
// there is a terminal. Returns nullopt when the user leaves the template
// unchanged or empty, which cancels. Throws KeptEdit when the worker's text
// was refused without a terminal, or left after an error, or could not be
// written. A resumed rescue file is removed once its text is accepted. The
// temporary file is always removed.
std::optional<std::string> edit_until_accepted(
    const CaseFolder& folder, const std::string& initial, const EditRequest& request,
    const std::function<void(const std::string&)>& accept);

}  // namespace casekit::cli
