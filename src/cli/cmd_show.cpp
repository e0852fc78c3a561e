#include <fmt/format.h>

#include "cli/commands.hpp"
#include "views/views.hpp"

namespace casekit::cli {

void setup_show(CLI::App& command, Context& context) {
  auto client = std::make_shared<std::string>();
  command.add_option("client", *client, "The client's id")->required();
  command.callback([client, &context] {
    CaseFolder folder = context.folder();
    ClientFiles files = folder.load_client(*client);
    if (has_errors(files.diagnostics))
      throw InvalidRecord(files.diagnostics,
                          "the record cannot be shown until the problems above are fixed");
    fmt::print("{}", render_show(to_record(files), today()));
  });
}

}  // namespace casekit::cli
