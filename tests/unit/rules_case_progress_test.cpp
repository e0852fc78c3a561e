// case/goal-progress, case/service-progress and case/referral-review
// (src/check/rules_case_progress.cpp) on records as case workers keep them,
// each starting from the exemplary record (plan written 2026-09-24, checked
// on 2026-11-23, contact every 30 days).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <utility>
#include <vector>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kPhoneNote = "notes/2026-10-29-1530-phone.yaml";

int found(const Record& record, const char* rule) {
  return static_cast<int>(record.findings().count(rule));
}

bool says(const Diagnostic& d, const char* text) {
  return d.message.find(text) != std::string::npos;
}

// G3 (the college visits) is told of only in the latest note's `goals:`
// and its `service:` (S5, the college counseling that serves G3 alone).
void g3_untold(Record& record) {
  record.replace(kNote, "  - G2\n  - G3\nevent", "  - G2\nevent");
  record.replace(kNote, "service: S5\n", "");
}

// Tutoring (S6), under way since 2026-10-01; no note names it.
void add_tutoring(Record& record) {
  YamlNode s = YamlNode::mapping();
  s.set("id", YamlNode::scalar("S6"));
  s.set("name", YamlNode::scalar("Tutoring"));
  s.set("needs", list_of({"N1"}));
  s.set("goals", list_of({"G1"}));
  s.set("provider", YamlNode::scalar("Bronx Math Circle"));
  s.set("start", YamlNode::scalar("2026-10-01"));
  s.set("status", YamlNode::scalar("active"));
  record.append(kPlan, {"services"}, s);
}

// R3 (Bronx Fathers' Support Network, told of in the phone note of
// 2026-10-29) with these steps as its statuses.
void r3_steps(Record& record, std::vector<std::pair<const char*, const char*>> steps) {
  YamlNode list = YamlNode::sequence();
  for (const auto& [status, date] : steps) {
    YamlNode s = YamlNode::mapping();
    s.set("status", YamlNode::scalar(status));
    s.set("date", YamlNode::scalar(date));
    list.items.push_back(s);
  }
  record.set(kPlan, {"referrals", R3, "statuses"}, list);
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule case/goal-progress: each active goal is told of since the plan") {
    const char* const kRule = "case/goal-progress";
    Record record;
    CHECK(found(record, kRule) == 0);
    g3_untold(record);
    CHECK(found(record, kRule) == 1);
    CHECK(says(record.finding(kRule), "goal G3 is active, and no note since 2026-09-24 (60 days)"));
    SUBCASE("its id in the prose") {
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Went over the G3 open house date with him."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("its id as a worker writes it") {
      for (const char* words : {"Marcus's G3 visit is booked.", "Goal 3: open house booked.",
                                "Booked the open house for goal #3.", "G-3: open house booked."}) {
        CAPTURE(words);
        Record each;
        g3_untold(each);
        each.append(kNote, {"worker_steps"}, YamlNode::scalar(words));
        CHECK(found(each, kRule) == 0);
      }
      record.append(kNote, {"worker_steps"}, YamlNode::scalar("Booked G31 and goal 30."));
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("a note of a service that serves it alone") {
      record.set(kNote, {"service"}, "S5");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("that service named in the prose") {
      record.append(
          kNote, {"worker_steps"},
          YamlNode::scalar("Went over what he learned in college and career counseling."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("near-miss: a service of every goal, or the provider of several") {
      record.set(kNote, {"service"}, "S3");  // the MetroCard, for G1, G2 and G3
      CHECK(found(record, kRule) == 1);
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Checked in at Hunts Point Youth Pathways."));
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("in goals: of a collateral note") {
      std::string file = record.add_note("2026-11-21");
      record.replace(file, "contact: in-person", "contact: collateral");
      record.replace(file, "  - G1\n  - G2\n", "  - G3\n");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("an attempted contact tells of no progress") {
      std::string file = record.add_note("2026-11-21");
      record.replace(file, "contact: in-person", "contact: attempted");
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("the note of the day the plan was written is not progress") {
      // The 2026-09-24 note lists G3 already; it stays a finding.
      CHECK(record.read("notes/2026-09-24-1400-in-person.yaml").find("  - G3") !=
            std::string::npos);
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("achieved or discontinued goals have no progress to tell") {
      record.set(kPlan, {"short_term_goals", G3, "status"}, "achieved");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("a goal set later counts from its own date") {
      record.set(kPlan, {"short_term_goals", G3, "status_date"}, "2026-11-01");
      CHECK(found(record, kRule) == 0);
      record.as_of("2026-12-02");
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("a review starts a new period") {
      record.set(kPlan, {"reviewed"}, "2026-11-10");
      CHECK(found(record, kRule) == 0);  // 13 days, within the interval
      record.as_of("2026-12-15");
      record.set(kPlan, {"next_review"}, "2027-01-15");
      CHECK(says(record.finding(kRule), "since 2026-11-10 (35 days)"));
    }
    SUBCASE("within the first contact interval, nothing is due yet") {
      record.as_of("2026-10-20");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("a closed case is not followed") {
      record.set(kClient, {"status"}, "closed");
      CHECK(found(record, kRule) == 0);
    }
  }

  TEST_CASE("rule case/service-progress: each service under way is told of since it began") {
    const char* const kRule = "case/service-progress";
    Record record;
    CHECK(found(record, kRule) == 0);
    add_tutoring(record);
    CHECK(found(record, kRule) == 1);
    CHECK(says(record.finding(kRule),
               "service S6 (Tutoring) is under way, and no note since 2026-10-01 (53 days)"));
    SUBCASE("named in the prose") {
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Asked his tutor how the geometry tutoring is going."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("named without the word that says it is a service") {
      record.set(kPlan, {"services", std::size_t{5}, "name"}, "Math tutoring services");
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Asked his tutor how the math tutoring is going."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("near-miss: the word that says it is a service, alone") {
      record.set(kPlan, {"services", std::size_t{5}, "name"}, "Math tutoring services");
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Went over the services his school offers."));
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("a note about it (service:)") {
      record.set(kNote, {"service"}, "S6");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("its provider, written with its contact person, in the prose") {
      record.set(kPlan, {"services", std::size_t{5}, "provider"}, "Bronx Math Circle (Ms. Lin)");
      record.replace(kNote, "HSE attendance: 21 of 21 classes.",
                     "HSE attendance: 21 of 21 classes; 6 of 7 sessions at the Bronx Math Circle.");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("its provider in the prose") {
      record.replace(kNote, "HSE attendance: 21 of 21 classes.",
                     "HSE attendance: 21 of 21 classes; 6 of 7 sessions at the Bronx Math Circle.");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("the note of its start only is not its progress") {
      std::string file = record.add_note("2026-10-02");
      record.set(file, {"event"}, "service-start");
      record.set(file, {"service"}, "S6");
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("near-miss: another service's note") {
      record.set(kNote, {"service"}, "S1");
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("a planned service, or one not yet begun, has no progress") {
      record.set(kPlan, {"services", std::size_t{5}, "start"}, "2026-11-30");
      CHECK(found(record, kRule) == 0);
      record.set(kPlan, {"services", std::size_t{5}, "status"}, "planned");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("a review starts a new span") {
      record.set(kPlan, {"reviewed"}, "2026-11-10");
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("a service past its end is told of in its end note instead") {
      record.set(kPlan, {"services", std::size_t{5}, "end"}, "2026-11-20");
      CHECK(found(record, kRule) == 0);
    }
  }

  TEST_CASE("rule case/referral-review: a referral with an outcome is told of in a note") {
    const char* const kRule = "case/referral-review";
    Record record;
    CHECK(found(record, kRule) == 0);
    record.replace(kPhoneNote, "navigator at the Bronx Fathers' Support Network", "navigator");
    CHECK(found(record, kRule) == 1);
    Diagnostic d = record.finding(kRule);
    CHECK(says(d, "referral R3 to Bronx Fathers' Support Network has an outcome"));
    CHECK(d.severity == Severity::info);
    SUBCASE("named in other words") {
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Called the bronx fathers support network navigator."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("by its initials") {
      record.append(kNote, {"worker_steps"}, YamlNode::scalar("Called the BFSN navigator."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("by its name in short") {
      for (const char* words :
           {"Called the Fathers' Support Network navigator.", "Called the support network.",
            "The navigator at the network says the petition is filed."}) {
        CAPTURE(words);
        Record each;
        each.replace(kPhoneNote, "navigator at the Bronx Fathers' Support Network", "navigator");
        each.append(kNote, {"worker_steps"}, YamlNode::scalar(words));
        CHECK(found(each, kRule) == 0);
      }
    }
    SUBCASE("near-miss: his own support network, or a short name two partners share") {
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Talked about his support network at home."));
      CHECK(found(record, kRule) == 1);
      record.set(kPlan, {"services", std::size_t{2}, "provider"}, "Hunts Point Family Network");
      record.append(kNote, {"worker_steps"}, YamlNode::scalar("Called the network."));
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("a partner written with its contact person") {
      for (const char* to : {"Bronx Fathers' Support Network (Mr. Ellis)",
                             "Bronx Fathers' Support Network, child support navigator",
                             "Bronx Fathers' Support Network - child support navigator"}) {
        CAPTURE(to);
        Record each;
        each.set(kPlan, {"referrals", R3, "to"}, to);
        CHECK(found(each, kRule) == 0);
      }
    }
    SUBCASE("by the referral's id") {
      record.append(kNote, {"worker_steps"}, YamlNode::scalar("Followed up on R3."));
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("a note before the referral does not review it") {
      CHECK(record.read("notes/2026-09-24-1400-in-person.yaml")
                .find("Bronx Fathers' Support Network") != std::string::npos);
      CHECK(found(record, kRule) == 1);
    }
    SUBCASE("no outcome yet, nothing to review") {
      record.remove(kPlan, {"referrals", R3, "outcome"});
      CHECK(found(record, kRule) == 0);
    }
  }

  // R2 sent Marcus to the Bronx Adult Learning Center, which no note names
  // after 2026-09-25; the notes tell of its HSE class (S1, provided there).
  TEST_CASE("rule case/referral-review: a service the partner provides reviews the referral") {
    const char* const kRule = "case/referral-review";
    Record record;
    for (const char* note : {"notes/2026-10-07-1100-in-person.yaml", kPhoneNote, kNote}) {
      CHECK(record.read(note).find("Adult Learning") == std::string::npos);
      CHECK(record.read(note).find("BALC") == std::string::npos);
    }
    CHECK(found(record, kRule) == 0);
    record.set(kPlan, {"services", S1, "provider"}, "Bronx Adult Learning Center (Mr. Feliciano)");
    CHECK(found(record, kRule) == 0);
    record.set(kPlan, {"services", S1, "provider"}, "Bronx Community College");
    CHECK(says(record.finding(kRule), "referral R2 to Bronx Adult Learning Center"));
  }

  TEST_CASE("rule case/referral-review: a no-show or a declined referral is told of after it") {
    const char* const kRule = "case/referral-review";
    for (const char* status : {"no-show", "declined"}) {
      CAPTURE(status);
      Record record;
      r3_steps(record, {{"accepted", "2026-10-20"}, {status, "2026-11-02"}});
      Diagnostic d = record.finding(kRule);
      CHECK(d.message == fmt::format("referral R3 to Bronx Fathers' Support Network was marked {} "
                                     "on 2026-11-02, and no note since tells of it",
                                     status));
      CHECK(d.hint ==
            "in the next note, name Bronx Fathers' Support Network and say why the client did not "
            "go on, whether they are able to follow up, and what comes next");
      CHECK(d.location.line == record.line_of(kPlan, "- status: " + std::string(status)));
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Asked the BFSN navigator for a new intake date."));
      CHECK(found(record, kRule) == 0);
    }
  }

  TEST_CASE("rule case/referral-review: a later status or an earlier one, near-misses") {
    const char* const kRule = "case/referral-review";
    SUBCASE("made again after the no-show: the new referral waits for its follow-up") {
      Record record;
      r3_steps(record, {{"no-show", "2026-11-02"}, {"made", "2026-11-05"}});
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("accepted before the phone note that names the network") {
      Record record;
      r3_steps(record, {{"accepted", "2026-10-20"}});
      CHECK(found(record, kRule) == 0);
    }
    SUBCASE("attended after that note: the visit is told of too, with the goal's hint") {
      Record record;
      r3_steps(record, {{"accepted", "2026-10-20"}, {"attended", "2026-11-03"}});
      CHECK(says(record.finding(kRule), "was marked attended on 2026-11-03"));
      CHECK(record.finding(kRule).hint.find("how it serves the client's goal") !=
            std::string::npos);
    }
    SUBCASE("the outcome alone still counts from the referral's date") {
      Record record;
      r3_steps(record, {{"made", "2026-09-25"}});
      CHECK(found(record, kRule) == 0);
    }
  }
}

TEST_SUITE("rules") {
  TEST_CASE("rule case/event-ahead: what happened is not dated ahead; what is planned may be") {
    const char* const kAhead = "case/event-ahead";
    SUBCASE("a milestone done tomorrow, in the client's file too") {
      Record record;
      record.set(kPlan, {"short_term_goals", std::size_t{0}, "milestones", std::size_t{0}, "done"},
                 "2026-11-24");
      record.set(kClient, {"assessment", "date"}, "2027-09-10");
      CHECK(record.findings().count(kAhead) == 2);
    }
    SUBCASE("today is not ahead; due dates and the next review may be") {
      Record record;
      record.set(kPlan, {"reviewed"}, kToday);
      record.set(kPlan, {"next_review"}, "2027-02-23");
      record.set(kPlan, {"short_term_goals", std::size_t{0}, "target_date"}, "2027-12-31");
      CHECK(record.findings().count(kAhead) == 0);
    }
    SUBCASE("an active service's end ahead is its plan, a completed one's is not") {
      Record record;
      record.set(kPlan, {"services", std::size_t{0}, "end"}, "2027-06-30");
      CHECK(record.findings().count(kAhead) == 0);
      record.set(kPlan, {"services", std::size_t{0}, "status"}, "completed");
      CHECK(record.findings().count(kAhead) == 1);
    }
  }
}
