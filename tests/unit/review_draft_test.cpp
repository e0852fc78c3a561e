#include "check/review_draft.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

const fs::path kCaseload = fs::path(CASEKIT_SOURCE_DIR) / "examples" / "caseload";

const ReviewMark& mark_of(const Review& r, const std::string& item) {
  for (const auto& m : r.marks)
    if (m.item == item) return m;
  FAIL("no mark for " << item);
  return r.marks.front();
}

}  // namespace

TEST_CASE("review_draft: check's findings fill the goal's marks; the supervisor's own win") {
  TempFolder tmp;
  fs::copy(kCaseload, tmp.path(), fs::copy_options::recursive);
  CaseFolder folder(tmp.path(), real_file_system());
  ReviewRequest request{"isp-short-term-goal", "G2", "", "Ruth Adler", "2026-11-23", "", "", {}};
  Review r = draft_review(folder, "jasmine-rivera", request);
  CHECK(r.case_manager == "Darnell Price");
  REQUIRE(r.marks.size() == 10);
  CHECK(mark_of(r, "time-framed").mark == "not-met");
  CHECK(mark_of(r, "time-framed").comment == "short-term goal G2 has no target date");
  CHECK(mark_of(r, "specific").mark == "met");
  CHECK(mark_of(r, "achievable").mark == "unmarked");
  request.marks = {"time-framed=met", "achievable=n/a"};
  Review own = draft_review(folder, "jasmine-rivera", request);
  CHECK(mark_of(own, "time-framed").mark == "met");
  CHECK(mark_of(own, "time-framed").comment.empty());
  CHECK(mark_of(own, "achievable").mark == "n/a");
  request.marks = {"timeframed=met"};
  CHECK_THROWS_WITH(draft_review(folder, "jasmine-rivera", request),
                    "mark: isp-short-term-goal has no item 'timeframed'");
  request = {"progress-note", "", "2026-11-04-1630-in-person.yaml", "R", "2026-11-01", "", "", {}};
  CHECK_THROWS_WITH(draft_review(folder, "jasmine-rivera", request),
                    "note: the note of 2026-11-04 is after the review (2026-11-01)");
}
