// What the output goes to: a terminal's width in columns, for layouts
// that must fit a screen.
#pragma once

#include <cstddef>

namespace casekit::cli {

// The width of the terminal standard output goes to, or 0 when it goes to
// a pipe or a file (whole lines, for programs). A terminal that does not
// say its size is taken as $COLUMNS wide, or 80.
std::size_t terminal_width();

}  // namespace casekit::cli
