#include <fmt/format.h>

#include "cli/commands.hpp"
#include "views/views.hpp"

namespace casekit::cli {

// The table loads the record (Needs::valid_client) and refuses one with
// format errors before this runs.
void setup_show(CLI::App& command, Context& context) {
  command.callback([&context] { fmt::print("{}", render_show(context.record(), today())); });
}

}  // namespace casekit::cli
