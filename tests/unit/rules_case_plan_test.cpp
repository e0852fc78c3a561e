// case/plan-narrated (src/check/rules_case_plan.cpp): the plan's writing
// and each review are told in a note of those days, starting from the
// exemplary record (plan written 2026-09-24, told in the note of that day).
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kRule = "case/plan-narrated";
const char* const kPlanMeeting = "notes/2026-09-24-1400-in-person.yaml";

int found(const Record& record) {
  return static_cast<int>(record.findings().count(kRule));
}

bool says(const Diagnostic& d, const char* text) {
  return d.message.find(text) != std::string::npos;
}

// A collateral call on `day` about something else: no plan, no goal.
std::string collateral_call(Record& record, const std::string& day) {
  std::string file = record.add_note(day);
  record.replace(file, "contact: in-person", "contact: collateral");
  record.remove(file, {"goals"});
  record.set(file, {"objective"}, "Called the clothing closet to ask about winter coats.");
  record.set(file, {"assessment"}, "They have coats in his size until Friday.");
  record.set(file, {"data"}, "Closet hours: 10 a.m. to 2 p.m.");
  record.set(file, {"strengths"}, "Marcus had told me his size ahead of time.");
  record.remove(file, {"plan"});
  record.remove(file, {"client_steps"});
  record.remove(file, {"worker_steps"});
  return file;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule case/plan-narrated: a note of the day tells of the plan written") {
    Record record;
    CHECK(found(record) == 0);
    std::filesystem::remove(record.path(kPlanMeeting));
    CHECK(found(record) == 1);
    CHECK(says(record.finding(kRule), "the plan was written on 2026-09-24"));
  }

  TEST_CASE("rule case/plan-narrated: a note of the review tells of the plan") {
    Record record;
    record.set(kPlan, {"reviewed"}, "2026-11-10");
    Diagnostic d = record.finding(kRule);
    CHECK(says(d, "the plan was reviewed on 2026-11-10"));
    CHECK(d.severity == Severity::info);  // the dycd profile
    SUBCASE("a note that names the plan") {
      std::string file = collateral_call(record, "2026-11-10");
      CHECK(found(record) == 1);
      record.replace(file, "winter coats.", "winter coats, as agreed in his service plan review.");
      CHECK(found(record) == 0);
    }
    SUBCASE("other names of the plan") {
      for (const char* words :
           {"Went over the ISP with him.", "Updated the case plan together.",
            "He read the plan aloud and agreed.", "Goal-setting session with Marcus.",
            "Developed the service agreement with Marcus; he signed.",
            "Completed the IEP with him."}) {
        CAPTURE(words);
        Record each;
        each.set(kPlan, {"reviewed"}, "2026-11-10");
        std::string file = collateral_call(each, "2026-11-11");
        each.set(file, {"objective"}, words);
        CHECK(found(each) == 0);
      }
    }
    SUBCASE("a note of those days listing the goals") {
      std::string file = record.add_note("2026-11-12");
      CHECK(found(record) == 0);
    }
    SUBCASE("near-miss: a safety plan is not the case plan") {
      std::string file = collateral_call(record, "2026-11-10");
      record.set(file, {"objective"}, "Went over his safety plan for the walk home.");
      CHECK(found(record) == 1);
    }
    SUBCASE("near-miss: a note of the plan a week later") {
      record.add_note("2026-11-17");
      CHECK(found(record) == 1);
    }
    SUBCASE("the note deadline has not passed yet") {
      record.as_of("2026-11-12");
      CHECK(found(record) == 0);
    }
    SUBCASE("a warning in the oregon-jobs profile") {
      record.set(kClient, {"profile"}, "oregon-jobs");
      CHECK(record.finding(kRule).severity == Severity::warning);
    }
  }

  TEST_CASE("rule case/plan-narrated: an unsigned plan, and the note says it was explained") {
    Record record;
    record.remove(kPlan, {"signatures", "client", "date"});
    record.set(kPlan, {"signatures", "client", "declined"},
               "Wants to talk the job goal over with his mother first.");
    record.replace(kPlanMeeting, "read the plan aloud, and signed it.",
                   "read the plan aloud, and did not sign it yet.");
    CHECK(says(record.finding(kRule), "the client did not sign the plan"));
    for (const char* told : {"I explained that the plan is in effect all the same.",
                             "We went over each goal again and he agreed to start.",
                             "I walked him through the plan a second time.",
                             "I answered his questions about the job goal.",
                             "I explained the service plan to him again.",
                             "We went over the case plan and the goals once more.",
                             "Reviewed the ISP with him line by line."}) {
      CAPTURE(told);
      Record each;
      each.remove(kPlan, {"signatures", "client", "date"});
      each.set(kPlan, {"signatures", "client", "declined"}, "Wants to ask his mother first.");
      each.replace(kPlanMeeting, "read the plan aloud, and signed it.",
                   std::string("read the plan aloud, and did not sign it yet. ") + told);
      CHECK(found(each) == 0);
    }
    SUBCASE("near-miss: went over something else") {
      CHECK(record.read(kPlanMeeting).find("We went over the assessment") != std::string::npos);
      CHECK(found(record) == 1);
    }
    SUBCASE("near-miss: the explanation a week later") {
      std::string file = collateral_call(record, "2026-10-01");
      record.set(file, {"objective"}, "Called Marcus; I explained the plan again.");
      CHECK(found(record) == 1);
    }
  }
}
