// `casekit due`: the tickler across the caseload (see due.hpp).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/terminal.hpp"
#include "edit/plan_edits.hpp"
#include "views/due.hpp"

namespace casekit::cli {

void setup_due(CLI::App& command, Context& context) {
  struct Options {
    int within = 7;
    std::string case_manager, reviewer, as_of, format = "text";
    bool no_cache = false;
  };
  auto o = std::make_shared<Options>();
  command
      .add_option("--within", o->within,
                  "Also list what falls due in the next DAYS days (default 7)")
      ->check(CLI::Range(0, 3660));
  command.add_option("--case-manager", o->case_manager, "Only clients of this case manager");
  command.add_option("--reviewer", o->reviewer,
                     "Only the coaching reviews of this supervisor: follow-ups and unacknowledged");
  command.add_option("--as-of", o->as_of, "As if today were this date (YYYY-MM-DD)");
  add_format_option(command, o->format, due_formats());
  command.add_flag("--no-cache", o->no_cache,
                   "Read every client's files: neither use nor write the cache of unchanged "
                   "clients' items");
  command.callback([o, &context] {
    Date as_of = o->as_of.empty() ? today() : *Date::parse(require_date(o->as_of, "as_of"));
    CaseFolder folder = context.folder();
    DueList list =
        due_list(folder, {as_of, o->within, o->case_manager, o->reviewer, use_cache(o->no_cache)});
    // CASEKIT_TODAY fixes the stamp itself; --as-of is a fixed day too.
    if (o->as_of.empty()) list.generated = utc_timestamp_now();
    const DueFormat& format = due_format(o->format);
    fmt::print("{}", format.render(list, as_of, terminal_width()));
    for (const auto& id : list.unreadable)
      fmt::print(stderr,
                 "casekit: warning: {} was skipped: its record has format errors (run `casekit "
                 "check {}`)\n",
                 id, id);
    if (format.counts_on_stderr) {
      auto overdue = std::count_if(list.items.begin(), list.items.end(),
                                   [&](const DueItem& i) { return i.date < as_of; });
      fmt::print(stderr,
                 "casekit: {} item{} due within {} day{}, {} overdue, for {} active client{}\n",
                 list.items.size(), list.items.size() == 1 ? "" : "s", o->within,
                 o->within == 1 ? "" : "s", overdue, list.clients, list.clients == 1 ? "" : "s");
    }
    if (any_overdue(list, as_of)) context.status = ExitStatus::findings;
  });
}

}  // namespace casekit::cli
