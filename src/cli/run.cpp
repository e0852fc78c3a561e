// The one place errors are caught and turned into messages and exit
// statuses (casekit(1), EXIT STATUS).
#include <fmt/format.h>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "cli/field_flags.hpp"
#include "cli/run.hpp"

namespace casekit::cli {
namespace {

// Prints what stopped the command and returns its exit status. A refusal
// that is the cause of a kept edit leaves out its "fix the problems above,
// then run the command again": the kept edit says how to go on. The
// core names the fields it refuses; `namer` names them by their options.
int report(const std::exception_ptr& error, const FieldNamer& namer, bool as_cause = false) {
  try {
    std::rethrow_exception(error);
  } catch (const KeptEdit& e) {
    // What was refused first, then where the typed text is kept.
    if (e.cause()) report(e.cause(), namer, true);
    fmt::print(stderr, "{}\n", format_error(e, namer));
    return static_cast<int>(e.status());
  } catch (const InvalidRecord& e) {
    for (const auto& d : e.diagnostics()) fmt::print(stderr, "casekit: {}\n", format_refusal(d));
    if (!as_cause) fmt::print(stderr, "{}\n", format_error(e, namer));
    return static_cast<int>(e.status());
  } catch (const Error& e) {
    fmt::print(stderr, "{}\n", format_error(e, namer));
    return static_cast<int>(e.status());
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "casekit: error: out of memory; nothing was written\n");
    return static_cast<int>(ExitStatus::io);
  } catch (const std::filesystem::filesystem_error& e) {
    fmt::print(stderr, "casekit: error: {}: {}\n", printable(e.path1().string()),
               e.code().message());
    return static_cast<int>(ExitStatus::io);
  } catch (const std::exception& e) {
    fmt::print(stderr, "casekit: internal error: {}; nothing was written (please report this)\n",
               printable(e.what()));
    return static_cast<int>(ExitStatus::internal);
  }
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"casekit", "casekit"};
  Context context;
  build_app(app, context);
  app.failure_message(usage_message);
  try {
    refuse_unknown_command(app, argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitStatus::usage);
  } catch (const std::exception&) {
    return report(std::current_exception(), option_namer(app));
  }
  return static_cast<int>(context.status);
}

}  // namespace casekit::cli
