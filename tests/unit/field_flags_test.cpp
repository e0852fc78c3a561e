#include "cli/field_flags.hpp"

#include <doctest/doctest.h>

#include "cli/commands.hpp"
#include "folder_with_client.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

// Parses a command line with the whole parser, as main does, and returns
// what the refusal prints there.
std::string refusal(const TempFolder& tmp, std::vector<std::string> words) {
  CLI::App app{"casekit", "casekit"};
  cli::Context context;
  cli::build_app(app, context);
  std::vector<std::string> args = {"casekit", "-C", tmp.path().string()};
  args.insert(args.end(), words.begin(), words.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const Error& e) {
    return format_error(e, cli::option_namer(app));
  }
  return "(not refused)";
}

}  // namespace

TEST_CASE("a field and its option: dashes for underscores") {
  CHECK(cli::option_of_field("target_date") == "--target-date");
  CHECK(cli::field_of_option("target-date") == "target_date");
}

TEST_CASE("the table holds the options of the command that ran, and the global ones") {
  CLI::App app{"casekit", "casekit"};
  std::string folder, date, other;
  app.add_option("-C,--case-folder", folder);
  CLI::App* plan = app.add_subcommand("plan");
  plan->add_subcommand("add-goal")->add_option("--target-date", date);
  plan->add_subcommand("add-service")->add_option("--start", other);
  std::vector<const char*> argv = {"casekit", "plan", "add-goal", "--target-date", "x"};
  app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  auto table = cli::field_option_table(app);
  CHECK(table.at("target_date") == "--target-date");
  CHECK(table.at("case_folder") == "--case-folder");
  CHECK(table.count("start") == 0);  // another verb's option
  // A field the command has no option for is named in words.
  CHECK(cli::option_namer(app)("start") == "start");
}

TEST_CASE("the core's refusal names the option that was typed, from the command table") {
  TempFolder tmp;
  testing::folder_with_client(tmp);
  const std::string plan = "clients/ana-ruiz/plan.yaml";
  bool had_plan = std::filesystem::exists(tmp / plan);
  std::string before = had_plan ? tmp.read(plan) : "";
  CHECK(refusal(tmp, {"plan", "ana-ruiz", "add-goal", "--statement", "Ana will read",
                      "--target-date", "2026-13-45"}) ==
        "casekit: error: --target-date: '2026-13-45' is not a real date (write it as "
        "YYYY-MM-DD, for example 2026-11-20)");
  CHECK(refusal(tmp, {"plan", "ana-ruiz", "add-goal", "--statement", "Ana will read", "--baseline",
                      "ten"}) ==
        "casekit: error: --baseline should be a number, not 'ten' (put the unit in --unit, "
        "like --unit %)");
  // Refused before anything was written.
  REQUIRE(std::filesystem::exists(tmp / plan) == had_plan);
  if (had_plan) CHECK(tmp.read(plan) == before);
}
