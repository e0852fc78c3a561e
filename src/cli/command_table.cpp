#include <fmt/format.h>

#include "commands.hpp"

namespace casekit::cli {

const std::vector<Command>& command_table() {
  static const std::vector<Command> table = {
      {"init", "Make a new, empty case folder", setup_init},
      {"new-client", "Add a client with an intake and assessment", setup_new_client},
      {"plan", "Write and update a client's individual service plan", setup_plan},
      {"note", "Add a S.O.A.P.D. progress note, or list a client's notes", setup_note},
      {"close", "Close a client's case with a reason and an exit summary", setup_close},
      {"show", "Show one client's record in the terminal", setup_show},
      {"list", "List the caseload, one line per client", setup_list},
      {"check", "Check records against the format (desk-guide rules to come)", setup_check},
  };
  return table;
}

void build_app(CLI::App& app, Context& context) {
  app.description(
      "casekit keeps a caseload as plain YAML files under git and checks them\n"
      "against the case management desk guides. See casekit(1) and casekit(5).");
  app.set_version_flag("--version", std::string("casekit ") + CASEKIT_VERSION);
  app.add_option("-C,--case-folder", context.case_folder,
                 "Use this case folder instead of the one at or above the current folder");
  app.require_subcommand(1);
  app.fallthrough();
  for (const auto& command : command_table()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    command.setup(*sub, context);
  }
  app.footer(
      "Exit status: 0 ok, 1 problems found (check), 2 usage or invalid input,\n"
      "3 the file system refused (permissions, disk full), 4 internal error.\n"
      "Run `casekit COMMAND --help` for a command's options.");
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) fmt::print(stderr, "{}\n", format_diagnostic(d));
}

}  // namespace casekit::cli
