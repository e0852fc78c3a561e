// Rescue files: what a case worker typed in `--edit` and casekit did not
// save (the text was refused, the editor was left after an error, the
// write failed). They live in the private area's .casekit/rescue/ (0700,
// ignored by git), each 0600 and named after the command and the client
// it belongs to and the day it was kept, so the worker can tell them
// apart: "note-ana-lopez-2026-11-23.yaml", then "...-2.yaml" the same
// day; "new-client-2026-11-23.yaml" for a client not made yet.
// `--edit --resume` reopens the newest and removes it once the text is
// saved; `check` reports the others with the command that resumes them.
#pragma once

#include <optional>
#include <string>

#include "record/rescue_name.hpp"
#include "storage/file_system.hpp"

namespace casekit {

// The folder of rescue files in the case folder at `root`.
fs::path rescue_folder(const fs::path& root);

// The path the owner's next rescue file of `day` would get.
fs::path next_rescue_path(const fs::path& root, const RescueOwner& owner, const std::string& day);

// Writes `text` to a new rescue file of the owner (0600, in a 0700
// folder) and returns its path: the next number of `day`, never one
// that exists.
fs::path keep_rescue(const fs::path& root, const RescueOwner& owner, const std::string& day,
                     const std::string& text);

// The owner's newest rescue file (by day, then number), if any.
std::optional<fs::path> newest_rescue(const fs::path& root, const RescueOwner& owner);

// Removes a rescue file once its text is saved, and the folder (and the
// private area) when nothing else is left in them.
void remove_rescue(const fs::path& root, const fs::path& path);

}  // namespace casekit
