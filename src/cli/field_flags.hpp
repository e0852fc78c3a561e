// The core names the input fields it refuses ("target_date"); the command
// line names them by the options that carry them ("--target-date").
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>

#include "base/error.hpp"

namespace casekit::cli {

// The one table from field to option, for the command that was parsed:
// read from the options its rows in the command table declare (and the
// plan verb's, and the global ones), so that a renamed option is renamed
// in every message too. An option carries the field of its long name,
// dashes as underscores: --target-date carries target_date.
std::map<std::string, std::string> field_option_table(const CLI::App& app);

// The option that carries a field, and the field an option carries:
// target_date and --target-date.
std::string option_of_field(std::string field);
std::string field_of_option(std::string long_name);

// Names a field by its option in the command that was parsed, or in
// words when that command has no option for it.
FieldNamer option_namer(const CLI::App& app);

}  // namespace casekit::cli
