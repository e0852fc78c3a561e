#include <doctest/doctest.h>

#include "edit/close_case.hpp"
#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "folder_with_client.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder folder_with_plan(const TempFolder& tmp) {
  CaseFolder folder = testing::folder_with_client(
      tmp,
      "name: Ana Ruiz\nopened: 2026-09-01\nassessment:\n  needs:\n    - id: N1\n"
      "      description: HSE\nconsents:\n  - partner: Learning Center\n"
      "    signed: 2026-09-02\n");
  tmp.write("clients/ana-ruiz/plan.yaml",
            "# the plan\nshort_term_goals:\n  - id: G1\n    statement: Pass.\n    needs: [N1]\n"
            "    status: active\nservices:\n  - id: S1\n    name: Tutoring\n    status: active\n");
  return folder;
}

CloseRequest request(const char* date) {
  CloseRequest r;
  r.date = date;
  r.reason = "Moved away";
  return r;
}

}  // namespace

TEST_CASE("add_months keeps the day, or the month's last") {
  CHECK(add_months(*Date::parse("2026-11-30"), 3).str() == "2027-02-28");
  CHECK(add_months(*Date::parse("2026-09-30"), 12).str() == "2027-09-30");
  CHECK(add_months(*Date::parse("2027-11-30"), 3).str() == "2028-02-29");
}

TEST_CASE("close refuses what still runs, naming it, unless end_all") {
  TempFolder tmp;
  CaseFolder folder = folder_with_plan(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  CloseRequest r = request("2026-11-20");
  r.end_releases = false;
  CHECK_THROWS_WITH_AS(close_client(edit, r), "the plan has not ended goal G1, service S1", Error);
}

TEST_CASE("close ends a planned service too, and drops a start it never reached") {
  TempFolder tmp;
  CaseFolder folder = folder_with_plan(tmp);
  tmp.write("clients/ana-ruiz/plan.yaml",
            "services:\n  - id: S1\n    name: Tutoring\n    status: completed\n"
            "  - id: S2\n    name: Job club\n    status: planned\n    start: 2026-12-01\n");
  ClientEdit edit(folder, "ana-ruiz");
  CloseRequest r = request("2026-11-20");
  r.end_releases = false;
  CHECK_THROWS_WITH_AS(close_client(edit, r), "the plan has not ended planned service S2", Error);
  r.end_all = true;
  CHECK(close_client(edit, r) == std::vector<std::string>{"planned service S2"});
  edit.save();
  std::string plan = tmp.read("clients/ana-ruiz/plan.yaml");
  CHECK(plan.find("status: discontinued\n    end: 2026-11-20") != std::string::npos);
  CHECK(plan.find("2026-12-01") == std::string::npos);
  CHECK(plan.find("status: completed\n  - id: S2") != std::string::npos);
}

TEST_CASE("close refuses to end a service or goal before it began") {
  TempFolder tmp;
  CaseFolder folder = folder_with_plan(tmp);
  tmp.write("clients/ana-ruiz/plan.yaml",
            "short_term_goals:\n  - id: G1\n    statement: Pass.\n    needs: [N1]\n"
            "    status: active\n    status_date: 2026-10-01\nservices:\n  - id: S1\n"
            "    name: Tutoring\n    status: active\n    start: 2026-10-05\n");
  ClientEdit edit(folder, "ana-ruiz");
  CloseRequest r = request("2026-10-03");
  r.end_all = true;
  r.end_releases = false;
  CHECK_THROWS_WITH_AS(close_client(edit, r),
                       "date: the case cannot close on 2026-10-03, before service S1 started on "
                       "2026-10-05",
                       Error);
  r.date = "2026-09-20";
  CHECK_THROWS_WITH_AS(close_client(edit, r),
                       "date: the case cannot close on 2026-09-20, before service S1 started on "
                       "2026-10-05",
                       Error);
  r.date = "2026-10-05";
  CHECK(close_client(edit, r) == std::vector<std::string>{"goal G1", "service S1"});
}

TEST_CASE("close without a decision on the releases in force refuses, naming both options") {
  TempFolder tmp;
  CaseFolder folder = folder_with_plan(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  CloseRequest r = request("2026-11-20");
  r.end_all = true;
  CHECK_THROWS_WITH_AS(
      close_client(edit, r),
      "the release with Learning Center is in force: say whether it ends with the case", Error);
  r.ask_releases = [](const std::vector<std::string>& partners) {
    CHECK(partners == std::vector<std::string>{"Learning Center"});
    return std::optional<bool>(true);
  };
  CHECK(close_client(edit, r) == std::vector<std::string>{"goal G1", "service S1"});
}

TEST_CASE("close ends goals, services and releases on the closure date, with follow-ups") {
  TempFolder tmp;
  CaseFolder folder = folder_with_plan(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  CloseRequest r = request("2026-11-20");
  r.end_all = true;
  r.end_releases = true;
  r.exit_plan = "Calls the new program.";
  r.follow_up_months = {3, 12};
  close_client(edit, r);
  edit.save();
  std::string plan = tmp.read("clients/ana-ruiz/plan.yaml");
  CHECK(plan.find("# the plan") == 0);
  CHECK(plan.find("status: discontinued\n    status_date: 2026-11-20") != std::string::npos);
  CHECK(plan.find("status: completed\n    end: 2026-11-20") != std::string::npos);
  std::string client = tmp.read("clients/ana-ruiz/client.yaml");
  CHECK(client.find("expires: 2026-11-20") != std::string::npos);
  CHECK(client.find("releases: ended") != std::string::npos);
  CHECK(client.find("- due: 2027-02-20") != std::string::npos);
  CHECK(client.find("- due: 2027-11-20") != std::string::npos);
  CHECK(client.find("exit_plan: Calls the new program.") != std::string::npos);
}

TEST_CASE("close refuses a date before the opening") {
  TempFolder tmp;
  CaseFolder folder = folder_with_plan(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  CloseRequest r = request("2026-08-01");
  CHECK_THROWS_WITH_AS(close_client(edit, r),
                       "date: the case cannot close on 2026-08-01, before it opened on 2026-09-01",
                       Error);
}
