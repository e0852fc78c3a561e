// `casekit merge-driver BASE OURS THEIRS PATH`: git's merge driver for
// plan.yaml and client.yaml (record_merge.hpp), set up by `hook install`.
#include <fmt/format.h>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "git/record_merge.hpp"

namespace casekit::cli {

void setup_merge_driver(CLI::App& command, Context& context) {
  struct Options {
    std::string base, ours, theirs, path;
  };
  auto o = std::make_shared<Options>();
  command.add_option("base", o->base, "The common ancestor's version (git's %O)")->required();
  command.add_option("ours", o->ours, "Our version, where the result is written (git's %A)")
      ->required();
  command.add_option("theirs", o->theirs, "The other copy's version (git's %B)")->required();
  command.add_option("path", o->path, "The file's path in the repository (git's %P)")->required();
  command.callback([o, &context] {
    std::string messages;
    int status = run_merge_driver(o->base, o->ours, o->theirs, o->path, messages);
    fmt::print(stderr, "{}", printable(messages, "\n"));
    if (status != 0) context.status = ExitStatus::findings;
  });
}

}  // namespace casekit::cli
