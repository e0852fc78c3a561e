// note/emergent-need-impact (src/check/rules_note_emergent.cpp) on emergent
// needs as case workers write them up, starting from the exemplary record.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kRule = "note/emergent-need-impact";
const char* const kCall = "notes/2026-11-21-1000-phone.yaml";

// A phone call of 2026-11-21 about a new need: an eviction notice. It names
// no goal and says nothing of what the client cannot do; each test adds
// what a worker would write.
void eviction_call(Record& record, const std::string& date = "2026-11-21") {
  record.write(kCall, "date: " + date + "\n" +
                          "time: \"10:00\"\n"
                          "written: " +
                          date + "\n" +
                          "author: Alicia Moreno\n"
                          "contact: phone\n"
                          "location: Phone call; Marcus at his sister's apartment\n"
                          "event: emergent-need\n"
                          "needs:\n"
                          "  - N3\n"
                          "strengths: >-\n"
                          "  Marcus called me himself the day the notice came.\n"
                          "objective: >-\n"
                          "  Marcus said his landlord gave him an eviction notice on 2026-11-18.\n"
                          "assessment: >-\n"
                          "  Marcus sounded worried about the notice.\n"
                          "data: >-\n"
                          "  Court date on the notice: 2026-12-09.\n"
                          "plan:\n"
                          "  - step: Call Homebase with Marcus\n"
                          "    by: 2026-11-24\n"
                          "    who: Alicia Moreno\n"
                          "client_steps:\n"
                          "  - Sent me a photo of the notice.\n"
                          "worker_steps:\n"
                          "  - Looked up the Homebase office near him.\n");
}

int found(const Record& record) {
  return static_cast<int>(record.findings().count(kRule));
}

bool says(const Diagnostic& d, const char* text) {
  return d.message.find(text) != std::string::npos;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule note/emergent-need-impact: the note ties the need to a goal, and says how") {
    Record record;
    eviction_call(record);
    CHECK(found(record) == 1);
    CHECK(says(record.finding(kRule), "which goal it gets in the way of, nor how"));
    SUBCASE("a goal in goals: and the impact in the assessment") {
      record.replace(kCall, "needs:\n", "goals:\n  - G1\nneeds:\n");
      CHECK(says(record.finding(kRule), "how it gets in the way of G1"));
      record.replace(kCall, "worried about the notice.",
                     "worried about the notice; he missed Monday's class to go to housing court.");
      CHECK(found(record) == 0);
    }
    SUBCASE("the goal's id in the prose and the impact in the data") {
      record.replace(kCall, "Court date on the notice: 2026-12-09.",
                     "Court date on the notice: 2026-12-09, a G2 workshop day he can't attend.");
      CHECK(found(record) == 0);
    }
    SUBCASE("the goal in its own words, the impact in other wordings") {
      for (const char* impact :
           {"He is unable to study for the HSE test while he looks for a room.",
            "He fell behind on his HSE classes this week.",
            "The move puts his HSE classes at risk.",
            "Packing kept him from his HSE classes on Monday and Wednesday.",
            "He has not been able to get to his HSE class since the notice came.",
            "Marcus skipped two HSE classes this week after the notice.",
            "Marcus was absent from HSE class twice after the notice.",
            "Marcus has to postpone his HSE tests until he finds a room.",
            "The notice is stopping Marcus from going to HSE class.",
            "Marcus paused his HSE classes while he looks for a room.",
            "Marcus didn't go to HSE class this week because of the notice."}) {
        CAPTURE(impact);
        Record each;
        eviction_call(each);
        each.replace(kCall, "Marcus sounded worried about the notice.", impact);
        CHECK(found(each) == 0);
      }
    }
    SUBCASE("the goal's words in the singular (the statement says \"classes\")") {
      record.replace(kCall, "Marcus sounded worried about the notice.",
                     "He missed his Monday class to go to housing court.");
      CHECK(found(record) == 0);
    }
    SUBCASE("the goal's number in words") {
      record.replace(kCall, "Marcus sounded worried about the notice.",
                     "The move puts goal 3 at risk.");
      CHECK(found(record) == 0);
    }
    SUBCASE("a long-term goal's id counts as the goal") {
      record.replace(kCall, "worried about the notice.",
                     "worried that moving far from Julissa puts L2 at risk.");
      CHECK(found(record) == 0);
    }
    SUBCASE("near-miss: an impact on nothing the plan aims at") {
      record.replace(kCall, "worried about the notice.",
                     "worried; he can't sleep and missed a doctor's appointment.");
      CHECK(says(record.finding(kRule), "which goal it gets in the way of"));
      CHECK_FALSE(says(record.finding(kRule), "nor how"));
    }
    SUBCASE("near-miss: the client's name is no goal") {
      record.replace(kCall, "worried about the notice.",
                     "worried; Marcus Jones can't sleep since the notice came.");
      CHECK(found(record) == 1);
    }
  }

  TEST_CASE("rule note/emergent-need-impact: no goal to name yet, nothing to say") {
    SUBCASE("a note written before the plan (2026-09-24)") {
      Record record;
      eviction_call(record, "2026-09-15");
      CHECK(found(record) == 0);
    }
    SUBCASE("a client without a plan") {
      Record record;
      eviction_call(record);
      std::filesystem::remove(record.path(kPlan));
      for (const char* note :
           {"notes/2026-09-24-1400-in-person.yaml", "notes/2026-10-07-1100-in-person.yaml",
            "notes/2026-10-29-1530-phone.yaml", kNote})
        std::filesystem::remove(record.path(note));
      CHECK(found(record) == 0);
    }
    SUBCASE("a note that is not of an emergent need") {
      Record record;
      eviction_call(record);
      record.replace(kCall, "event: emergent-need", "event: life-event");
      CHECK(found(record) == 0);
    }
  }
}
