#include "check/review_marks.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

Diagnostic found(const std::string& rule, const std::string& file, Subject subject,
                 const std::string& message) {
  Diagnostic d;
  d.rule = rule;
  d.location = {file, 3, 1};
  d.subject = std::move(subject);
  d.message = message;
  return d;
}

const ReviewMark& mark_of(const std::vector<ReviewMark>& marks, const std::string& item) {
  for (const auto& m : marks)
    if (m.item == item) return m;
  FAIL("no mark for " << item);
  return marks.front();
}

}  // namespace

TEST_CASE("review_marks: a goal's findings make its items not-met; another goal's do not") {
  ClientReport report{"marcus-jones", {}};
  report.rules_run = {"goal/specific", "goal/measurable", "goal/time-framed", "goal/methods"};
  report.findings = {
      found("goal/measurable", "clients/m/plan.yaml", {SubjectKind::goal, "G1"}, "G1: no measure"),
      found("goal/methods", "clients/m/plan.yaml", {SubjectKind::goal, "G2"}, "G2: no methods")};
  Review review;
  review.checklist = "isp-short-term-goal";
  review.goal = "G1";
  auto marks = prefill_marks(*find_coaching_checklist("isp-short-term-goal"), report, review);
  REQUIRE(marks.size() == 10);
  CHECK(marks[0].item == "specific");
  CHECK(mark_of(marks, "specific").mark == "met");
  CHECK(mark_of(marks, "measurable").mark == "not-met");
  CHECK(mark_of(marks, "measurable").comment == "G1: no measure");
  CHECK(mark_of(marks, "methods").mark == "met");
  // Judgement items stay for the supervisor; so does an item no rule ran for.
  CHECK(mark_of(marks, "achievable").mark == "unmarked");
  CHECK(mark_of(marks, "achievable").comment.empty());
  CHECK(mark_of(marks, "milestones").mark == "unmarked");
  CHECK(mark_of(marks, "milestones").comment == "check had nothing to judge this item by");
}

TEST_CASE("review_marks: a note's review reads that note's findings alone, each message once") {
  ClientReport report{"marcus-jones", {}};
  report.rules_run = {"note/objective", "language/spelling", "language/grammar",
                      "assessment/whole-person"};
  const std::string note = "clients/m/notes/2026-11-20-1430-in-person.yaml";
  report.findings = {found("language/spelling", note, {}, "'recieved' is misspelled"),
                     found("language/spelling", note, {}, "'recieved' is misspelled"),
                     found("language/spelling", note, {}, "'teh' is misspelled"),
                     found("note/objective", "clients/m/notes/other.yaml", {}, "no account")};
  Review review;
  review.checklist = "progress-note";
  review.note = "2026-11-20-1430-in-person.yaml";
  auto marks = prefill_marks(*find_coaching_checklist("progress-note"), report, review);
  CHECK(mark_of(marks, "objective-account").mark == "met");
  CHECK(mark_of(marks, "grammar-spelling").mark == "not-met");
  CHECK(mark_of(marks, "grammar-spelling").comment ==
        "'recieved' is misspelled\n'teh' is misspelled");
}

TEST_CASE("review_marks: a judgement item keeps what check found as its comment, unmarked") {
  ClientReport report{"marcus-jones", {}};
  report.rules_run = {"assessment/whole-person"};
  report.findings = {
      found("assessment/whole-person", "clients/m/client.yaml", {}, "only the problem")};
  Review review;
  review.checklist = "initial-assessment";
  auto marks = prefill_marks(*find_coaching_checklist("initial-assessment"), report, review);
  CHECK(mark_of(marks, "whole-person").mark == "unmarked");
  CHECK(mark_of(marks, "whole-person").comment == "only the problem");
  CHECK(about_reviewed_part(report.findings[0], review));
}
