// Note and case rules (src/check/rules_note.cpp) on records as case
// workers keep them, each starting from the exemplary record.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

bool says(const Diagnostic& d, const char* text) {
  return d.message.find(text) != std::string::npos;
}

// The latest note's copy on `day`, as a contact of `kind` (in its file name too).
std::string add_contact(Record& record, const std::string& day, const std::string& kind) {
  std::string file = record.add_note(day);
  std::string renamed = "notes/" + day + "-1430-" + kind + ".yaml";
  record.replace(file, "contact: in-person", "contact: " + kind);
  if (renamed != file) {
    record.write(renamed, record.read(file));
    std::filesystem::remove(record.path(file));
  }
  return renamed;
}

// The latest note as one about the HSE class (S1): it no longer gives the
// day S5 started (2026-11-19), so only what it names can tell of S5.
void about_the_hse_class(Record& record) {
  record.set(kNote, {"service"}, "S1");
  record.replace(kNote, "workshop on 2026-11-19", "workshop last week");
  record.replace(kNote, "workshop on 2026-11-19", "workshop last week");
}

}  // namespace

TEST_SUITE("rules") {
  // S5 (college and career counseling, Hunts Point Youth Pathways) started
  // on 2026-11-19; the note of 2026-11-20 is the only one within a week.
  TEST_CASE("rule case/service-event-note: the note tells of that service") {
    const char* const kRule = "case/service-event-note";
    Record record;
    record.as_of("2026-11-30");
    CHECK(record.rules() == "(none)");
    about_the_hse_class(record);
    CHECK(record.findings().count(kRule) == 1);
    CHECK(says(record.finding(kRule), "service S5 started on 2026-11-19"));
    record.remove(kNote, {"service"});
    CHECK(record.findings().count(kRule) == 1);
    SUBCASE("names the service") {
      record.replace(
          kNote, "He attended the program's college and career\n  workshop",
          "He had his first College and Career Counseling session after the\n  workshop");
      CHECK(record.findings().count(kRule) == 0);
    }
    SUBCASE("names its id") {
      record.append(kNote, {"worker_steps"}, YamlNode::scalar("Started S5 with the counselor."));
      CHECK(record.findings().count(kRule) == 0);
    }
    SUBCASE("names its provider") {
      record.append(kNote, {"worker_steps"},
                    YamlNode::scalar("Booked his counseling at Hunts Point Youth Pathways."));
      CHECK(record.findings().count(kRule) == 0);
    }
    SUBCASE("gives the day it started") {
      record.append(
          kNote, {"worker_steps"},
          YamlNode::scalar("Went with him to his first counseling session on 2026-11-19."));
      CHECK(record.findings().count(kRule) == 0);
    }
    SUBCASE("near-miss: a word of the name is not the name") {
      record.append(kNote, {"worker_steps"}, YamlNode::scalar("Talked about college."));
      CHECK(record.findings().count(kRule) == 1);
    }
  }

  TEST_CASE("rule case/service-event-note: a provider's name is found however it is spelled") {
    Record record;
    record.as_of("2026-11-30");
    record.set(kPlan, {"services", std::size_t{4}, "provider"}, "St. Ann's Youth Center");
    about_the_hse_class(record);
    CHECK(record.findings().count("case/service-event-note") == 1);
    record.append(kNote, {"worker_steps"},
                  YamlNode::scalar("Called the St Anns youth center counselor."));
    CHECK(record.findings().count("case/service-event-note") == 0);
  }

  TEST_CASE("rule case/closure: an active case carrying a closure block") {
    Record record;
    record.set(kClient, {"closure", "date"}, "2026-11-20");
    CHECK(record.rules() == "case/closure");
    CHECK(says(record.finding("case/closure"), "the case is active"));
  }

  TEST_CASE("rule case/closure: a closed case with work still running") {
    Record record;
    record.set(kClient, {"status"}, "closed");
    record.set(kClient, {"closure", "date"}, "2026-11-21");
    record.set(kClient, {"closure", "reason"}, "Moved to Newark");
    record.set(kClient, {"closure", "summary"},
               "Passed one HSE test; referred to Newark services.");
    Diagnostic d = record.finding("case/closure");
    for (const char* what : {"goal G1 is still active", "service S1 is still active",
                             "service S4 is still planned", "need N1 is still open"})
      CHECK_MESSAGE(says(d, what), d.message);
    CHECK_FALSE(says(d, "release"));  // each release has an end date
    record.remove(kClient, {"consents", kHope, "expires"});
    CHECK(says(record.finding("case/closure"), "the release for Project H.O.P.E. has no end date"));
    record.set(kClient, {"consents", kHope, "revoked"}, "2026-11-21");
    CHECK_FALSE(says(record.finding("case/closure"), "release"));
    // Everything ended: the closure passes.
    for (std::size_t g = 0; g < 3; ++g)
      record.set(kPlan, {"short_term_goals", g, "status"}, "discontinued");
    for (std::size_t s = 0; s < 5; ++s) record.set(kPlan, {"services", s, "status"}, "completed");
    for (std::size_t n = 0; n < 5; ++n)
      record.set(kClient, {"assessment", "needs", n, "status"}, "met");
    CHECK(record.findings().count("case/closure") == 0);
  }

  TEST_CASE("rule case/closure: the closure date after the opening and the last note") {
    Record record;
    for (std::size_t g = 0; g < 3; ++g)
      record.set(kPlan, {"short_term_goals", g, "status"}, "achieved");
    for (std::size_t s = 0; s < 5; ++s) record.set(kPlan, {"services", s, "status"}, "completed");
    for (std::size_t n = 0; n < 5; ++n)
      record.set(kClient, {"assessment", "needs", n, "status"}, "met");
    record.set(kClient, {"status"}, "closed");
    record.set(kClient, {"closure", "reason"}, "Goals achieved");
    record.set(kClient, {"closure", "summary"}, "Has his HSE and a job.");
    record.set(kClient, {"closure", "date"}, "2026-11-20");  // the day of the last note
    CHECK(record.findings().count("case/closure") == 0);
    record.set(kClient, {"closure", "date"}, "2026-11-19");
    CHECK(says(record.finding("case/closure"), "before its last note of 2026-11-20"));
    record.set(kClient, {"closure", "date"}, "2026-09-01");
    CHECK(record.findings().count("case/closure") == 2);  // before the opening, and the notes
  }

  TEST_CASE("rule case/closure: each earlier episode was closed within its days") {
    Record record;
    record.set(kClient, {"episodes"},
               parse_yaml("- opened: 2025-01-10\n  closure:\n    date: 2025-06-30\n"
                          "    reason: Moved\n    summary: Left for Newark.\n",
                          "episodes"));
    CHECK(record.findings().count("case/closure") == 0);
    record.set(kClient, {"episodes", std::size_t{0}, "closure", "date"}, "2027-01-01");
    CHECK(says(record.finding("case/closure"), "episode 1 closed on 2027-01-01, outside"));
    record.remove(kClient, {"episodes", std::size_t{0}, "closure", "summary"});
    CHECK(record.findings().count("case/closure") == 2);
  }

  TEST_CASE("rule case/closure: a release kept at closure by choice is not running") {
    Record record;
    record.set(kClient, {"status"}, "closed");
    record.set(kClient, {"closure", "date"}, "2026-11-21");
    record.set(kClient, {"closure", "reason"}, "Moved");
    record.set(kClient, {"closure", "summary"}, "Left.");
    record.remove(kClient, {"consents", kHope, "expires"});
    CHECK(says(record.finding("case/closure"), "has no end date"));
    record.set(kClient, {"closure", "releases"}, "kept");
    CHECK_FALSE(says(record.finding("case/closure"), "has no end date"));
  }

  // The last contact with Marcus was 2026-11-20; the program expects one
  // every 30 days.
  TEST_CASE("rule case/contact-gap: only contacts with the client count") {
    Record record;
    record.as_of("2026-12-25");
    CHECK(record.findings().count("case/contact-gap") == 1);
    add_contact(record, "2026-12-18", "collateral");
    CHECK(record.findings().count("case/contact-gap") == 1);
    add_contact(record, "2026-12-19", "attempted");
    CHECK(record.findings().count("case/contact-gap") == 1);
    SUBCASE("a phone call") {
      add_contact(record, "2026-12-20", "phone");
      CHECK(record.findings().count("case/contact-gap") == 0);
    }
    SUBCASE("a video call") {
      add_contact(record, "2026-12-20", "video");
      CHECK(record.findings().count("case/contact-gap") == 0);
    }
  }

  TEST_CASE("rule note/timely: a note written before the interaction") {
    Record record;
    record.set(kNote, {"written"}, "2026-11-19");
    CHECK(record.rules() == "note/timely");
    CHECK(says(record.finding("note/timely"), "before the interaction of 2026-11-20"));
    record.set(kNote, {"written"}, "2026-10-20");
    CHECK(record.rules() == "note/timely");
    record.set(kNote, {"written"}, "2026-11-22");  // within the 2 days
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule note/next-steps: each step says who, and a date after the contact") {
    SUBCASE("no who") {
      Record record;
      record.remove(kNote, {"plan", kThird, "who"});
      CHECK(record.rules() == "note/next-steps");
      CHECK(says(record.finding("note/next-steps"), "person responsible"));
    }
    SUBCASE("a blank who") {
      Record record;
      record.set(kNote, {"plan", kThird, "who"}, " ");
      CHECK(record.rules() == "note/next-steps");
    }
    SUBCASE("due before the contact") {
      Record record;
      record.set(kNote, {"plan", kThird, "by"}, "2026-11-19");
      CHECK(record.rules() == "note/next-steps");
      CHECK(says(record.finding("note/next-steps"), "before the contact of 2026-11-20"));
    }
    SUBCASE("near-miss: due the day of the contact") {
      Record record;
      record.set(kNote, {"plan", kThird, "by"}, "2026-11-20");
      CHECK(record.rules() == "(none)");
    }
  }
}  // TEST_SUITE("rules")
