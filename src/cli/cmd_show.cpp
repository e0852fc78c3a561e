#include <fmt/format.h>

#include "base/wrap.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "views/views.hpp"

namespace casekit::cli {

// The table loads the record (Needs::valid_client) and refuses one with
// format errors before this runs.
void setup_show(CLI::App& command, Context& context) {
  command.callback([&context] {
    std::string text = render_show(context.record(), today());
    // On a terminal, long lines break between words, not inside them.
    std::size_t width = terminal_width();
    fmt::print("{}", width > 0 ? wrap_lines(text, width) : text);
  });
}

}  // namespace casekit::cli
