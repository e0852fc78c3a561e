#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "edit/plan_edits.hpp"
#include "folder_with_client.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder sample_folder(const TempFolder& tmp) {
  CaseFolder folder = testing::folder_with_client(tmp);
  return folder;
}

}  // namespace

TEST_CASE("a change that fails validation writes nothing") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  std::string before = tmp.read("clients/ana-ruiz/client.yaml");
  ClientEdit edit(folder, "ana-ruiz");
  GoalInput goal;
  goal.statement = "Ana will pass.";
  goal.needs = {"N9"};
  CHECK_THROWS_WITH_AS(add_goal(edit, goal), "need 'N9' does not exist", Error);
  CHECK(tmp.read("clients/ana-ruiz/client.yaml") == before);
  CHECK_FALSE(fs::exists(tmp / "clients/ana-ruiz/plan.yaml"));
}

TEST_CASE("a record with format errors is refused before any change") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("clients/ana-ruiz/plan.yaml", "created: 2026-02-30\n");
  CHECK_THROWS_AS(ClientEdit(folder, "ana-ruiz"), InvalidRecord);
}

TEST_CASE("a new id is one past the highest, even with gaps") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("clients/ana-ruiz/plan.yaml",
            "long_term_goals:\n  - id: L1\n    statement: a\n  - id: L4\n    statement: b\n");
  ClientEdit edit(folder, "ana-ruiz");
  CHECK(edit.next_id('L') == "L5");
  CHECK(add_long_term_goal(edit, "c", "") == "L5");
  CHECK(edit.next_id('L') == "L6");
}

TEST_CASE("many processes adding needs to one client at once lose nothing") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  constexpr int writers = 12;
  std::vector<pid_t> children;
  for (int i = 0; i < writers; ++i) {
    pid_t pid = ::fork();
    if (pid == 0) {
      int status = 0;
      try {
        CaseFolder child_folder(tmp.path(), real_file_system());
        ClientEdit edit(child_folder, "ana-ruiz");
        add_need(edit, {"Need from writer " + std::to_string(i), "other", {}, false, {}});
        edit.save();
      } catch (...) {
        status = 1;
      }
      ::_exit(status);
    }
    children.push_back(pid);
  }
  int failures = 0;
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
  }
  CHECK(failures == 0);
  ClientFiles files = folder.load_client("ana-ruiz");
  CHECK_FALSE(has_errors(files.diagnostics));
  ClientRecord record = to_record(files);
  std::set<std::string> ids, descriptions;
  for (const auto& need : record.client.assessment.needs) {
    ids.insert(need.id);
    descriptions.insert(need.description);
  }
  CHECK(ids.size() == writers);
  CHECK(descriptions.size() == writers);
}
