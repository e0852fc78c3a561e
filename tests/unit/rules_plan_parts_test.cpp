// The parts of a plan (src/check/rules_plan_parts.cpp): long-term goals in
// the client's words, services tied to goals, the exit plan; on wordings
// and shapes a case worker writes, from the exemplary record
// (rule_record.hpp).
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kWords = "goal/client-words";
const char* const kTied = "plan/service-without-goal";
const char* const kExit = "plan/exit-plan";

// L1 without its client_words, with this statement.
void l1_says(Record& record, const char* statement) {
  record.remove(kPlan, {"long_term_goals", std::size_t{0}, "client_words"});
  record.set(kPlan, {"long_term_goals", std::size_t{0}, "statement"}, statement);
}

// A need N6 only the assessment has, and S4 for it alone.
void s4_for_n6(Record& record) {
  record.append(kClient, {"assessment", "needs"},
                open_need("N6", "employment", "Wants help finding a second, weekend job."));
  record.set(kPlan, {"services", S4, "needs"}, list_of({"N6"}));
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule goal/client-words: the client's words in the field or quoted") {
    SUBCASE("a placeholder is no words") {
      Record record;
      record.set(kPlan, {"long_term_goals", std::size_t{0}, "client_words"}, "TBD");
      CHECK(record.findings().count(kWords) == 1);
      CHECK(record.finding(kWords).subject.id == "L1");
    }
    SUBCASE("the worker's statement alone") {
      Record record;
      l1_says(record, "Marcus will go to college and become a computer repair technician.");
      CHECK(record.findings().count(kWords) == 1);
    }
    SUBCASE("a quotation in straight quotes") {
      Record record;
      l1_says(record, "Marcus will go to college: \"I want to fix computers for a living.\"");
      CHECK(record.findings().count(kWords) == 0);
    }
    SUBCASE("a quotation in curly quotes") {
      Record record;
      l1_says(record,
              "Marcus will go to college. In his words, \u201cI want to fix computers.\u201d");
      CHECK(record.findings().count(kWords) == 0);
    }
    SUBCASE("a quotation in single quotes") {
      Record record;
      l1_says(record, "Marcus says his goal is 'to go to college and fix computers'.");
      CHECK(record.findings().count(kWords) == 0);
    }
    SUBCASE("a statement in the client's first person") {
      for (const char* statement : {"I want to go to college and fix computers for a living.",
                                    "I'm going to be a computer technician.",
                                    "My goal is to fix computers for a living."}) {
        Record record;
        l1_says(record, statement);
        CAPTURE(statement);
        CHECK(record.findings().count(kWords) == 0);
      }
    }
    SUBCASE("\"Improve\" or the program's \"We will\" is not the client speaking") {
      Record record;
      l1_says(record, "Improve his life by going to college.");
      CHECK(record.findings().count(kWords) == 1);
      Record program;
      l1_says(program, "We will help Marcus get into college.");
      CHECK(program.findings().count(kWords) == 1);
    }
    SUBCASE("a scare-quoted word is not the client's words") {
      Record record;
      l1_says(record, "Marcus will get a \"real\" job and go to college.");
      CHECK(record.findings().count(kWords) == 1);
    }
    SUBCASE("a program's name in quotes is not the client's words") {
      Record record;
      l1_says(record,
              "Marcus will finish the \"Pathways to Work Readiness\" program and go to "
              "college.");
      CHECK(record.findings().count(kWords) == 1);
    }
    SUBCASE("a quotation introduced as said, in the third person") {
      Record record;
      l1_says(record,
              "Marcus will go to college; he said he wants \"to fix computers for a "
              "living\".");
      CHECK(record.findings().count(kWords) == 0);
    }
    SUBCASE("the client's words quoted, as a worker writes them") {
      for (const char* statement :
           {"Marcus wants to \"fix computers for a living.\"",
            "Marcus will become a computer technician (\"fix computers for a living\").",
            "Marcus will go to college. In his words, I want to fix computers.",
            "Marcus will go to college; in his words: I'll fix computers for a living."}) {
        CAPTURE(statement);
        Record record;
        l1_says(record, statement);
        CHECK(record.findings().count(kWords) == 0);
      }
    }
    SUBCASE("a title in quotes or a Roman numeral is no one speaking") {
      for (const char* statement :
           {"Marcus will complete \"Back on Track to College\" and become a technician.",
            "Marcus will pass CompTIA A+ Part I and become a computer technician.",
            "Marcus will become an IT technician."}) {
        CAPTURE(statement);
        Record record;
        l1_says(record, statement);
        CHECK(record.findings().count(kWords) == 1);
      }
    }
    SUBCASE("apostrophes open no quotation") {
      Record record;
      l1_says(record, "Marcus's plan is to go to his sisters' college and be a technician's aide.");
      CHECK(record.findings().count(kWords) == 1);
    }
  }

  TEST_CASE("rule plan/service-without-goal: a goal named, or a goal's need") {
    SUBCASE("goals: names the goal") {
      Record record;
      s4_for_n6(record);
      CHECK(record.findings().count(kTied) == 0);  // S4 still names G2
    }
    SUBCASE("a need only the assessment has ties it to no goal") {
      Record record;
      s4_for_n6(record);
      record.remove(kPlan, {"services", S4, "goals"});
      CHECK(record.findings().count(kTied) == 1);
      CHECK(record.finding(kTied).message.find("(N6)") != std::string::npos);
    }
    SUBCASE("a need a short-term goal works on ties it to that goal") {
      Record record;
      record.remove(kPlan, {"services", S4, "goals"});  // S4's need N2 is G2's
      CHECK(record.findings().count(kTied) == 0);
    }
    SUBCASE("the goal with that need is discontinued") {
      Record record;
      s4_for_n6(record);
      record.remove(kPlan, {"services", S4, "goals"});
      record.append(kPlan, {"short_term_goals", G3, "needs"}, YamlNode::scalar("N6"));
      CHECK(record.findings().count(kTied) == 0);
      record.set(kPlan, {"short_term_goals", G3, "status"}, "discontinued");
      CHECK(record.findings().count(kTied) == 2);  // S4, and S5, which helps only G3
    }
    SUBCASE("a service naming only a discontinued goal") {
      Record record;
      record.set(kPlan, {"short_term_goals", G3, "status"}, "discontinued");
      // S5 names G3 only, for N5, which only G3 works on.
      CHECK(record.finding(kTied).message == "service S5 helps only discontinued goals (G3)");
    }
    SUBCASE("a discontinued service helps no goal and is not asked to") {
      Record record;
      s4_for_n6(record);
      record.remove(kPlan, {"services", S4, "goals"});
      record.set(kPlan, {"services", S4, "status"}, "discontinued");
      CHECK(record.findings().count(kTied) == 0);
    }
  }

  TEST_CASE("rule plan/exit-plan: by the first review, and when the case is closed") {
    SUBCASE("before the first review it can wait") {
      Record record;
      record.remove(kPlan, {"exit_plan"});
      CHECK(record.findings().count(kExit) == 0);  // written 2026-09-24, review 2026-12-21
    }
    SUBCASE("once the review interval has passed") {
      Record record;
      record.remove(kPlan, {"exit_plan"});
      record.remove(kPlan, {"next_review"});
      record.as_of("2026-12-23");  // 90 days after 2026-09-24
      CHECK(record.findings().count(kExit) == 1);
      CHECK(record.finding(kExit).message.find("due on 2026-12-23") != std::string::npos);
    }
    SUBCASE("a first review set sooner than the interval") {
      Record record;
      record.remove(kPlan, {"exit_plan"});
      record.set(kPlan, {"next_review"}, "2026-11-20");
      CHECK(record.findings().count(kExit) == 1);
      CHECK(record.finding(kExit).message.find("due on 2026-11-20") != std::string::npos);
    }
    SUBCASE("a placeholder is no exit plan") {
      for (const char* placeholder : {"TBD", "n/a", "To be determined.", "  ?  "}) {
        Record record;
        record.set(kPlan, {"exit_plan"}, placeholder);
        record.as_of("2027-01-04");
        CAPTURE(placeholder);
        CHECK(record.findings().count(kExit) == 1);
      }
    }
    SUBCASE("a short exit plan is one") {
      Record record;
      record.set(kPlan, {"exit_plan"}, "Exit after 90 days in a job; follow-up call a month on.");
      record.as_of("2027-01-04");
      CHECK(record.findings().count(kExit) == 0);
    }
    SUBCASE("a closed case") {
      Record record;
      record.remove(kPlan, {"exit_plan"});
      record.set(kClient, {"status"}, "closed");
      CHECK(record.findings().count(kExit) == 1);
      CHECK(record.finding(kExit).message.find("closed") != std::string::npos);
    }
    SUBCASE("a closed case whose closure has the exit plan (casekit close --exit-plan)") {
      Record record;
      record.remove(kPlan, {"exit_plan"});
      record.set(kClient, {"status"}, "closed");
      record.set(kClient, {"closure", "exit_plan"},
                 "Marcus calls the Fresno program on Monday; his aunt drives him.");
      CHECK(record.findings().count(kExit) == 0);
      record.set(kClient, {"closure", "exit_plan"}, "TBD");
      CHECK(record.findings().count(kExit) == 1);
    }
  }

  // A closed case's plan is over: the rules that ask to add to it or sign
  // it again are silent; an open case's same plan still gets them.
  TEST_CASE("rules of a plan in effect: silent once the case is closed") {
    auto end_everything = [](Record& record) {
      for (std::size_t g = 0; g < 3; ++g)
        record.set(kPlan, {"short_term_goals", g, "status"}, "discontinued");
      for (std::size_t s = 0; s < 5; ++s) record.set(kPlan, {"services", s, "status"}, "completed");
      record.set(kPlan, {"referrals"}, YamlNode::sequence());
      // As closing does when it drops a planned start: the plan is not
      // what the client signed.
      record.set(kPlan, {"signatures", "client", "digest"},
                 "sha256:0000000000000000000000000000000000000000000000000000000000000000");
    };
    Record open;
    end_everything(open);
    std::multiset<std::string> found = open.findings();
    CHECK(found.count("plan/short-term-goal") == 1);
    CHECK(found.count("plan/need-not-addressed") > 0);
    CHECK(found.count("plan/changed-after-signature") > 0);
    Record closed;
    end_everything(closed);
    closed.set(kClient, {"status"}, "closed");
    found = closed.findings();
    CHECK(found.count("plan/short-term-goal") == 0);
    CHECK(found.count("plan/need-not-addressed") == 0);
    CHECK(found.count("plan/changed-after-signature") == 0);
    CHECK(found.count("case/closure") > 0);  // the needs still open, the closure block missing
  }
}
