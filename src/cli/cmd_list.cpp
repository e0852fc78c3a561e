#include <fmt/format.h>

#include "cli/commands.hpp"
#include "views/list_rows.hpp"
#include "views/person_filter.hpp"
#include "views/views.hpp"

namespace casekit::cli {

void setup_list(CLI::App& command, Context& context) {
  struct Options {
    std::string status, case_manager;
    bool no_cache = false;
  };
  auto o = std::make_shared<Options>();
  command.add_option("--status", o->status, "Only clients with this status")
      ->check(one_of({"active", "closed"}));
  command.add_option("--case-manager", o->case_manager, "Only clients of this case manager");
  command.add_flag("--no-cache", o->no_cache,
                   "Read every client's files: neither use nor write the cache of unchanged "
                   "clients' rows");
  command.callback([o, &context] {
    CaseFolder folder = context.folder();
    std::vector<CaseloadRow> rows;
    PersonFilter case_manager(o->case_manager);
    each_caseload_row(folder, use_cache(o->no_cache), [&](const CaseloadRow& row) {
      if (!case_manager.matches(row.case_manager)) return;
      if (!o->status.empty() && row.status != o->status) return;
      rows.push_back(row);
    });
    case_manager.require_known("case manager");
    if (rows.empty()) {
      fmt::print(stderr, "casekit: no clients{}\n",
                 o->status.empty() && o->case_manager.empty() ? " yet" : " match");
      return;
    }
    fmt::print("{}", render_list(rows));
  });
}

}  // namespace casekit::cli
