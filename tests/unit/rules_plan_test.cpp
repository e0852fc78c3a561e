// Plan rules (src/check/rules_plan.cpp) on wordings and shapes a case
// worker writes, each starting from the exemplary record (rule_record.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kStale = "plan/stale-after-emergent-need";

// The latest note (2026-11-20) as an emergent-need note about a new need
// N6, recorded that day: Marcus lost his part-time job.
void emergent_job_loss(Record& record) {
  YamlNode need =
      open_need("N6", "income", "Lost his weekend hours at the warehouse on 2026-11-18.");
  need.set("identified", YamlNode::scalar("2026-11-20"));
  need.set("emergent", YamlNode::scalar("true"));
  record.append(kClient, {"assessment", "needs"}, need);
  record.set(kNote, {"event"}, "emergent-need");
  record.set(kNote, {"needs"}, list_of({"N6"}));
}

YamlNode referral_for(const char* need, const char* date) {
  YamlNode referral = YamlNode::mapping();
  referral.set("id", YamlNode::scalar("R4"));
  referral.set("to", YamlNode::scalar("Bronx Works emergency cash assistance"));
  referral.set("needs", list_of({need}));
  referral.set("date", YamlNode::scalar(date));
  referral.set("shares_information", YamlNode::scalar("false"));
  return referral;
}

// One step of a referral's `statuses:`.
YamlNode step(const char* status, const char* date, const char* note = "") {
  YamlNode s = YamlNode::mapping();
  s.set("status", YamlNode::scalar(status));
  s.set("date", YamlNode::scalar(date));
  if (*note) s.set("note", YamlNode::scalar(note));
  return s;
}

// R1 without its outcome, and with these steps as its statuses.
void referral_steps(Record& record, std::vector<YamlNode> steps) {
  record.remove(kPlan, {"referrals", R1, "outcome"});
  YamlNode list = YamlNode::sequence();
  list.items = std::move(steps);
  record.set(kPlan, {"referrals", R1, "statuses"}, list);
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule plan/stale-after-emergent-need: a new review date alone is no update") {
    Record record;
    emergent_job_loss(record);
    CHECK(record.findings().count(kStale) == 1);
    record.set(kPlan, {"reviewed"}, "2026-11-21");
    record.set(kPlan, {"next_review"}, "2027-02-18");
    CHECK(record.findings().count(kStale) == 1);
    CHECK(record.finding(kStale).message.find("(N6)") != std::string::npos);
  }

  TEST_CASE("rule plan/stale-after-emergent-need: a referral, service or goal for the need") {
    SUBCASE("a referral made after the note") {
      Record record;
      emergent_job_loss(record);
      record.append(kPlan, {"referrals"}, referral_for("N6", "2026-11-21"));
      CHECK(record.findings().count(kStale) == 0);
    }
    SUBCASE("a service for the need, starting next week") {
      Record record;
      emergent_job_loss(record);
      record.append(kPlan, {"services", S2, "needs"}, YamlNode::scalar("N6"));
      CHECK(record.findings().count(kStale) == 0);  // the need is newer than S2
    }
    SUBCASE("an existing goal now also answers the new need") {
      Record record;
      emergent_job_loss(record);
      record.append(kPlan, {"short_term_goals", G1 + 1, "needs"}, YamlNode::scalar("N6"));
      CHECK(record.findings().count(kStale) == 0);
    }
    SUBCASE("a discontinued service does not answer it") {
      Record record;
      emergent_job_loss(record);
      record.append(kPlan, {"services", S2, "needs"}, YamlNode::scalar("N6"));
      record.set(kPlan, {"services", S2, "status"}, "discontinued");
      CHECK(record.findings().count(kStale) == 1);
    }
  }

  // The near-miss: an old need comes back; the goal that already names it
  // predates the note, so the plan has not changed for it.
  TEST_CASE("rule plan/stale-after-emergent-need: an old need resurfaces") {
    Record record;
    record.set(kNote, {"event"}, "emergent-need");
    record.set(kNote, {"needs"}, list_of({"N1"}));
    CHECK(record.findings().count(kStale) == 1);
    record.set(kPlan, {"reviewed"}, "2026-11-21");
    CHECK(record.findings().count(kStale) == 1);
    // The goal is changed for it on the day after the note.
    record.set(kPlan, {"short_term_goals", G1, "status_date"}, "2026-11-21");
    CHECK(record.findings().count(kStale) == 0);
  }

  TEST_CASE("rule plan/stale-after-emergent-need: a note that names no need") {
    Record record;
    record.set(kNote, {"event"}, "emergent-need");
    record.remove(kNote, {"needs"});
    Diagnostic d = record.finding(kStale);
    CHECK(d.message.find("names no need") != std::string::npos);
    CHECK(d.location.file.find("2026-11-20-1430-in-person.yaml") != std::string::npos);
    record.set(kNote, {"event"}, "status-update");
    CHECK(record.findings().count(kStale) == 0);
  }
}  // TEST_SUITE("rules")

namespace {

std::size_t accommodation_findings(const char* key, const char* text) {
  Record record;
  record.append(kClient, {"assessment", key}, YamlNode::scalar(text));
  return record.findings().count("plan/accommodations");
}

}  // namespace

TEST_SUITE("rules") {
  // The assessment was on 2026-09-10 and the plan written on 2026-09-24.
  TEST_CASE("rule plan/before-assessment: the plan comes after the assessment") {
    Record record;
    record.set(kClient, {"assessment", "date"}, "2026-09-25");
    CHECK(record.rules() == "plan/before-assessment");
    CHECK(record.finding("plan/before-assessment").message.find("before the assessment") !=
          std::string::npos);
    record.set(kClient, {"assessment", "date"}, "2026-09-24");  // the same day
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule plan/accommodations: a disability recorded, and no accommodations") {
    const char* const kDisabilities[][2] = {
        {"challenges", "Has dyslexia; long forms take him longer."},
        {"barriers", "Uses a wheelchair; the HSE class is on the second floor."},
        {"challenges", "Hard of hearing in his left ear; sits at the front."},
        {"barriers", "Diagnosed with ADHD in middle school; had an IEP."},
        {"challenges", "Receives SSI for a learning disability."},
    };
    for (const auto& d : kDisabilities)
      CHECK_MESSAGE(accommodation_findings(d[0], d[1]) == 1, d[1]);
    const char* const kNearMisses[][2] = {
        {"challenges", "Missed a hearing at Family Court in October."},
        {"barriers", "Lives on Walker Avenue, far from the class."},
        {"challenges", "Is still learning to add fractions."},
    };
    for (const auto& d : kNearMisses) CHECK_MESSAGE(accommodation_findings(d[0], d[1]) == 0, d[1]);
  }

  TEST_CASE("rule plan/accommodations: accommodations listed") {
    Record record;
    record.append(kClient, {"assessment", "challenges"},
                  YamlNode::scalar("Has dyslexia; long forms take him longer."));
    CHECK(record.rules() == "plan/accommodations");
    record.set(kPlan, {"accommodations"},
               list_of({"Forms read aloud; extra time on practice tests"}));
    CHECK(record.rules() == "(none)");
    record.set(kPlan, {"accommodations"}, list_of({" "}));  // blank is none
    CHECK(record.rules() == "plan/accommodations");
  }

  // plan/referral-follow-up: R1 (Project H.O.P.E.) was made on 2026-09-25.
  TEST_CASE("rule plan/referral-follow-up: silent within the follow-up days, then fires") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "outcome"});
    record.set(kPlan, {"referrals", R1, "date"}, "2026-10-24");  // 30 days before today
    CHECK(record.rules() == "(none)");
    record.set(kPlan, {"referrals", R1, "date"}, "2026-10-23");
    CHECK(record.rules() == "plan/referral-follow-up");
    CHECK(record.finding("plan/referral-follow-up").message ==
          "referral R1 to Project H.O.P.E. was made 31 days ago (2026-10-23), and what came of "
          "it is not recorded (the program follows up within 30 days)");
  }

  TEST_CASE("rule plan/referral-follow-up: a blank outcome is no outcome") {
    Record record;
    record.set(kPlan, {"referrals", R3, "outcome"}, " ");
    CHECK(record.rules() == "plan/referral-follow-up");
    CHECK(record.finding("plan/referral-follow-up").location.line ==
          record.line_of(kPlan, "- id: R3"));
  }

  TEST_CASE("rule plan/referral-follow-up: any outcome, even 'did not go', is a follow-up") {
    Record record;
    record.set(kPlan, {"referrals", R1, "outcome"},
               "Called 2026-10-08: Marcus did not go to the intake; he asked to try again in "
               "January.");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule plan/referral-follow-up: the days come from casekit.yaml or the profile") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "outcome"});
    record.set(kPlan, {"referrals", R1, "date"}, "2026-11-08");  // 15 days before today
    REQUIRE(record.rules() == "(none)");
    record.set(kSettings, {"referral_follow_up_days"}, "14");
    CHECK(record.rules() == "plan/referral-follow-up");
  }

  TEST_CASE("rule plan/referral-follow-up: a status beyond made is a follow-up") {
    for (const char* status : {"accepted", "declined", "attended", "no-show", "closed"}) {
      CAPTURE(status);
      Record record;
      referral_steps(record, {step(status, "2026-10-06")});
      CHECK(record.findings().count("plan/referral-follow-up") == 0);
    }
  }

  TEST_CASE("rule plan/referral-follow-up: a status of made, even with words, is not") {
    Record record;
    referral_steps(record, {step("made", "2026-09-25", "Gave him the intake number")});
    CHECK(record.rules() == "plan/referral-follow-up");
    CHECK(record.finding("plan/referral-follow-up").hint ==
          "follow up with the partner and the client, then record where it stands with "
          "`casekit plan marcus-jones referral-status R1 STATUS`");
  }

  TEST_CASE("rule plan/referral-follow-up: a referral made again counts from that day") {
    Record record;
    referral_steps(record, {step("no-show", "2026-10-06"), step("made", "2026-11-10")});
    CHECK(record.findings().count("plan/referral-follow-up") == 0);
    record.set(kSettings, {"referral_follow_up_days"}, "10");
    CHECK(record.finding("plan/referral-follow-up").message ==
          "referral R1 to Project H.O.P.E. was made 13 days ago (2026-11-10), and what came of "
          "it is not recorded (the program follows up within 10 days)");
  }

  TEST_CASE("rule plan/referral-follow-up: the latest step by date counts, wherever it is listed") {
    // A merge of two copies lists theirs after ours: made on 2026-10-01 is
    // listed after the no-show of 2026-11-10, which is where R1 stands.
    Record record;
    referral_steps(record, {step("no-show", "2026-11-10"), step("made", "2026-10-01")});
    CHECK(record.findings().count("plan/referral-follow-up") == 0);
    Record again;
    referral_steps(again, {step("no-show", "2026-09-30"), step("made", "2026-10-01")});
    CHECK(again.findings().count("plan/referral-follow-up") == 1);
  }

  TEST_CASE("rule plan/referral-follow-up: a referral with neither a date nor a step waits") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "outcome"});
    record.remove(kPlan, {"referrals", R1, "date"});
    CHECK(record.findings().count("plan/referral-follow-up") == 0);
  }

  TEST_CASE("rule plan/referral-follow-up: a closed case is not followed up") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "outcome"});
    record.set(kClient, {"status"}, "closed");
    CHECK(record.findings().count("plan/referral-follow-up") == 0);
  }

  // plan/referral-consent: R1 (Project H.O.P.E.) relies on the release of
  // 2026-09-24 (consents[kHope], expires 2027-09-24); today is 2026-11-23.
  TEST_CASE("rule plan/referral-consent: shares: none needs no release, information does") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "consent"});
    REQUIRE(record.rules() == "plan/referral-consent");
    CHECK(record.finding("plan/referral-consent").hint ==
          "get the client's signed release before sharing anything, and record it with "
          "add-consent and `release:` naming its partner; if nothing about the client goes to "
          "the partner, add `shares: none`");
    record.set(kPlan, {"referrals", R1, "shares"}, "none");
    CHECK(record.rules() == "(none)");
    record.set(kPlan, {"referrals", R1, "shares"}, "information");
    CHECK(record.rules() == "plan/referral-consent");
    record.set(kPlan, {"referrals", R1, "shares"}, "nothing");
    CHECK(record.findings().count("format/type") == 1);
  }

  TEST_CASE("rule plan/referral-consent: shares: none also silences a revoked release") {
    Record record;
    record.set(kClient, {"consents", kHope, "revoked"}, "2026-11-10");
    REQUIRE(record.rules() == "plan/referral-consent");
    record.set(kPlan, {"referrals", R1, "shares"}, "none");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule plan/referral-consent: a referral names its release by the partner") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "consent"});
    record.set(kPlan, {"referrals", R1, "release"}, "Project H.O.P.E.");
    CHECK(record.rules() == "(none)");
    SUBCASE("a partner client.yaml has no release for") {
      record.set(kPlan, {"referrals", R1, "release"}, "Project HOPE");
      CHECK(record.finding("plan/referral-consent").message ==
            "referral R1 relies on the release for Project HOPE, and client.yaml has no signed "
            "release for that partner");
    }
    SUBCASE("the release may name the partner otherwise than `to`") {
      record.set(kPlan, {"referrals", R1, "to"}, "Project H.O.P.E. (Ms. Diaz, job coach)");
      CHECK(record.rules() == "(none)");
    }
    SUBCASE("the latest release decides: a renewal after the referral is no problem") {
      record.set(kClient, {"consents", kHope, "expires"}, "2026-11-01");
      CHECK(record.finding("plan/referral-consent").message ==
            "referral R1: the release expired on 2026-11-01");
      YamlNode renewal = YamlNode::mapping();
      renewal.set("partner", YamlNode::scalar("Project H.O.P.E."));
      renewal.set("signed", YamlNode::scalar("2026-11-02"));
      record.append(kClient, {"consents"}, renewal);
      CHECK(record.rules() == "(none)");
    }
    SUBCASE("made before the partner's first release was signed") {
      record.set(kPlan, {"referrals", R1, "date"}, "2026-09-20");
      CHECK(record.finding("plan/referral-consent").message ==
            "referral R1: the referral was made on 2026-09-20, before the release was signed on "
            "2026-09-24");
      CHECK(record.finding("plan/referral-consent").location.line ==
            record.line_of(kPlan, "release: Project H.O.P.E."));
    }
  }

  TEST_CASE("rule plan/referral-consent: a revocation takes effect on its date") {
    Record record;
    record.set(kClient, {"consents", kHope, "revoked"}, "2026-11-24");  // tomorrow
    CHECK(record.rules() == "(none)");
    record.set(kClient, {"consents", kHope, "revoked"}, "2026-11-23");  // today
    CHECK(record.finding("plan/referral-consent").message ==
          "referral R1: the release was revoked on 2026-11-23");
    record.set(kClient, {"consents", kHope, "revoked"}, "2026-11-24");
    record.as_of("2026-11-24");
    CHECK(record.findings().count("plan/referral-consent") == 1);
  }
}  // TEST_SUITE("rules")
