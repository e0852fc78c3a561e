#include <doctest/doctest.h>

#include "cli/commands.hpp"
#include "views/completion.hpp"

using namespace casekit;

namespace {

// A small command tree like casekit's: global -C, a command with a client
// and verbs, one with choices, one with repeated paths.
CompletionNode tree() {
  CompletionNode plan{"plan", {{{"--edit"}, false, "", {}}}, {{"clients", false}}, {}};
  plan.subcommands.push_back({"meet-need", {{{"--date"}, true, "", {}}}, {{"ids:N", false}}, {}});
  plan.subcommands.push_back({"add-goal", {{{"--need"}, true, "ids:N", {}}}, {}, {}});
  CompletionNode check{
      "check",
      {{{"--format"}, true, "", {"text", "json"}}, {{"--explain"}, true, "rules", {}}},
      {{"clients", true}},
      {}};
  CompletionNode root{"casekit", {{{"--case-folder", "-C"}, true, "dirs", {}}}, {}, {plan, check}};
  return root;
}

}  // namespace

TEST_CASE("completion: commands, then a client, then verbs") {
  CHECK(complete_line(tree(), {""}).words == std::vector<std::string>{"plan", "check"});
  CHECK(complete_line(tree(), {"pl"}).words == std::vector<std::string>{"plan"});
  Completion client = complete_line(tree(), {"plan", ""});
  CHECK(client.lookup == "clients");
  CHECK(client.words.empty());
  CHECK(complete_line(tree(), {"plan", "ana", "a"}).words == std::vector<std::string>{"add-goal"});
}

TEST_CASE("completion: ids of the client named on the line, choices and rules") {
  Completion need =
      complete_line(tree(), {"-C", "caseload", "plan", "ana", "add-goal", "--need", "N"});
  CHECK(need.lookup == "ids:N");
  CHECK(need.client == "ana");
  CHECK(need.case_folder == "caseload");
  CHECK(need.prefix == "N");
  CHECK(complete_line(tree(), {"plan", "ana", "meet-need", ""}).lookup == "ids:N");
  CHECK(complete_line(tree(), {"check", "--format", "j"}).words ==
        std::vector<std::string>{"json"});
  CHECK(complete_line(tree(), {"check", "--explain", ""}).lookup == "rules");
  CHECK(complete_line(tree(), {"check", "ana", "bo", ""}).lookup == "clients");
  CHECK(complete_line(tree(), {"--case-folder", ""}).lookup == "dirs");
}

TEST_CASE("completion: options of the command and of the commands above it") {
  CHECK(complete_line(tree(), {"plan", "ana", "meet-need", "--"}).words ==
        std::vector<std::string>{"--case-folder", "--edit", "--date"});
  // A value that was given does not change what follows.
  CHECK(complete_line(tree(), {"check", "--format", "json", "--e"}).words ==
        std::vector<std::string>{"--explain"});
  CHECK(complete_line(tree(), {"plan", "--edit", ""}).lookup == "clients");
}

TEST_CASE("completion: a script for each shell, and no other") {
  CHECK(completion_script("bash").find("complete -F _casekit casekit") != std::string::npos);
  CHECK(completion_script("zsh").rfind("#compdef casekit", 0) == 0);
  CHECK(completion_script("fish").find("complete -c casekit") != std::string::npos);
}
