// `casekit fix-renumbered`: after a merge, the notes that came from the
// other copy follow the items the merge driver renumbered
// (renumbered_notes.hpp). Run by the post-merge hook of `hook install`.
#include <fmt/format.h>

#include <cstdio>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "git/renumbered_notes.hpp"

namespace casekit::cli {

void setup_fix_renumbered(CLI::App& command, Context& context) {
  command.callback([&context] {
    CaseFolder folder = context.folder();
    NotesFixed fixed = fix_renumbered_notes(folder);
    for (const auto& path : fixed.written)
      fmt::print("Changed the references in {}, a note from the merged copy\n",
                 printable(folder.display(path)));
    // In a git hook both streams end up on the terminal: keep their order.
    std::fflush(stdout);
    for (const auto& message : fixed.messages)
      fmt::print(stderr, "casekit: {}\n", printable(message));
  });
}

}  // namespace casekit::cli
