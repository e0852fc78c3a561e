// A git hook's file: read to compare with what casekit would write, and
// written whole, executable by the owner only.
#pragma once

#include <string>

#include "record/case_folder.hpp"

namespace casekit {

// The hook's text; "" when it cannot be read.
std::string read_hook_file(const fs::path& path);
// Writes the hook beside its place and renames it there (0700), making
// the hooks folder when missing. Throws Error (exit status 3) when it fails.
void write_hook_file(const fs::path& path, const std::string& text);

}  // namespace casekit
