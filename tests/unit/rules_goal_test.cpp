// The short-term goal rules (src/check/rules_goal.cpp), each on wordings a
// case worker writes: the failing goal, the passing one, and the near miss
// that must stay silent. Each starts from Marcus Jones's exemplary record.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

// How often `rule` fires when G1's statement is `statement` (and, for
// goal/measurable, G1 has no `measure:`).
std::size_t with_statement(const char* rule, const char* statement, bool keep_measure = false) {
  Record r;
  if (!keep_measure) r.remove(kPlan, {"short_term_goals", G1, "measure"});
  r.set(kPlan, {"short_term_goals", G1, "statement"}, statement);
  return r.findings().count(rule);
}

// How often `rule` fires when G1's strengths_used is `strengths`.
std::size_t with_strengths(std::initializer_list<const char*> strengths) {
  Record r;
  r.set(kPlan, {"short_term_goals", G1, "strengths_used"}, list_of(strengths));
  return r.findings().count("goal/strength-based");
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("goal/specific: a goal that names no observable action or result fires") {
    const char* vague[] = {
        "The client will be better.",
        "Marcus will do better by 2027-06-30.",
        "Marcus will feel better and be more stable by June 2027.",
        "Marcus will get his life together.",
        "Marcus will improve.",
        "Mr. Jones will make better choices by 2027-03-01.",
    };
    for (const char* statement : vague) {
      CAPTURE(statement);
      CHECK(with_statement("goal/specific", statement, true) == 1);
    }
    const char* specific[] = {
        "Marcus will pass 4 HSE subject tests by 2027-06-30.",
        "Marcus will improve his Math grade from 75% to 78% by 2027-03-01.",
        // The near miss: "be better prepared" names a result.
        "Marcus will be better prepared for interviews after 3 mock interviews.",
        "The client will submit 10 job applications by 2026-12-15.",
    };
    for (const char* statement : specific) {
      CAPTURE(statement);
      CHECK(with_statement("goal/specific", statement, true) == 0);
    }
  }

  TEST_CASE("goal/measurable: a date, a time span or a street number is not a measure") {
    const char* unmeasured[] = {
        "Marcus will complete his classes by 2027-06-30.",
        "Marcus will look for work within 3 months.",
        "Marcus will attend classes at 3450 East Tremont Avenue by March 1, 2027.",
        "Marcus will go to class at 5 p.m. until 6/30/2027.",
        "Marcus will find work in the next 6 weeks.",
    };
    for (const char* statement : unmeasured) {
      CAPTURE(statement);
      CHECK(with_statement("goal/measurable", statement) == 1);
    }
    const char* measured[] = {
        "Marcus will submit 10 job applications by 2026-12-15.",      // a count
        "Marcus will raise his TABE math score from 480 to 520.",     // a score
        "Marcus will attend class 3 times a week until 2027-06-30.",  // a frequency
        "Marcus will work at least 20 hours a week by 2027-03-01.",   // hours a week
        "Marcus will raise his attendance to 90% by 2027-01-31.",     // a percentage
        "Marcus will earn his HSE diploma by 2027-06-30.",            // a named target
        "Marcus will get his driver's license within 3 months.",      // a named target
    };
    for (const char* statement : measured) {
      CAPTURE(statement);
      CHECK(with_statement("goal/measurable", statement) == 0);
    }
  }

  TEST_CASE("goal/time-framed: a milestone due after the goal's target date fires") {
    Record late;
    late.set(kPlan, {"short_term_goals", G1, "milestones", std::size_t{3}, "due"}, "2027-07-15");
    Diagnostic d = late.finding("goal/time-framed");
    CHECK(d.message.find("after the goal's target date 2027-06-30") != std::string::npos);
    CHECK(d.location.line == late.line_of(kPlan, "due: 2027-07-15"));

    Record on_the_day;  // due on the target date itself: in time
    on_the_day.set(kPlan, {"short_term_goals", G1, "milestones", std::size_t{3}, "due"},
                   "2027-06-30");
    CHECK(on_the_day.findings().count("goal/time-framed") == 0);

    Record goal_moved;  // the target date moved earlier than a milestone
    goal_moved.set(kPlan, {"short_term_goals", G1, "target_date"}, "2027-05-31");
    CHECK(goal_moved.findings().count("goal/time-framed") == 1);
  }

  TEST_CASE("goal/strength-based: each strength used is one the assessment records") {
    // The assessment records family, computers, math and science, staying
    // out of trouble, the school pick-up, the job search, the laptop.
    CHECK(with_strengths({"Bilingual in Spanish and English"}) == 1);
    CHECK(with_strengths({"Aptitude for math and science", "Artistic talent"}) == 1);
    CHECK(with_strengths({"Strong work ethic", "Good communication skills"}) == 2);
    // In other words, case and spacing: as a worker writes them.
    CHECK(with_strengths({"APTITUDE FOR  COMPUTERS"}) == 0);
    CHECK(with_strengths({"Support from his mother and sisters"}) == 0);
    CHECK(with_strengths({"His laptop", "Stayed out of trouble"}) == 0);
    // The near miss: only common words shared ("strong", "his") is no match.
    CHECK(with_strengths({"His strong sense of humor"}) == 1);

    Record r;  // the finding names the strength it cannot find
    r.set(kPlan, {"short_term_goals", G1, "strengths_used"}, list_of({"Bilingual"}));
    Diagnostic d = r.finding("goal/strength-based");
    CHECK(d.message.find("\"Bilingual\"") != std::string::npos);
    CHECK(d.location.line == r.line_of(kPlan, "- Bilingual"));
  }

  TEST_CASE("goal/responsible: an open milestone with no one to do it fires") {
    Record r;
    r.remove(kPlan, {"short_term_goals", G1, "milestones", std::size_t{2}, "who"});
    CHECK(r.findings().count("goal/responsible") == 1);
    r.remove(kPlan, {"short_term_goals", G1, "milestones", std::size_t{4}, "who"});
    CHECK(r.findings().count("goal/responsible") == 2);

    Record blank;
    blank.set(kPlan, {"short_term_goals", G1, "milestones", std::size_t{3}, "who"}, " ");
    CHECK(blank.findings().count("goal/responsible") == 1);

    Record done;  // a milestone already done needs no one any more
    done.remove(kPlan, {"short_term_goals", G1, "milestones", std::size_t{0}, "who"});
    CHECK(done.findings().count("goal/responsible") == 0);
  }

  TEST_CASE("goal/scope-wording: a treatment outcome fires even beside a connecting word") {
    const char* treatment[] = {
        "Ana will reduce her anxiety symptoms and attend class 3 times a week.",
        "Marcus will attend class 3 times a week and manage his depression.",
        "Marcus will stop drinking and find a job of 20 hours a week.",
        "Marcus will maintain his sobriety for 90 days.",
        "Marcus will reduce his alcohol use to 2 days a week.",
        "Marcus will stay clean and attend 3 NA meetings a week.",
    };
    for (const char* statement : treatment) {
      CAPTURE(statement);
      CHECK(with_statement("goal/scope-wording", statement, true) == 1);
    }
    const char* connecting[] = {
        "Ana will find free or low-cost treatment options for anxiety by 2027-01-15.",
        "Marcus will attend 6 counseling sessions for depression by 2027-03-01.",
        "Marcus will enroll in an outpatient substance use program by 2027-01-15.",
        "Marcus will schedule an intake appointment for his anxiety and depression.",
        "Marcus will be referred to 2 detox programs by 2026-12-15.",
    };
    for (const char* statement : connecting) {
      CAPTURE(statement);
      CHECK(with_statement("goal/scope-wording", statement, true) == 0);
    }
  }

  TEST_CASE("plan/short-term-goal: a plan with no short-term goal in effect") {
    // A plan with no short_term_goals at all: e2e plan-edit-repairs-invalid-plan
    // (here every note refers to G1-G3, a format error that hides the rule).
    Record all_discontinued;
    for (std::size_t g = G1; g <= G3; ++g)
      all_discontinued.set(kPlan, {"short_term_goals", g, "status"}, "discontinued");
    CHECK(all_discontinued.finding("plan/short-term-goal").message.find("discontinued") !=
          std::string::npos);

    Record one_left;  // the near miss: one goal still in effect
    for (std::size_t g = G1; g < G3; ++g)
      one_left.set(kPlan, {"short_term_goals", g, "status"}, "discontinued");
    CHECK(one_left.findings().count("plan/short-term-goal") == 0);
    Record achieved;  // an achieved goal is still the plan's
    achieved.set(kPlan, {"short_term_goals", G1, "status"}, "achieved");
    CHECK(achieved.findings().count("plan/short-term-goal") == 0);
  }

  TEST_CASE("blank list items count as missing: strengths, resources, steps, strengths used") {
    Record strengths;
    strengths.set(kClient, {"assessment", "strengths"}, list_of({" "}));
    CHECK(strengths.findings().count("assessment/strengths") == 1);
    Record resources;
    resources.set(kClient, {"assessment", "resources"}, list_of({"", "  "}));
    CHECK(resources.findings().count("assessment/resources") == 1);
    Record steps;
    steps.set(kNote, {"client_steps"}, list_of({" "}));
    CHECK(steps.findings().count("note/client-steps") == 1);
    Record used;
    used.set(kPlan, {"short_term_goals", G1, "strengths_used"}, list_of({" "}));
    CHECK(used.finding("goal/strength-based").message.find("does not say which") !=
          std::string::npos);

    // The near miss: one real item among blank ones is content.
    Record one_real;
    one_real.set(kClient, {"assessment", "challenges"},
                 list_of({" ", "Unemployed since his last seasonal job ended."}));
    CHECK(one_real.findings().count("assessment/challenges") == 0);
  }
  TEST_CASE("rule goal/frequency: a recurring activity says how often") {
    // G1 without its frequency, its statement and methods as given.
    auto findings = [](const char* statement, const char* methods) {
      Record r;
      r.remove(kPlan, {"short_term_goals", G1, "frequency"});
      r.set(kPlan, {"short_term_goals", G1, "statement"}, statement);
      r.set(kPlan, {"short_term_goals", G1, "methods"}, methods);
      return r.findings().count("goal/frequency");
    };
    const char* kPlain = "Evening classes at the Bronx Adult Learning Center.";
    SUBCASE("tutoring, classes, sessions, meetings without how often") {
      for (const char* statement :
           {"Teresa will raise her Math grade from 75% to 78% by attending tutoring sessions.",
            "Marcus will complete his HSE by 2027-06-30 by attending HSE prep classes.",
            "Marcus will meet with his job developer to review his applications.",
            "Jasmine will check in with Ms. Ortiz about her grades until the end of the term."}) {
        CAPTURE(statement);
        CHECK(findings(statement, kPlain) == 1);
      }
    }
    SUBCASE("how often, as case workers write it") {
      for (const char* statement :
           {"Teresa will attend Math tutoring sessions 3x/week on Tuesdays and Fridays.",
            "Marcus will attend HSE prep classes twice a week until 2027-06-30.",
            "Marcus will attend HSE prep classes two times per week.",
            "Marcus will meet with Alicia weekly to review his applications.",
            "Marcus will attend HSE prep classes every Monday and Wednesday.",
            "Marcus will attend HSE prep classes on Mondays.",
            "Marcus will attend 3 tutoring sessions/week.",
            "Marcus will check in with Alicia once a month by phone.",
            "Marcus will attend tutoring 2x from 3-5 p.m.",
            "Marcus will attend HSE prep classes Mon/Wed/Fri, 5-9 p.m.",
            "Marcus will attend HSE prep classes M-F in the evening.",
            "Marcus will attend HSE prep classes on Monday, Wednesday and Friday.",
            "Marcus will attend tutoring sessions three times weekly.",
            "Marcus will meet with Alicia every 2 weeks to go over his applications.",
            "Marcus will attend HSE prep classes M, W, F at BALC.",
            "Marcus will attend HSE prep classes T and Th at BALC.",
            "Marcus will attend HSE prep classes Mon.-Thurs. at BALC.",
            "Marcus will attend HSE prep classes 9 hrs per wk at BALC.",
            "Marcus will meet with Alicia every three weeks to go over his applications."}) {
        CAPTURE(statement);
        CHECK(findings(statement, kPlain) == 0);
      }
    }
    SUBCASE("how often in the methods, or the frequency field") {
      CHECK(findings("Marcus will complete his HSE by attending HSE prep classes.",
                     "Classes at the Bronx Adult Learning Center, 3 evenings a week.") == 0);
      Record r;
      r.set(kPlan, {"short_term_goals", G1, "frequency"}, "2x/week from 3-5 p.m.");
      r.set(kPlan, {"short_term_goals", G1, "statement"}, "Marcus will attend tutoring sessions.");
      CHECK(r.findings().count("goal/frequency") == 0);
    }
    SUBCASE("how often in the duration") {
      Record r;
      r.remove(kPlan, {"short_term_goals", G1, "frequency"});
      r.set(kPlan, {"short_term_goals", G1, "statement"}, "Marcus will attend tutoring sessions.");
      r.set(kPlan, {"short_term_goals", G1, "methods"}, kPlain);
      CHECK(r.findings().count("goal/frequency") == 1);  // duration: 2026-10-05 to 2027-06-30
      r.set(kPlan, {"short_term_goals", G1, "duration"}, "Twice a week, 2026-10-05 to 2027-06-30");
      CHECK(r.findings().count("goal/frequency") == 0);
    }
    SUBCASE("a placeholder frequency is none") {
      Record r;
      r.set(kPlan, {"short_term_goals", G1, "frequency"}, "TBD");
      r.set(kPlan, {"short_term_goals", G1, "statement"}, "Marcus will attend tutoring sessions.");
      r.set(kPlan, {"short_term_goals", G1, "methods"}, kPlain);
      CHECK(r.findings().count("goal/frequency") == 1);
    }
    SUBCASE("a one-time step needs no frequency") {
      CHECK(findings("Marcus will obtain a New York State ID by 2026-12-15.",
                     "Alicia gives him the list of documents; he goes to the DMV office.") == 0);
      CHECK(findings("Marcus will take the GED Ready practice test by 2027-01-15.",
                     "He books the test online with Alicia.") == 0);
      CHECK(findings("Marcus will attend the FAFSA workshop at Hostos on 2026-12-05.",
                     "Alicia sends him the sign-up link.") == 0);
    }
    SUBCASE("practice, as a thing the client keeps doing") {
      CHECK(findings("Marcus will practice mock interviews with the job developer.", kPlain) == 1);
      CHECK(findings("Marcus will practice mock interviews with the job developer twice a month.",
                     kPlain) == 0);
    }
    SUBCASE("one day named is not a schedule") {
      CHECK(findings("Marcus will attend HSE prep classes starting on Monday.", kPlain) == 1);
      CHECK(findings("Marcus will attend HSE prep classes with Ms. T. at BALC.", kPlain) == 1);
    }
    SUBCASE("\"within a week\" is a time span, not how often") {
      CHECK(findings("Marcus will start HSE prep classes within a week of enrolling.", kPlain) ==
            1);
    }
  }
}
