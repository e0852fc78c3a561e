#include <doctest/doctest.h>

#include "cli/commands.hpp"

using namespace casekit;

namespace {

const std::string kCaseload = std::string(CASEKIT_SOURCE_DIR) + "/examples/caseload";

// Parses a command line with the whole parser, as main does.
void run(cli::Context& context, std::vector<std::string> words) {
  CLI::App app{"casekit", "casekit"};
  cli::build_app(app, context);
  std::vector<std::string> args = {"casekit", "-C", kCaseload};
  args.insert(args.end(), words.begin(), words.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  app.parse(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("command table: a command that needs a client gets the CLIENT positional") {
  CLI::App app{"casekit", "casekit"};
  cli::Context context;
  cli::build_app(app, context);
  for (const auto& command : cli::command_table()) {
    const CLI::App* sub = app.get_subcommand(command.name);
    bool has_client = false;
    for (const CLI::Option* option : sub->get_options())
      has_client = has_client || (option->get_positional() && option->get_name() == "client");
    CAPTURE(command.name);
    if (command.needs >= cli::Needs::client) CHECK(has_client);
  }
}

TEST_CASE("command table: prepare does what a row needs, and only that") {
  cli::Context nowhere;
  nowhere.case_folder = "/nonexistent/casekit-folder";
  CHECK_NOTHROW(nowhere.prepare(cli::Needs::nothing));
  CHECK_THROWS_AS(nowhere.prepare(cli::Needs::case_folder), Error);

  cli::Context context;
  context.case_folder = kCaseload;
  context.client = "marcus-jone";
  CHECK_NOTHROW(context.prepare(cli::Needs::case_folder));
  CHECK_THROWS_AS(context.prepare(cli::Needs::client), Error);
  context.client = "marcus-jones";
  CHECK_NOTHROW(context.prepare(cli::Needs::client));
  context.prepare(cli::Needs::valid_client);
  CHECK(context.record().client.id == "marcus-jones");
}

TEST_CASE("command table: the row's step runs before the command's own checks") {
  // plan with no change refuses in its own callback; an unknown client
  // must be refused first, by the table.
  cli::Context context;
  try {
    run(context, {"plan", "nobody-here"});
    FAIL("an unknown client was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("nobody-here") != std::string::npos);
  }
  CHECK_THROWS_WITH_AS(run(context, {"plan", "marcus-jones"}), "say what to change in the plan",
                       Error);
}
