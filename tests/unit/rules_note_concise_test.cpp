// note/concise (src/check/rules_note_concise.cpp) on the latest note of
// the exemplary record: sections that repeat each other, or run on.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kObjective =
    "Met with Marcus for 45 minutes at the program office. He has completed two of three mock "
    "interviews and submitted six job applications, two of them for computer support jobs.";

std::string words(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += (i ? " " : "") + std::string("applied");
  return text;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule note/concise: a section that repeats another") {
    SUBCASE("the assessment copies the objective") {
      Record record;
      record.set(kNote, {"objective"}, kObjective);
      record.set(kNote, {"assessment"}, kObjective);
      CHECK(record.rules() == "note/concise");
      CHECK(record.finding("note/concise").message ==
            "the note's assessment repeats its objective word for word");
    }
    SUBCASE("the data copies the strengths, in other capitals and line breaks") {
      Record record;
      record.set(kNote, {"strengths"}, kObjective);
      std::string shouted = kObjective;
      shouted.replace(0, 15, "MET WITH MARCUS\n  ");
      record.set(kNote, {"data"}, shouted.c_str());
      CHECK(record.rules() == "note/concise");
    }
    SUBCASE("near-miss: two short sections may agree") {
      Record record;
      record.set(kNote, {"strengths"}, "None noted today.");
      record.set(kNote, {"data"}, "None noted today.");
      CHECK(record.rules() == "(none)");
    }
    SUBCASE("near-miss: the same opening, then different") {
      Record record;
      record.set(kNote, {"objective"}, kObjective);
      record.set(kNote, {"assessment"},
                 (std::string(kObjective) + " He is on track for G2.").c_str());
      CHECK(record.rules() == "(none)");
    }
  }

  TEST_CASE("rule note/concise: a section that runs on") {
    Record record;
    record.set(kNote, {"data"}, words(401).c_str());
    CHECK(record.rules() == "note/concise");
    CHECK(record.finding("note/concise").message == "the note's data runs to 401 words");
    record.set(kNote, {"data"}, words(400).c_str());
    CHECK(record.rules() == "(none)");
  }
}  // TEST_SUITE("rules")
