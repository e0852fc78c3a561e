#include <fmt/format.h>

#include "cli/commands.hpp"
#include "views/views.hpp"

namespace casekit::cli {

void setup_show(CLI::App& command, Context& context) {
  auto client = std::make_shared<std::string>();
  command.add_option("client", *client, "The client's id")->required();
  command.callback([client, &context] {
    CaseFolder folder = context.folder();
    LoadedRecord loaded = load_record(folder, *client);
    fmt::print("{}", render_show(loaded.require_valid("the record cannot be shown"), today()));
  });
}

}  // namespace casekit::cli
