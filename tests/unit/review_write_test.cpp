#include "edit/review_write.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>

#include "record/load.hpp"
#include "record/review.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

const fs::path kCaseload = fs::path(CASEKIT_SOURCE_DIR) / "examples" / "caseload";
const std::string kReviews = "clients/marcus-jones/reviews/";

CaseFolder copy_of_caseload(const TempFolder& tmp) {
  fs::copy(kCaseload, tmp.path(), fs::copy_options::recursive);
  return CaseFolder(tmp.path(), real_file_system());
}

std::string goal_review(const std::string& goal = "G1", const std::string& date = "2026-11-23") {
  return "reviewer: Ruth Adler\ndate: " + date + "\nchecklist: isp-short-term-goal\ngoal: " + goal +
         "\nmarks:\n  specific:\n    mark: met\n";
}

std::string error_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

struct Today {
  Today() { ::setenv("CASEKIT_TODAY", "2026-11-23", 1); }
  ~Today() { ::unsetenv("CASEKIT_TODAY"); }
};

}  // namespace

TEST_CASE("review_write: reviews of the same goal on one day get -2; the record loads them") {
  Today today;
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  fs::path first = add_review(folder, "marcus-jones", goal_review(), "options");
  fs::path second = add_review(folder, "marcus-jones", goal_review(), "options");
  CHECK(first.filename() == "2026-11-23-isp-short-term-goal-G1.yaml");
  CHECK(second.filename() == "2026-11-23-isp-short-term-goal-G1-2.yaml");
  CHECK(tmp.read(kReviews + first.filename().string()) == goal_review());
  LoadedRecord loaded = load_record(folder, "marcus-jones");
  CHECK(loaded.valid());
  CHECK(loaded.files.reviews.size() == 2);
}

TEST_CASE("review_write: a review of a goal the plan lacks, or dated ahead, writes nothing") {
  Today today;
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  CHECK(error_of([&] { add_review(folder, "marcus-jones", goal_review("G9"), "options"); }) ==
        "nothing was changed: fix the problems above, then run the command again");
  CHECK(error_of([&] {
          add_review(folder, "marcus-jones", goal_review("G1", "2026-11-24"), "options");
        }) == "the review is dated 2026-11-24, after today (2026-11-23)");
  CHECK_FALSE(fs::exists(tmp / kReviews));
}

TEST_CASE("review_write: ack records who and when once; the case manager by default") {
  Today today;
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  fs::path path = add_review(folder, "marcus-jones", goal_review("G1", "2026-11-20"), "options");
  std::string name = path.filename().string();
  CHECK(error_of([&] {
          acknowledge_review(folder, "marcus-jones", "2026-11-20-isp-short-term-goal-G2", "",
                             "2026-11-23");
        }) == "marcus-jones has no coaching review 2026-11-20-isp-short-term-goal-G2.yaml");
  CHECK(error_of([&] { acknowledge_review(folder, "marcus-jones", name, "", "2026-11-19"); }) ==
        "date: 2026-11-19 is before the review (2026-11-20)");
  acknowledge_review(folder, "marcus-jones", name.substr(0, name.size() - 5), "", "2026-11-23");
  std::string text = tmp.read(kReviews + name);
  CHECK(text == goal_review("G1", "2026-11-20") +
                    "acknowledged:\n  by: Alicia Moreno\n  date: 2026-11-23\n");
  CHECK(error_of([&] { acknowledge_review(folder, "marcus-jones", name, "X", "2026-11-23"); }) ==
        "this review was acknowledged already, on 2026-11-23 by Alicia Moreno");
  CHECK(tmp.read(kReviews + name) == text);
}
