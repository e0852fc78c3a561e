// `casekit reopen CLIENT --date D --reason TEXT`: a new episode of care for
// a client whose case was closed; the earlier one stays in the record.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "edit/reopen_case.hpp"

namespace casekit::cli {

void setup_reopen(CLI::App& command, Context& context) {
  struct Options {
    std::string date, reason;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  command.add_option("--reason", o->reason, "What brought the client back")->required();
  command.add_option("--date", o->date, "The day the case opens again (default: today)");
  command.add_flag("--force", o->force,
                   "Keep a date that looks impossible (after today), with a warning");
  command.callback([o, &context] {
    CaseFolder folder = context.folder();
    ClientEdit edit(folder, context.client);
    edit.keep_implausible(o->force);
    std::string date = o->date.empty() ? today().str() : o->date;
    reopen_client(edit, date, o->reason);
    std::vector<fs::path> written = edit.save();
    fmt::print("Reopened the case of {} on {}; the earlier episode is kept under episodes:\n",
               context.client, date);
    record_in_git(folder, written, fmt::format("reopen: reopen the case of {}", context.client));
  });
}

}  // namespace casekit::cli
