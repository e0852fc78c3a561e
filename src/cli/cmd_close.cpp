#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "edit/close_case.hpp"

namespace casekit::cli {

void setup_close(CLI::App& command, Context& context) {
  struct Options {
    std::string reason, summary, date;
  };
  auto o = std::make_shared<Options>();
  command.add_option("--reason", o->reason, "Why the case is closed (goals met, moved, ...)")
      ->required();
  command.add_option("--summary", o->summary,
                     "The exit summary: what was achieved, what continues");
  command.add_option("--date", o->date, "Date of closure (default: today)");
  command.callback([o, &context] {
    CaseFolder folder = context.folder();
    ClientEdit edit(folder, context.client);
    std::vector<std::string> active =
        close_client(edit, o->date.empty() ? today().str() : o->date, o->reason, o->summary);
    std::vector<fs::path> written = edit.save();
    fmt::print("Closed the case of {}\n", context.client);
    record_in_git(folder, written, fmt::format("close: close the case of {}", context.client));
    if (!active.empty())
      fmt::print(stderr,
                 "casekit: warning: {} {} {} still active; mark {} achieved or discontinued with "
                 "`casekit plan {} goal-status {} achieved`\n",
                 active.size() == 1 ? "goal" : "goals", fmt::join(active, ", "),
                 active.size() == 1 ? "is" : "are", active.size() == 1 ? "it" : "each",
                 context.client, active.front());
  });
}

}  // namespace casekit::cli
