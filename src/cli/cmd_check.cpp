#include <fmt/format.h>

#include "commands.hpp"

namespace casekit::cli {

void setup_check(CLI::App& command, Context& context) {
  auto clients = std::make_shared<std::vector<std::string>>();
  command.add_option("clients", *clients, "Client ids to check (default: every client)");
  command.callback([clients, &context] {
    CaseFolder folder = context.folder();
    std::vector<Diagnostic> all;
    folder.settings();  // an invalid casekit.yaml is an input error (exit 2)
    std::vector<std::string> ids = clients->empty() ? folder.client_ids() : *clients;
    if (clients->empty()) all = folder.stray_entries();
    for (const auto& id : ids) {
      ClientFiles files = folder.load_client(id);
      all.insert(all.end(), files.diagnostics.begin(), files.diagnostics.end());
    }
    sort_diagnostics(all);
    print_diagnostics(all);
    std::size_t errors = static_cast<std::size_t>(std::count_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
    fmt::print(stderr, "casekit: checked {} client{}: {} error{}, {} warning{}\n", ids.size(), ids.size() == 1 ? "" : "s",
               errors, errors == 1 ? "" : "s", all.size() - errors, all.size() - errors == 1 ? "" : "s");
    if (errors > 0) context.status = ExitStatus::findings;
  });
}

}  // namespace casekit::cli
