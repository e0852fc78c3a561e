#include "views/quality.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

Date d(const char* text) {
  return *Date::parse(text);
}

Note note_on(const char* date, const char* written) {
  Note n;
  n.date = d(date);
  n.contact = "in-person";
  n.written = d(written);
  return n;
}

Review review_on(const char* date, std::vector<ReviewMark> marks) {
  Review r;
  r.date = date;
  r.checklist = "isp-short-term-goal";
  r.goal = "G1";
  r.marks = std::move(marks);
  return r;
}

}  // namespace

TEST_CASE("quality: by month per case manager, with the changes between two reviews") {
  ClientRecord record;
  record.client.id = "ana-ruiz";
  record.client.case_manager = "Alicia Moreno";
  record.notes = {note_on("2026-10-02", "2026-10-02"), note_on("2026-10-10", "2026-10-20"),
                  note_on("2026-11-05", "2026-11-06")};
  record.plan.emplace();
  record.plan->created = d("2026-10-01");
  record.plan->client_signature.date = d("2026-11-02");
  record.plan->case_manager_signature.date = d("2026-10-01");
  QualityInput in{
      &record,
      {review_on("2026-10-15", {{"specific", "not-met", ""}, {"measurable", "met", ""}}),
       review_on("2026-11-20", {{"specific", "met", ""}, {"measurable", "met", ""}})},
      4,
      2};
  auto quality = quality_over_time({in}, d("2026-11-23"), 3);
  REQUIRE(quality.size() == 1);
  const CaseManagerQuality& q = quality[0];
  CHECK(q.case_manager == "Alicia Moreno");
  CHECK(q.findings == 4);
  REQUIRE(q.months.size() == 3);
  CHECK(q.months[0].month == "2026-09");
  CHECK(q.months[1].notes == 2);
  CHECK(q.months[1].notes_on_time == 1);
  CHECK(q.months[1].plans == 1);
  CHECK(q.months[1].plans_signed == 0);  // the client signed in November
  CHECK(q.months[2].plans_signed == 1);
  CHECK(q.months[2].end == d("2026-11-23"));
  CHECK(q.months[1].items_met == 1);
  CHECK(q.months[1].items_marked == 2);
  REQUIRE(q.changes.size() == 1);
  CHECK(q.changes[0].item == "specific");
  CHECK(q.changes[0].from == "not-met");
  CHECK(q.changes[0].to == "met");
  std::string text = render_quality_text(quality);
  CHECK(text.find("Alicia Moreno: 1 record, 4 findings now\n") != std::string::npos);
  CHECK(text.find("  2026-10            50%            0%        1        50%\n") !=
        std::string::npos);
  CHECK(text.find("2026-11-20 ana-ruiz goal G1: specific not-met -> met") != std::string::npos);
}

TEST_CASE("quality: nothing to print until there is a review") {
  ClientRecord record;
  record.client.case_manager = "Alicia Moreno";
  CHECK(render_quality_text(quality_over_time({{&record, {}, 0, 2}}, d("2026-11-23"))).empty());
  CHECK(percent(2, 3) == "67%");
  CHECK(percent(0, 0) == "-");
}
