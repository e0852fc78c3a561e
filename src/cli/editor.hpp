// Opening $VISUAL or $EDITOR on a temporary file in the case folder's
// .casekit/edit/ (which only the owner can read and git ignores), and taking
// back what was written.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "storage/file_system.hpp"

namespace casekit::cli {

// Runs the editor on `initial` until `accept` takes the text without
// throwing. Lines starting with "# casekit-edit: " (instructions and errors) are
// removed before `accept` sees the text. An invalid text is opened again with the errors written as
// comments at the top. Returns nullopt when the user leaves the text
// unchanged or empty, which cancels. The temporary file is always removed.
std::optional<std::string> edit_until_accepted(
    const fs::path& folder, const std::string& initial,
    const std::function<void(const std::string&)>& accept);

}  // namespace casekit::cli
