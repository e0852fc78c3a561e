#include "cli/help_formatter.hpp"

#include <doctest/doctest.h>

#include "cli/commands.hpp"

using namespace casekit;

namespace {

// Every command and verb's help, as `casekit ... --help` prints it.
void each_help(const CLI::App* app, const std::function<void(const CLI::App*, std::string)>& f) {
  f(app, app->help());
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; }))
    each_help(sub, f);
}

std::string usage_line(const std::string& help) {
  auto start = help.find("Usage: ");
  REQUIRE(start != std::string::npos);
  return help.substr(start, help.find('\n', start) - start);
}

}  // namespace

TEST_CASE("help: every usage line shows the words to type, and no parser lists") {
  CLI::App app{"casekit", "casekit"};
  cli::Context context;
  cli::build_app(app, context);
  int pages = 0;
  each_help(&app, [&](const CLI::App* at, const std::string& help) {
    CAPTURE(help);
    ++pages;
    CHECK(help.find("Excludes:") == std::string::npos);
    CHECK(help.find("Needs:") == std::string::npos);
    // A plan verb's usage names the client before the verb.
    if (at->get_parent() && at->get_parent()->get_name() == "plan")
      CHECK(usage_line(help).rfind("Usage: casekit plan CLIENT " + at->get_name(), 0) == 0);
  });
  CHECK(pages > 30);
  CHECK(usage_line(app.help()) == "Usage: casekit COMMAND [OPTIONS]");
  CHECK(usage_line(app.get_subcommand("plan")->get_subcommand("goal-status")->help()) ==
        "Usage: casekit plan CLIENT goal-status GOAL STATUS [OPTIONS]");
  CHECK(usage_line(app.get_subcommand("check")->help()) ==
        "Usage: casekit check [PATHS...] [OPTIONS]");
  CHECK(usage_line(app.get_subcommand("note")->help()) == "Usage: casekit note CLIENT [OPTIONS]");
}
