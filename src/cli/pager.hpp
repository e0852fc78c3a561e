// Long output on a terminal goes through the user's pager, as git's does:
// $PAGER (less when unset, none when empty), never when the output is a
// pipe or a file.
#pragma once

#include <string>

namespace casekit::cli {

// Prints `text`, through the pager when `allowed` and standard output is
// a terminal; directly when the pager cannot be started.
void print_paged(const std::string& text, bool allowed);

}  // namespace casekit::cli
