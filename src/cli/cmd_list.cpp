#include <fmt/format.h>

#include "cli/commands.hpp"
#include "record/load_each.hpp"
#include "views/person_filter.hpp"
#include "views/views.hpp"

namespace casekit::cli {

void setup_list(CLI::App& command, Context& context) {
  struct Options {
    std::string status, case_manager;
  };
  auto o = std::make_shared<Options>();
  command.add_option("--status", o->status, "Only clients with this status")
      ->check(one_of({"active", "closed"}));
  command.add_option("--case-manager", o->case_manager, "Only clients of this case manager");
  command.callback([o, &context] {
    CaseFolder folder = context.folder();
    std::vector<CaseloadRow> rows;
    PersonFilter case_manager(o->case_manager);
    // Read on two threads; the rows keep the clients' order. A row needs
    // of the notes only their headings (load_listing), and of a record with
    // errors what can be read of it, the same way.
    auto load = [&](const std::string& id) { return load_listing(folder, id); };
    load_each(folder.client_ids(), load, [&](const std::string& id, LoadedRecord& loaded) {
      CaseloadRow row =
          caseload_row(loaded.record ? *loaded.record : to_listing_record(loaded.files));
      row.id = id;
      row.valid = loaded.valid();
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
