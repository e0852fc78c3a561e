// `casekit lsp`: the language server an editor starts, on standard input
// and output (src/lsp/server.hpp).
#include <unistd.h>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace casekit::cli {

void setup_lsp(CLI::App& command, Context& context) {
  // Editors start a server with --stdio; it is the only way this one talks.
  static bool stdio = true;
  command.add_flag("--stdio", stdio,
                   "Talk on standard input and output; the only way, and the default");
  command.callback([&context] {
    int status = lsp::serve(STDIN_FILENO, STDOUT_FILENO, CASEKIT_VERSION);
    context.status = status == 0 ? ExitStatus::ok : ExitStatus::findings;
  });
}

}  // namespace casekit::cli
