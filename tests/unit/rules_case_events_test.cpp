// case/employment-note (src/check/rules_case_events.cpp): a hire, shown by
// an achieved job goal, is told in a note within a week. Marcus's G2 (a job
// of 20 hours a week, "Enters employment") is set achieved on 2026-11-10;
// his notes are of 2026-10-29 and 2026-11-20, both more than a week away.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kRule = "case/employment-note";
constexpr std::size_t G2 = 1;

int found(const Record& record) {
  return static_cast<int>(record.findings().count(kRule));
}

void hired_on(Record& record, const char* day) {
  record.set(kPlan, {"short_term_goals", G2, "status"}, "achieved");
  record.set(kPlan, {"short_term_goals", G2, "status_date"}, day);
}

// A collateral call on `day` about something else: no goal, no hire.
std::string collateral_call(Record& record, const std::string& day) {
  std::string file = record.add_note(day);
  record.replace(file, "contact: in-person", "contact: collateral");
  record.remove(file, {"goals"});
  record.remove(file, {"measures"});
  record.set(file, {"objective"}, "Called the clothing closet to ask about winter coats.");
  record.set(file, {"assessment"}, "They have coats in his size until Friday.");
  record.set(file, {"data"}, "Closet hours: 10 a.m. to 2 p.m.");
  record.set(file, {"strengths"}, "Marcus had told me his size ahead of time.");
  return file;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule case/employment-note: a hire is told in a note within a week") {
    Record record;
    hired_on(record, "2026-11-10");
    CHECK(found(record) == 1);
    CHECK(record.finding(kRule).message.find("goal G2 (a job) was achieved on 2026-11-10") !=
          std::string::npos);
    SUBCASE("a note about the goal") {
      record.add_note("2026-11-12");  // goals: [G1, G2, G3]
      CHECK(found(record) == 0);
    }
    SUBCASE("a note marked as an employment change") {
      std::string file = collateral_call(record, "2026-11-16");
      CHECK(found(record) == 1);
      record.set(file, {"event"}, "employment-change");
      CHECK(found(record) == 0);
    }
    SUBCASE("a note that says so, in other words") {
      for (const char* words : {"Marcus was hired at the Best Buy on Bruckner Boulevard.",
                                "He accepted a job offer from a computer repair shop.",
                                "He started work at the Parkchester library on Monday.",
                                "Marcus is now employed at Best Buy, 25 hours a week.",
                                "He is employed by Best Buy as a Geek Squad agent.",
                                "Marcus began working at Best Buy on Monday.",
                                "Marcus is working at Best Buy as of 11/9, 25 hrs/wk.",
                                "Marcus accepted the position at Best Buy.",
                                "He was offered a part-time position at Best Buy and said yes.",
                                "Marcus landed a job at Best Buy."}) {
        CAPTURE(words);
        Record each;
        hired_on(each, "2026-11-10");
        std::string file = collateral_call(each, "2026-11-04");
        each.set(file, {"objective"}, words);
        CHECK(found(each) == 0);
      }
    }
    SUBCASE("near-miss: a note of that week about something else") {
      collateral_call(record, "2026-11-11");
      CHECK(found(record) == 1);
    }
    SUBCASE("near-miss: a job still looked for") {
      for (const char* words : {"Marcus is not employed yet and keeps applying.",
                                "He is working on his applications at the library."}) {
        CAPTURE(words);
        Record each;
        hired_on(each, "2026-11-10");
        std::string file = collateral_call(each, "2026-11-11");
        each.set(file, {"objective"}, words);
        CHECK(found(each) == 1);
      }
    }
    SUBCASE("near-miss: the note a week and more after") {
      record.add_note("2026-11-18");
      CHECK(found(record) == 1);
    }
    SUBCASE("the week after the hire is not over yet") {
      record.as_of("2026-11-17");
      CHECK(found(record) == 0);
    }
  }

  TEST_CASE("rule case/employment-note: only a goal of getting a job is a hire") {
    Record record;
    record.set(kPlan, {"short_term_goals", G1, "status"}, "achieved");  // the HSE
    record.set(kPlan, {"short_term_goals", G1, "status_date"}, "2026-11-10");
    CHECK(found(record) == 0);
    // Without its program outcome, G2's statement says "get a job".
    record.remove(kPlan, {"short_term_goals", G2, "program_outcome"});
    hired_on(record, "2026-11-10");
    CHECK(found(record) == 1);
  }
}
