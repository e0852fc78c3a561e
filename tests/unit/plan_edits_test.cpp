// The plan's refusals name the input fields they refuse, not options: the
// language server and the tests read them in words, the command line
// names each by its option (field_flags_test).
#include "edit/plan_edits.hpp"

#include <doctest/doctest.h>

#include "folder_with_client.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

// The refusal `change` throws, with its fields.
Error refusal(const std::function<void()>& change) {
  try {
    change();
  } catch (const Error& e) {
    return e;
  }
  FAIL("not refused");
  return Error("");
}

}  // namespace

TEST_CASE("a date that is not real is refused with the field it came from") {
  Error e = refusal([] { require_date("2026-13-01", "target_date"); });
  CHECK(std::string(e.what()) == "target date: '2026-13-01' is not a real date");
  CHECK(e.fields() == std::vector<std::string>{"target_date"});
}

TEST_CASE("a goal's refusals name its fields, and nothing is added") {
  TempFolder tmp;
  CaseFolder folder = testing::folder_with_client(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  GoalInput goal;
  goal.statement = "Ana will read";
  goal.baseline = "ten";
  Error e = refusal([&] { add_goal(edit, goal); });
  CHECK(std::string(e.what()) == "baseline should be a number, not 'ten'");
  CHECK(e.hint() == "put the unit in unit, like unit %");
  CHECK(e.fields() == std::vector<std::string>{"baseline", "unit"});
  goal.baseline.reset();
  goal.target_date = "2026-02-30";
  CHECK(refusal([&] { add_goal(edit, goal); }).fields() == std::vector<std::string>{"target_date"});
  CHECK(edit.save().empty());
}

TEST_CASE("a need without a description and a referral without a release name their fields") {
  TempFolder tmp;
  CaseFolder folder = testing::folder_with_client(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  Error need = refusal([&] { add_need(edit, {}); });
  CHECK(need.hint() == "add description TEXT");
  CHECK(need.fields() == std::vector<std::string>{"description"});
  ReferralInput referral;
  referral.to = "Bronx Learning Center";
  referral.release = "Bronx Learning Center";
  Error release = refusal([&] { add_referral(edit, referral); });
  CHECK(std::string(release.what()) ==
        "release: no signed release of information for 'Bronx Learning Center' is recorded");
  CHECK(release.fields() == std::vector<std::string>{"release"});
}
