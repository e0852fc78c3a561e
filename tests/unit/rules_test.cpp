// casekit check, rule by rule: the exemplary record (examples/caseload,
// marcus-jones) passes every rule, and for every rule of src/data/rules.yaml
// one small change to that record makes exactly that rule fire. Together
// that is each rule's failing and passing record. A rule added to
// rules.yaml without a row in the table below fails the suite.
//
// Run them with: casekit_unit_tests -ts=rules
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "rule_record.hpp"
#include "yaml/yaml_edit.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

// ---------------------------------------------------------------------------
// The table: for every rule, a change to the exemplary record that makes it
// fire, and the other rules that fire with it (when that cannot be avoided).

using Edit = std::function<void(Record&, const std::string& file)>;

struct Row {
  const char* rule;
  const char* file;  // the file the edit changes
  const char* what;  // "rule RULE: fails on WHAT"
  Edit edit;
  std::set<std::string> also = {};
  bool folder = false;  // a finding about the case folder, not the client
};

Edit set_to(YamlPath at, const char* scalar) {
  return [=](Record& r, const std::string& f) { r.set(f, at, scalar); };
}
Edit set_to(YamlPath at, YamlNode value) {
  return [=](Record& r, const std::string& f) { r.set(f, at, value); };
}
Edit drop(YamlPath at) {
  return [=](Record& r, const std::string& f) { r.remove(f, at); };
}
Edit add(YamlPath at, YamlNode item) {
  return [=](Record& r, const std::string& f) { r.append(f, at, item); };
}
Edit text(std::string from, std::string to) {
  return [=](Record& r, const std::string& f) { r.replace(f, from, to); };
}
Edit both(Edit first, Edit second) {
  return [=](Record& r, const std::string& f) {
    first(r, f);
    second(r, f);
  };
}

// A service under way since 2026-10-01 that no note names: its start is
// told (a next step of the 2026-09-24 note is due that day), its progress
// is not.
YamlNode tutoring() {
  YamlNode s = YamlNode::mapping();
  s.set("id", YamlNode::scalar("S6"));
  s.set("name", YamlNode::scalar("Tutoring"));
  s.set("needs", list_of({"N1"}));
  s.set("goals", list_of({"G1"}));
  s.set("provider", YamlNode::scalar("Hunts Point Youth Pathways"));
  s.set("start", YamlNode::scalar("2026-10-01"));
  s.set("status", YamlNode::scalar("active"));
  return s;
}

const char* const kPhoneNote = "notes/2026-10-29-1530-phone.yaml";

const std::vector<Row>& table() {
  static const std::vector<Row> rows = {
      // Structure. A format error in a file holds back the desk-guide rules
      // that read it (see "format errors:" below).
      {"format/parse", kNote, "a note that is not valid YAML",
       text("author: Alicia Moreno", "author: [Alicia Moreno")},
      {"format/unknown-key", kPlan, "a misspelt key (targt_date)",
       text("    target_date: 2027-06-30\n", "    targt_date: 2027-06-30\n")},
      {"format/missing-key", kPlan, "a short-term goal without its statement",
       drop({"short_term_goals", G1, "statement"})},
      {"format/type", kClient, "a status that is not one of the choices (activ)",
       set_to({"status"}, "activ")},
      {"format/date", kPlan, "a date that is not on the calendar (2027-02-30)",
       set_to({"short_term_goals", G1, "target_date"}, "2027-02-30")},
      {"format/duplicate-id", kClient, "a second need N1",
       add({"assessment", "needs"}, open_need("N1", "housing", "Needs a place of his own."))},
      {"format/dangling-ref", kNote, "a note naming goal G7, which the plan does not have",
       text("goals:\n  - G1\n", "goals:\n  - G7\n")},
      // Without a plan, the notes' goals would dangle: the notes go too, and
      // with them the last contact.
      {"format/missing-file",
       kPlan,
       "an active client with no plan 74 days after the assessment",
       [](Record& r, const std::string& f) {
         fs::remove(r.path(f));
         fs::remove_all(r.client_folder() / "notes");
       },
       {"case/contact-gap"}},
      {"format/control-character", kClient, "a name with a terminal escape in it (\\e[31m)",
       text("name: Marcus Jones", "name: \"Marcus \\e[31mJones\"")},
      {"format/leftover-edit",
       "../../.casekit/edit/edit-x3F9qa.yaml",
       "an intake typed in the editor when casekit was killed",
       [](Record& r, const std::string& f) { r.write(f, "name: Marcus Jones\n"); },
       {},
       true},
      {"format/note-name", kNote, "a note file named phone holding an in-person note",
       [](Record& r, const std::string& f) {
         fs::rename(r.path(f), r.client_folder() / "notes" / "2026-11-20-1430-phone.yaml");
       }},
      {"format/unknown-file", "notes/scan.pdf", "a file in notes/ that is not a note",
       [](Record& r, const std::string& f) { r.write(f, "%PDF-1.4\n"); }},
      {"format/document", "documents/scan0001.pdf",
       "a scan in documents/ that client.yaml does not list",
       [](Record& r, const std::string& f) { r.write(f, "%PDF-1.4\n"); }},
      {"format/disclosure-changed", "disclosures.yaml",
       "an entry of the accounting of disclosures changed by hand",
       [](Record& r, const std::string& f) {
         r.write(f,
                 "disclosures:\n  - date: 2026-11-20\n    partner: Eastside Housing\n"
                 "    release_signed: 2026-09-08\n    shares: [plan]\n    format: json\n"
                 "    by: worker\n    output: sha256:0\n    hash: sha256:0\n");
       }},
      {"format/leftover-temp", ".plan.yaml.casekit-x3F9qa",
       "a plan.yaml half written when casekit was killed",
       [](Record& r, const std::string& f) { r.write(f, r.read(kPlan).substr(0, 100)); }},
      {"format/leftover-temp", "notes/.2026-11-20-1430-in-person.yaml.casekit-Qa71bc",
       "an unfinished note", [](Record& r, const std::string& f) { r.write(f, ""); }},
      {"format/symbolic-link", "notes", "notes/ a link to a folder outside the case folder",
       [](Record& r, const std::string& f) {
         fs::path elsewhere = r.root() / "elsewhere";  // any target: no link is followed
         fs::create_directories(elsewhere);
         fs::remove_all(r.path(f));
         fs::create_directory_symlink(elsewhere, r.path(f));
       }},
      {"format/symbolic-link", kNote, "a note that is a link to a file outside the case folder",
       [](Record& r, const std::string& f) {
         fs::path elsewhere = r.root() / "note.yaml";
         fs::rename(r.path(f), elsewhere);
         fs::create_symlink(elsewhere, r.path(f));
       }},
      {"format/symbolic-link", "documents", "a link to /etc in the client's folder",
       [](Record& r, const std::string& f) { fs::create_directory_symlink("/etc", r.path(f)); }},
      {"format/unreadable", kNote, "a note that is a named pipe (it would hang a reader)",
       [](Record& r, const std::string& f) {
         fs::remove(r.path(f));
         REQUIRE(::mkfifo(r.path(f).c_str(), 0600) == 0);
       }},
      {"check/unused-suppression", kPlan, "a suppression that suppresses nothing",
       text("next_review: 2026-12-21",
            "next_review: 2026-12-21  # casekit: disable=plan/review-due")},
      {"check/unused-suppression", kPlan, "a suppression naming a rule that does not exist",
       text("next_review: 2026-12-21",
            "next_review: 2026-12-21  # casekit: disable=plan/review-late")},
      {"check/profile-override",
       kSettings,
       "profile: wioa, and the dycd notes deadline kept",
       set_to({"profile"}, "wioa"),
       {},
       true},

      // Initial assessment. Needs live in the assessment, so without it the
      // plan's references to them go too, and the services lose their need.
      {"assessment/missing",
       kClient,
       "a client.yaml with no assessment",
       [](Record& r, const std::string& f) {
         r.remove(f, {"assessment"});
         for (std::size_t g = 0; g < 3; ++g) r.remove(kPlan, {"short_term_goals", g, "needs"});
         for (std::size_t s = 0; s < 5; ++s) r.remove(kPlan, {"services", s, "needs"});
         for (std::size_t x = 0; x < 3; ++x) r.remove(kPlan, {"referrals", x, "needs"});
         for (const auto& note : fs::directory_iterator(r.client_folder() / "notes"))
           r.remove("notes/" + note.path().filename().string(), {"needs"});
       },
       {"plan/service-without-need"}},
      {"assessment/language", kClient,
       "a Spanish speaker assessed in English without an interpreter",
       set_to({"language"}, "Spanish")},
      {"assessment/language", kClient, "an assessment that does not say its language",
       drop({"assessment", "language"})},
      {"assessment/strengths", kClient, "strengths: []",
       set_to({"assessment", "strengths"}, YamlNode::sequence())},
      {"assessment/resources", kClient, "resources: []",
       set_to({"assessment", "resources"}, YamlNode::sequence())},
      {"assessment/history", kClient, "no background", drop({"assessment", "background"})},
      {"assessment/eligibility", kClient, "eligibility without its basis",
       drop({"assessment", "eligibility", "basis"})},
      {"assessment/readiness", kClient, "no readiness", drop({"assessment", "readiness"})},
      {"assessment/whole-person", kClient, "no client_words", drop({"assessment", "client_words"})},
      {"assessment/whole-person",
       kClient,
       "8 challenges and barriers against 1 strength and 1 resource",
       both(set_to({"assessment", "strengths"}, list_of({"Aptitude for computers."})),
            set_to({"assessment", "resources"}, list_of({"His sister Keisha."}))),
       // G1's laptop and G2's eagerness are no longer in the assessment.
       {"goal/strength-based"}},
      {"assessment/challenges", kClient, "challenges: []",
       set_to({"assessment", "challenges"}, YamlNode::sequence())},
      {"assessment/barriers", kClient, "barriers: []",
       set_to({"assessment", "barriers"}, YamlNode::sequence())},
      {"assessment/basic-needs", kClient, "food: not-assessed",
       set_to({"assessment", "basic_needs", "food"}, "not-assessed")},
      {"assessment/basic-needs", kClient, "a basic need left out (childcare)",
       drop({"assessment", "basic_needs", "childcare"})},
      {"assessment/immediate-needs", kClient,
       "safety assessed as a need, with no safety need to act on",
       set_to({"assessment", "basic_needs", "safety"}, "need")},
      {"assessment/immediate-needs",
       kClient,
       "an open safety need with nothing on the plan for it",
       add({"assessment", "needs"},
           open_need("N6", "safety", "Threatened by a neighbor in the building.")),
       {"plan/need-not-addressed"}},
      {"assessment/demographics", kClient, "no date of birth", drop({"date_of_birth"})},
      {"assessment/screening", kClient,
       "a client enrolled in Oregon's JOBS program, with no screenings recorded",
       both(set_to({"profile"}, "oregon-jobs"), drop({"assessment", "screenings"}))},

      // Service plan.
      {"plan/long-term-goal", kPlan, "a short-term goal without long_term",
       drop({"short_term_goals", G1, "long_term"})},
      {"plan/short-term-goal",
       kPlan,
       "every short-term goal discontinued",
       [](Record& r, const std::string& f) {
         for (std::size_t g = G1; g <= G3; ++g)
           r.set(f, {"short_term_goals", g, "status"}, "discontinued");
       },
       // The services help goals that are all discontinued.
       {"plan/service-without-goal"}},
      {"plan/need-not-addressed", kClient,
       "an open need N6 that no goal, service or referral names",
       add({"assessment", "needs"}, open_need("N6", "housing", "Needs a place of his own."))},
      {"plan/service-without-need", kPlan, "a service without needs",
       drop({"services", S4, "needs"})},
      {"plan/service-without-goal", kPlan,
       "a service with no goals, for a need (N6) that only the assessment has",
       [](Record& r, const std::string& f) {
         r.append(kClient, {"assessment", "needs"},
                  open_need("N6", "employment", "Wants help finding a second, weekend job."));
         r.remove(f, {"services", S4, "goals"});
         r.set(f, {"services", S4, "needs"}, list_of({"N6"}));
       }},
      {"goal/client-words", kPlan, "a long-term goal without the client's words",
       drop({"long_term_goals", std::size_t{0}, "client_words"})},
      {"plan/service-not-allowed", kPlan, "a service the program does not offer (Car repair)",
       set_to({"services", S4, "name"}, "Car repair")},
      {"plan/out-of-scope", kPlan,
       "an out-of-scope need (N3) met by a program service, not a referral",
       both(drop({"referrals", R3, "needs"}),
            add({"services", S2, "needs"}, YamlNode::scalar("N3")))},
      {"plan/referral-consent", kPlan, "a referral without a release of information",
       drop({"referrals", R1, "consent"})},
      {"plan/referral-consent", kClient, "a referral whose release expired before today",
       set_to({"consents", kFathers, "expires"}, "2026-11-01")},
      {"plan/referral-consent", kClient, "a referral whose release was revoked",
       set_to({"consents", kHope, "revoked"}, "2026-11-10")},
      {"plan/referral-follow-up", kPlan, "a referral of 2026-09-25 with no outcome recorded",
       [](Record& r, const std::string& f) {
         r.remove(f, {"referrals", R1, "outcome"});
       }},
      {"plan/signature", kPlan, "a plan the client did not sign, with no reason",
       drop({"signatures", "client"})},
      {"plan/signature", kPlan, "a case manager's signature without a date",
       drop({"signatures", "case_manager", "date"})},
      {"plan/changed-after-signature", kPlan,
       "a client's signature whose digest is not the plan's (edited since)",
       set_to({"signatures", "client", "digest"},
              "sha256:0000000000000000000000000000000000000000000000000000000000000000")},
      {"plan/review-due", kPlan, "next_review passed (2026-11-18)",
       set_to({"next_review"}, "2026-11-18")},
      {"plan/stale-after-emergent-need",
       kNote,
       "an emergent-need note that names no need",
       both(set_to({"event"}, "emergent-need"), drop({"needs"})),
       {"note/emergent-need-impact"}},
      {"note/concise", kNote, "an assessment that repeats the objective word for word",
       set_to({"assessment"},
              "Met with Marcus for 45 minutes at the program office. He has completed two of "
              "three mock interviews and submitted six job applications, two of them for "
              "computer support jobs. He attended the program's college and career workshop on "
              "2026-11-19. The petition on his child support order was filed on 2026-11-02.")},
      {"plan/before-assessment", kClient, "an assessment dated after the plan was written",
       set_to({"assessment", "date"}, "2026-09-25")},
      {"plan/accommodations", kClient,
       "dyslexia recorded in the assessment, and no accommodations on the plan",
       add({"assessment", "challenges"},
           YamlNode::scalar("Has dyslexia; long forms take him longer."))},
      {"plan/exit-plan", kPlan, "a plan reviewed on 2026-11-20 with no exit plan",
       both(drop({"exit_plan"}), set_to({"reviewed"}, "2026-11-20"))},

      // Short-term goals (S.M.A.R.T.S.).
      {"goal/specific", kPlan, "a statement without who will do what (Better grades)",
       set_to({"short_term_goals", G1, "statement"}, "Better grades")},
      {"goal/measurable",
       kPlan,
       "no measure, and no count, score or named target in the statement",
       both(
           drop({"short_term_goals", G1, "measure"}),
           set_to({"short_term_goals", G1, "statement"}, "Marcus will go to his evening classes.")),
       // The latest note records a value for G1's measure, which is gone.
       {"note/measure-goal"}},
      {"goal/time-framed", kPlan, "a goal without a target date",
       drop({"short_term_goals", G1, "target_date"})},
      {"goal/time-framed", kPlan, "an open milestone without a due date",
       drop({"short_term_goals", G1, "milestones", kThird, "due"})},
      {"goal/frequency", kPlan, "college and career counseling, and no frequency",
       drop({"short_term_goals", G3, "frequency"})},
      {"goal/strength-based", kPlan, "no strengths_used",
       drop({"short_term_goals", G1, "strengths_used"})},
      {"goal/milestones", kPlan, "no milestones", drop({"short_term_goals", G1, "milestones"})},
      {"goal/methods", kPlan, "no methods", drop({"short_term_goals", G1, "methods"})},
      {"goal/responsible", kPlan, "no one responsible",
       drop({"short_term_goals", G1, "responsible"})},
      {"goal/program-outcome", kPlan, "no program outcome",
       drop({"short_term_goals", G1, "program_outcome"})},
      {"goal/program-outcome", kPlan, "an outcome that is not one of the program's",
       set_to({"short_term_goals", G1, "program_outcome"}, "Gets a diploma")},
      {"goal/overdue",
       kPlan,
       "an active goal due 2026-10-31",
       set_to({"short_term_goals", G1, "target_date"}, "2026-10-31"),
       // Its open milestones are now due after its target date.
       {"goal/time-framed"}},
      {"goal/scope-wording", kPlan, "a goal of reducing anxiety symptoms",
       set_to({"short_term_goals", G3, "statement"},
              "Marcus will reduce his anxiety symptoms by 2027-01-29.")},

      // Progress notes (S.O.A.P.D.).
      {"note/objective", kNote, "no objective", drop({"objective"})},
      {"note/assessment", kNote, "no assessment", drop({"assessment"})},
      // G3's progress is told in the latest note only.
      {"note/goal-ref", kNote, "no goals", drop({"goals"})},
      {"note/strengths", kNote, "no strengths", drop({"strengths"})},
      {"note/data", kNote, "no data", drop({"data"})},
      {"note/client-steps", kNote, "no client_steps", drop({"client_steps"})},
      {"note/worker-steps", kNote, "no worker_steps", drop({"worker_steps"})},
      {"note/measure-goal", kPlan, "a value recorded for G1 after its measure is removed",
       drop({"short_term_goals", G1, "measure"})},
      {"note/next-steps", kNote, "no plan", drop({"plan"})},
      {"note/next-steps", kNote, "a next step without a date", drop({"plan", kFirst, "by"})},
      {"note/timely", kNote, "a note written 3 days after the contact (the program allows 2)",
       set_to({"written"}, "2026-11-23")},
      {"note/timely", kNote, "a note that does not say when it was written", drop({"written"})},
      {"note/future-date", kNote, "a note written tomorrow", set_to({"written"}, "2026-11-24")},
      // The latest note says where Marcus stands, and nothing he cannot do.
      {"note/emergent-need-impact", kNote, "an emergent-need note that says no impact on a goal",
       set_to({"event"}, "emergent-need")},

      // The case as a whole.
      {"case/contact-gap", kSettings,
       "3 days since the last contact when the program expects contact every 2",
       set_to({"contact_interval_days"}, "2")},
      {"case/service-event-note", kPlan,
       "a service that ended with no note within a week (2026-11-10)",
       set_to({"services", S1, "end"}, "2026-11-10")},
      {"case/goal-progress", kNote,
       "G3 and S5 (which serves G3 alone) left out of the only note since the plan that tells of "
       "it",
       both(text("  - G2\n  - G3\nevent", "  - G2\nevent"), text("service: S5\n", ""))},
      {"case/service-progress", kPlan, "tutoring under way since 2026-10-01 and in no note",
       add({"services"}, tutoring())},
      {"case/referral-review", kPhoneNote,
       "the Bronx Fathers' Support Network named in no note since the referral",
       text("navigator at the Bronx Fathers' Support Network", "navigator")},
      {"case/plan-narrated", kPlan, "a review of 2026-11-10 with no note of those days",
       set_to({"reviewed"}, "2026-11-10")},
      {"case/event-ahead", kPlan, "a review held tomorrow", set_to({"reviewed"}, "2026-11-24")},
      {"case/employment-note", kPlan, "G2 (a job) achieved on 2026-11-10, in no note of that week",
       both(set_to({"short_term_goals", std::size_t{1}, "status"}, "achieved"),
            set_to({"short_term_goals", std::size_t{1}, "status_date"}, "2026-11-10"))},
      {"case/closure", kClient, "a closed case without closure and with active goals",
       set_to({"status"}, "closed")},

      // Writing.
      {"language/label", kNote, "refused",
       text("Met with Marcus for 45 minutes", "Marcus refused to meet for longer than 45 minutes")},
      {"language/opinion", kNote, "seems",
       text("Marcus is making steady progress", "Marcus seems to be making steady progress")},
      {"language/doubt", kNote, "claims",
       text("  - Submitted six job applications.",
            "  - Claims he submitted six job applications.")},
      {"language/absolute", kNote, "always",
       text("Met with Marcus for 45 minutes",
            "Marcus is always on time. Met with him for 45 minutes")},
      {"language/slang", kNote, "gonna",
       text("Submit 4 more job applications", "Gonna submit 4 more job applications")},
      {"language/over-promise", kNote, "I will make sure",
       text("Register Marcus for the Bronx Community College open house",
            "I will make sure Marcus gets a seat at the Bronx Community College open house")},
      {"language/grammar", kNote, "Marcus and me went",
       text("Met with Marcus for 45 minutes", "Marcus and me met for 45 minutes")},
      {"language/spelling", kNote, "misspelt words (offise, compleeted)",
       text("at the program office. He has completed", "at the program offise. He has compleeted")},
  };
  return rows;
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("the exemplary record passes every rule") {
    Record record;
    CheckResult result = record.check();
    CHECK(result.folder_findings.empty());
    REQUIRE(result.clients.size() == 1);
    CHECK(record.rules() == "(none)");
    CHECK(result.count(Severity::info) == 0);
  }

  TEST_CASE("rule table: each rule fails on its change to the exemplary record") {
    for (const Row& row : table()) {
      std::string name = std::string("rule ") + row.rule + ": fails on " + row.what;
      SUBCASE(name.c_str()) {
        Record record;
        row.edit(record, row.file);
        CheckResult result = row.folder ? record.check_all() : record.check();
        std::set<std::string> expected = row.also;
        expected.insert(row.rule);
        if (row.folder) {
          std::set<std::string> ids;
          for (const auto& d : result.folder_findings) ids.insert(d.rule);
          CHECK(joined(ids) == joined(expected));
          CHECK(Record::rules_of(result) == "(none)");
          continue;
        }
        // A day count written in casekit.yaml is also reported there, where
        // it overrides the profile (settings_test.cpp); nothing else is.
        for (const auto& d : result.folder_findings)
          CHECK(d.rule == (std::string(row.file) == kSettings ? "check/profile-override" : ""));
        for (const auto& client : result.clients)
          for (const Diagnostic& d : client.findings) {
            // --format checklist quotes findings in its feedback, whose
            // tips ask to link with "and", never "but" or "however".
            std::string text = to_lower(d.message + " " + d.hint);
            CHECK_MESSAGE(text.find(" but ") == std::string::npos, d.message);
            CHECK_MESSAGE(text.find("however") == std::string::npos, d.message);
            // A hint is printed in parentheses after the message: one of
            // its own would nest ("(instead: ... (say ...))").
            CHECK_MESSAGE(d.hint.find_first_of("()") == std::string::npos,
                          d.rule << "'s hint has parentheses: " << d.hint);
            // The checklist's block per goal takes the goal from the subject.
            if (find_rule(d.rule)->checklist == "short-term-goal")
              CHECK_MESSAGE((d.subject.kind == SubjectKind::goal && !d.subject.id.empty()),
                            d.rule << " reports no goal as its subject");
          }
        std::string found = Record::rules_of(result);
        if (row.rule == std::string("language/spelling") && result.spelling_unavailable) {
          MESSAGE(
              "language/spelling: no dictionary is installed here (hunspell en_US), so it is not "
              "checked: skipped");
          continue;
        }
        CHECK(found == joined(expected));
      }
    }
  }

  TEST_CASE("rule table: every rule of the catalogue has a row") {
    std::set<std::string> tested;
    for (const Row& row : table()) {
      CHECK_MESSAGE(find_rule(row.rule) != nullptr,
                    "the table names a rule that is not in rules.yaml: " << row.rule);
      tested.insert(row.rule);
    }
    REQUIRE(!rule_catalogue().empty());
    for (const RuleInfo& rule : rule_catalogue())
      CHECK_MESSAGE(tested.count(rule.id) == 1,
                    "no row in tests/unit/rules_test.cpp for " << rule.id);
  }

  // ---------------------------------------------------------------------------
  // Severities and suppressions, on one finding: G1 without a target date.

  namespace {

  void remove_target_date(Record& record) {
    record.remove(kPlan, {"short_term_goals", G1, "target_date"});
  }

  const char* const kG1Line = "  - id: G1\n";

  }  // namespace

  TEST_CASE("rule severity: goal/time-framed is reported where the goal starts, as a warning") {
    Record record;
    remove_target_date(record);
    Diagnostic d = record.finding("goal/time-framed");
    CHECK(d.severity == Severity::warning);
    CHECK(d.location.line == record.line_of(kPlan, kG1Line));
  }

  TEST_CASE("rule severity: `off` in casekit.yaml removes the finding") {
    Record record;
    remove_target_date(record);
    record.set(kSettings, {"rules", "goal/time-framed"}, "off");
    CHECK(record.rules() == "(none)");
    CHECK(record.check().folder_findings.empty());
  }

  TEST_CASE("rule severity: `error` in casekit.yaml changes the severity") {
    Record record;
    remove_target_date(record);
    record.set(kSettings, {"rules", "goal/time-framed"}, "error");
    CHECK(record.finding("goal/time-framed").severity == Severity::error);
    CHECK(record.check().count(Severity::error) == 1);
  }

  TEST_CASE("rule severity: `info` in casekit.yaml lowers the severity") {
    Record record;
    remove_target_date(record);
    record.set(kSettings, {"rules", "goal/time-framed"}, "info");
    CHECK(record.finding("goal/time-framed").severity == Severity::info);
    CHECK(record.check().count(Severity::warning) == 0);
  }

  TEST_CASE("rule severity: an unknown rule in casekit.yaml is format/unknown-key") {
    Record record;
    remove_target_date(record);
    record.set(kSettings, {"rules", "goal/timeframed"}, "off");
    CheckResult result = record.check();
    REQUIRE(result.folder_findings.size() == 1);
    const Diagnostic& d = result.folder_findings[0];
    CHECK(d.rule == "format/unknown-key");
    CHECK(d.severity == Severity::error);
    CHECK(d.location.line == record.line_of(kSettings, "goal/timeframed"));
    CHECK(d.hint.find("goal/time-framed") != std::string::npos);  // did you mean
    CHECK(record.rules() == "goal/time-framed");                  // and nothing is turned off
  }

  TEST_CASE("rule severity: check/unused-suppression follows casekit.yaml like every rule") {
    // casekit-check(1) and --explain: any rule can be turned off or given a
    // severity in casekit.yaml.
    Record record;
    record.replace(kPlan, "next_review: 2026-12-21",
                   "next_review: 2026-12-21  # casekit: disable=plan/review-due");
    REQUIRE(record.rules() == "check/unused-suppression");
    record.set(kSettings, {"rules", "check/unused-suppression"}, "error");
    CHECK(record.finding("check/unused-suppression").severity == Severity::error);
    record.set(kSettings, {"rules", "check/unused-suppression"}, "off");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule severity: findings about clients/ follow casekit.yaml like every rule") {
    Record record;
    std::ofstream(record.root() / "clients" / "notes.txt") << "call list\n";
    CheckResult before = record.check_all();
    REQUIRE(before.folder_findings.size() == 1);
    REQUIRE(before.folder_findings[0].rule == "format/unknown-file");
    record.set(kSettings, {"rules", "format/unknown-file"}, "off");
    CHECK(record.check_all().folder_findings.size() == 0);
  }

  TEST_CASE(
      "leftover temporary files: beside casekit.yaml and in clients/ (a new client's folder)") {
    Record record;
    std::ofstream(record.root() / ".casekit.yaml.casekit-Zz9y8X") << "program: half";
    fs::create_directory(record.root() / "clients" / ".ana-lopez.casekit-AbC123");
    CheckResult result = record.check_all();
    REQUIRE(result.folder_findings.size() == 2);
    CHECK(result.folder_findings[0].rule == "format/leftover-temp");
    CHECK(result.folder_findings[0].location.file ==
          (record.root() / ".casekit.yaml.casekit-Zz9y8X").string());
    CHECK(result.folder_findings[1].location.file ==
          (record.root() / "clients" / ".ana-lopez.casekit-AbC123").string());
    CHECK(result.folder_findings[1].severity == Severity::warning);
  }

  TEST_CASE("leftover temporary files: other hidden files are not casekit's and are left alone") {
    Record record;
    for (const char* name : {".gitkeep", ".plan.yaml.swp", ".plan.yaml.casekit-12345",
                             ".x.casekit-12345!", ".casekit-123456"})
      record.write(name, "x");
    std::ofstream(record.root() / "clients" / ".DS_Store") << "x";
    CHECK(record.rules() == "(none)");
    CHECK(record.check_all().folder_findings.empty());
  }

  TEST_CASE("leftovers anywhere in the case folder: edit buffers and interrupted writes") {
    Record record;
    fs::create_directories(record.root() / ".casekit" / "edit");
    std::ofstream(record.root() / ".casekit" / ".gitignore") << "*\n";
    std::ofstream(record.root() / ".casekit" / "edit" / "edit-Ab12Cd.yaml") << "name: Ana\n";
    std::ofstream(record.root() / ".casekit-edit-Zz9y8X.yaml")
        << "name: Ben\n";  // earlier versions
    fs::create_directories(record.root() / "exports" / "2026" / ".csv.casekit-AbC123");
    std::ofstream(record.root() / "exports" / "2026" / ".plan.md.casekit-Qa71bc") << "half";
    CheckResult result = record.check_all();
    std::vector<std::string> found;
    for (const auto& d : result.folder_findings)
      found.push_back(d.rule + " " +
                      fs::path(d.location.file).lexically_relative(record.root()).string());
    std::sort(found.begin(), found.end());
    CHECK(found ==
          std::vector<std::string>{"format/leftover-edit .casekit-edit-Zz9y8X.yaml",
                                   "format/leftover-edit .casekit/edit/edit-Ab12Cd.yaml",
                                   "format/leftover-temp exports/2026/.csv.casekit-AbC123",
                                   "format/leftover-temp exports/2026/.plan.md.casekit-Qa71bc"});
  }

  TEST_CASE("leftovers: the working area's own files and other people's files are not reported") {
    Record record;
    fs::create_directories(record.root() / ".casekit" / "edit");
    fs::create_directories(record.root() / ".casekit" / "rescue");
    std::ofstream(record.root() / ".casekit" / ".gitignore") << "*\n";
    std::ofstream(record.root() / ".casekit" / "rescue" / "plan.yaml") << "x";
    fs::create_directories(record.root() / "exports");
    std::ofstream(record.root() / "exports" / ".csv.swp") << "x";
    std::ofstream(record.root() / ".casekit-edit.yaml") << "x";
    CHECK(record.check_all().folder_findings.empty());
  }

  TEST_CASE("leftovers: a kept text says how to resume it, not to delete it") {
    Record record;
    fs::create_directories(record.root() / ".casekit" / "rescue");
    std::ofstream(record.root() / ".casekit" / "rescue" / "note-ana-lopez-2026-11-23-2.yaml")
        << "objective: x\n";
    auto found = record.check_all().folder_findings;
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "format/leftover-edit");
    CHECK(found[0].message ==
          "text typed in `casekit note ana-lopez --edit` on 2026-11-23 that was not saved in the "
          "record; casekit kept it so that it is not lost");
    CHECK(found[0].hint ==
          "run `casekit note ana-lopez --edit --resume` to finish it and save it; the newest kept "
          "text opens first");
  }

  TEST_CASE("rule suppression: a comment at the end of the offending line") {
    Record record;
    remove_target_date(record);
    record.replace(kPlan, kG1Line, "  - id: G1  # casekit: disable=goal/time-framed\n");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule suppression: a comment on the line above") {
    Record record;
    remove_target_date(record);
    record.replace(kPlan, kG1Line,
                   std::string("  # casekit: disable=goal/time-framed\n") + kG1Line);
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule suppression: a comment above the line above suppresses nothing") {
    Record record;
    remove_target_date(record);
    // `short_term_goals:` is the line above G1: the comment is for that line.
    record.replace(kPlan, "short_term_goals:\n",
                   "# casekit: disable=goal/time-framed\nshort_term_goals:\n");
    CHECK(record.rules() == "check/unused-suppression, goal/time-framed");
  }

  TEST_CASE("rule suppression: a comment for another rule suppresses nothing") {
    Record record;
    remove_target_date(record);
    record.replace(kPlan, kG1Line, "  - id: G1  # casekit: disable=goal/overdue\n");
    CHECK(record.rules() == "check/unused-suppression, goal/time-framed");
  }

  TEST_CASE("rule suppression: several rules in one comment") {
    Record record;
    remove_target_date(record);
    record.remove(kPlan, {"short_term_goals", G1, "methods"});
    REQUIRE(record.rules() == "goal/methods, goal/time-framed");
    record.replace(kPlan, kG1Line,
                   "  - id: G1  # casekit: disable=goal/time-framed,goal/methods\n");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule suppression: disable-file suppresses the rule in the whole file") {
    Record record;
    remove_target_date(record);
    record.remove(kPlan, {"short_term_goals", G3, "target_date"});
    REQUIRE(record.findings().count("goal/time-framed") == 2);
    record.replace(kPlan, "# Individual service plan",
                   "# casekit: disable-file=goal/time-framed\n# Individual service plan");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule suppression: disable-file in another file does not reach this one") {
    Record record;
    remove_target_date(record);
    record.replace(kClient, "# Marcus Jones",
                   "# casekit: disable-file=goal/time-framed\n# Marcus Jones");
    CHECK(record.rules() == "check/unused-suppression, goal/time-framed");
  }

  TEST_CASE("rule suppression: an unused suppression is reported at the comment") {
    Record record;
    record.replace(kPlan, "next_review: 2026-12-21",
                   "next_review: 2026-12-21  # casekit: disable=plan/review-due");
    Diagnostic d = record.finding("check/unused-suppression");
    CHECK(d.severity == Severity::warning);
    CHECK(d.location.line == record.line_of(kPlan, "next_review:"));
    CHECK(d.location.column ==
          static_cast<int>(std::string("next_review: 2026-12-21  ").size()) + 1);
  }

  // A target date makes a goal time-framed, not measurable: "Teresa will do
  // better in math" (rules.yaml's failing example) does not become measurable
  // by adding "by 2027-03-01".
  TEST_CASE("rule goal/measurable: fails on a statement whose only number is its date") {
    Record record;
    record.remove(kPlan, {"short_term_goals", G1, "measure"});
    record.set(kPlan, {"short_term_goals", G1, "statement"},
               "Marcus will do better in his classes by 2027-06-30.");
    // "Will do better" names no observable action either.
    CHECK(record.rules() == "goal/measurable, goal/specific, note/measure-goal");
  }

  TEST_CASE("rule writing: the client's own words are never flagged") {
    Record record;
    // Words that fail language/absolute, opinion and slang outside quotes.
    record.replace(kNote,
                   "He is more relaxed\n  about interviews and said, \"The second one felt like a "
                   "real\n  conversation.\"",
                   "He is more relaxed\n  about interviews and said, \"I always get nervous, I'm "
                   "gonna\n  practice more.\"");
    CHECK(record.rules() == "(none)");
  }

  // ---------------------------------------------------------------------------
  // Issue 14, "wrong or too strict": each of these made a clean record fail.

  // S4 (job placement) is planned to start on 2026-12-01.
  TEST_CASE("rule case/service-event-note: a planned service's start is a plan, not an event") {
    Record record;
    for (const char* day : {"2026-12-02", "2026-12-09", "2026-12-20"}) {
      record.as_of(day);
      CHECK_MESSAGE(record.rules() == "(none)", "as of " << day);
    }
  }

  TEST_CASE("rule case/service-event-note: the note of a start is due within the week after") {
    Record record;
    record.set(kPlan, {"services", S4, "status"}, "active");
    record.as_of("2026-12-08");
    CHECK(record.rules() == "(none)");
    record.as_of("2026-12-09");
    CHECK(record.rules() == "case/service-event-note");
    record.set(kPlan, {"services", S4, "status"}, "completed");
    CHECK(record.rules() == "case/service-event-note");
  }

  TEST_CASE("rule case/service-event-note: a note within a week either side tells of it") {
    for (const char* day : {"2026-12-03", "2026-12-08", "2026-11-24"}) {
      Record record;
      record.set(kPlan, {"services", S4, "status"}, "active");
      record.add_note(day);
      record.as_of("2026-12-20");
      CHECK_MESSAGE(record.rules() == "(none)", "a note of " << day);
    }
    // Eight days before the start is about something else.
    Record record;
    record.set(kPlan, {"services", S4, "status"}, "active");
    record.add_note("2026-11-23");
    record.as_of("2026-12-20");
    CHECK(record.rules() == "case/service-event-note");
  }

  TEST_CASE("rule case/service-event-note: an end is told within the week after it") {
    Record record;
    fs::remove(record.path(kNote));  // of 2026-11-20
    // G3 was told of in that note only: set later, its progress is not due.
    record.set(kPlan, {"short_term_goals", G3, "status_date"}, "2026-11-01");
    record.set(kPlan, {"services", S1, "end"}, "2026-11-12");
    record.set(kPlan, {"services", S1, "status"}, "completed");
    record.as_of("2026-11-19");
    CHECK(record.rules() == "(none)");
    record.as_of("2026-11-20");
    CHECK(record.rules() == "case/service-event-note");
  }

  // The plan was written on 2026-09-24; the intake was on 2026-09-10.
  TEST_CASE("rule note/goal-ref: a note written before the plan has no goal to refer to") {
    Record record;
    std::string intake = record.add_note("2026-09-10");
    record.remove(intake, {"goals"});
    record.remove(intake, {"measures"});
    CHECK(record.rules() == "(none)");
    // The day after the plan was written, its goals are there to refer to.
    record.set(kPlan, {"created"}, "2026-09-09");
    record.set(kPlan, {"next_review"}, "2026-12-01");           // within 90 days of it
    record.set(kClient, {"assessment", "date"}, "2026-09-08");  // a plan comes after it
    CHECK(record.rules() == "note/goal-ref");
  }

  TEST_CASE("rule note/goal-ref: a note on the day the plan was written refers to its goals") {
    Record record;
    record.remove("notes/2026-09-24-1400-in-person.yaml", {"goals"});
    CHECK(record.rules() == "note/goal-ref");
  }

  TEST_CASE("rule plan/referral-consent: a referral that shares no information needs no release") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "consent"});
    REQUIRE(record.rules() == "plan/referral-consent");
    record.set(kPlan, {"referrals", R1, "shares_information"}, "false");
    CHECK(record.rules() == "(none)");
    record.set(kPlan, {"referrals", R1, "shares_information"}, "true");
    CHECK(record.rules() == "plan/referral-consent");
  }

  TEST_CASE("rule plan/referral-consent: a release's end does not matter when nothing is shared") {
    Record record;
    record.set(kClient, {"consents", kHope, "revoked"}, "2026-11-10");
    REQUIRE(record.rules() == "plan/referral-consent");
    record.set(kPlan, {"referrals", R1, "shares_information"}, "false");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule plan/referral-consent: shares_information takes true or false only") {
    Record record;
    record.remove(kPlan, {"referrals", R1, "consent"});
    record.set(kPlan, {"referrals", R1, "shares_information"}, "no");
    CHECK(record.rules() == "format/type");
  }

  // goal/measurable and note/measure-goal agree: a target is the indicator,
  // a baseline is there where one exists.
  TEST_CASE("rule goal/measurable: a measure with a target and no baseline is measurable") {
    Record record;
    record.remove(kPlan, {"short_term_goals", G1, "measure", "baseline"});
    record.set(kPlan, {"short_term_goals", G1, "statement"}, "Marcus will complete his HSE.");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule goal/measurable: a measure with a baseline and no target is not") {
    Record record;
    record.remove(kPlan, {"short_term_goals", G1, "measure", "target"});
    record.set(kPlan, {"short_term_goals", G1, "statement"},
               "Marcus will go to his evening classes.");
    CHECK(record.rules() == "goal/measurable, note/measure-goal");
  }

  TEST_CASE("rule assessment/language: an assessment in two languages, one the client's") {
    for (const char* language :
         {"Spanish and English", "English and Spanish", "Spanish/English", "spanish",
          "English, Spanish", "Spanish (some English)", "SPANISH"}) {
      Record record;
      record.set(kClient, {"language"}, "Spanish");
      record.set(kClient, {"assessment", "language"}, language);
      CHECK_MESSAGE(record.rules() == "(none)", "assessed in " << language);
    }
  }

  TEST_CASE("rule assessment/language: a bilingual client assessed in one of their languages") {
    for (const char* client :
         {"Spanish and English", "English/Spanish", "English, Haitian Creole"}) {
      Record record;
      record.set(kClient, {"language"}, client);
      CHECK_MESSAGE(record.rules() == "(none)", "the client speaks " << client);
    }
  }

  TEST_CASE("rule assessment/language: another language, or a part of its name, is not enough") {
    // The exemplary assessment is in English.
    for (const char* language : {"Portuguese and English", "Spanglish", "French"}) {
      Record record;
      record.set(kClient, {"language"}, "Spanish");
      record.set(kClient, {"assessment", "language"}, language);
      CHECK_MESSAGE(record.rules() == "assessment/language", "assessed in " << language);
    }
    Record record;
    record.set(kClient, {"language"}, "Haitian Creole");
    record.set(kClient, {"assessment", "language"}, "Creole and English");
    CHECK(record.rules() == "assessment/language");
  }

  TEST_CASE("rule plan/service-not-allowed: case and spacing do not make another service") {
    for (const char* name : {"job placement assistance", "Job Placement Assistance",
                             "Job placement  assistance ", "JOB PLACEMENT ASSISTANCE"}) {
      Record record;
      record.set(kPlan, {"services", S4, "name"}, name);
      CHECK_MESSAGE(record.rules() == "(none)", name);
    }
    for (const char* name : {"Job placement", "Job placement assistance (private)"}) {
      Record record;
      record.set(kPlan, {"services", S4, "name"}, name);
      CHECK_MESSAGE(record.rules() == "plan/service-not-allowed", name);
    }
  }

  TEST_CASE("rule goal/program-outcome: case and spacing do not make another outcome") {
    Record record;
    record.set(kPlan, {"short_term_goals", G1, "program_outcome"},
               "attains a high school equivalency (HSE)  diploma");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule format/missing-file: counted from the opening when there is no assessment date") {
    Record record;
    fs::remove(record.path(kPlan));
    fs::remove_all(record.client_folder() / "notes");
    record.remove(kClient, {"assessment", "date"});
    Diagnostic d = record.finding("format/missing-file");
    CHECK(d.message ==
          "no service plan yet, 76 days after the case was opened (the program allows 30)");
  }

  // A format error in one note: the rules still read every other file.
  const char* const kDangling = "goals:\n  - G7\n";

  TEST_CASE("format errors: a broken note does not hide the plan's and other notes' findings") {
    Record record;
    record.replace(kNote, "goals:\n  - G1\n", kDangling);
    record.remove(kPlan, {"short_term_goals", G1, "target_date"});
    record.remove("notes/2026-10-29-1530-phone.yaml", {"data"});
    CHECK(record.rules() == "format/dangling-ref, goal/time-framed, note/data");
  }

  TEST_CASE("format errors: the broken note's own findings wait until it is fixed") {
    Record record;
    record.replace(kNote, "goals:\n  - G1\n", kDangling);
    record.remove(kNote, {"data"});
    record.replace(kNote, "Met with Marcus for 45 minutes", "Marcus seems to be doing ok");
    CHECK(record.rules() == "format/dangling-ref");
  }

  TEST_CASE("format errors: rules that read every note wait while one is broken") {
    Record record;
    record.set(kSettings, {"contact_interval_days"}, "2");  // the last contact is 3 days ago
    REQUIRE(record.rules() == "case/contact-gap");
    record.replace(kNote, "goals:\n  - G1\n", kDangling);
    CHECK(record.rules() == "format/dangling-ref");
  }

  TEST_CASE("format errors: an error in plan.yaml or client.yaml still holds every rule back") {
    Record plan;
    plan.replace(kPlan, "    target_date: 2027-06-30\n", "    targt_date: 2027-06-30\n");
    plan.remove(kNote, {"data"});
    CHECK(plan.rules() == "format/unknown-key");
    Record client;
    client.set(kClient, {"status"}, "activ");
    client.remove(kNote, {"data"});
    CHECK(client.rules() == "format/type");
  }

  // ---------------------------------------------------------------------------
  // Issue 14, "too lenient": the plan.

  // N5 (college, the fifth need) is addressed by goal G3 and service S5 (the
  // fifth service) only.
  TEST_CASE("rule plan/need-not-addressed: an open need whose goals and services are over") {
    Record record;
    record.set(kPlan, {"short_term_goals", G3, "status"}, "achieved");
    CHECK(record.rules() == "(none)");  // S5 still addresses it
    record.set(kPlan, {"services", std::size_t{4}, "status"}, "completed");
    CHECK(record.rules() == "plan/need-not-addressed");
    record.set(kPlan, {"short_term_goals", G3, "status"}, "discontinued");
    CHECK(record.rules() == "plan/need-not-addressed");
    record.set(kClient, {"assessment", "needs", std::size_t{4}, "status"}, "met");
    CHECK(record.rules() == "(none)");
  }

  // The plan was written on 2026-09-24; the program reviews every 90 days.
  TEST_CASE("rule plan/review-due: the next review is within plan_review_days") {
    Record record;
    record.set(kPlan, {"next_review"}, "2029-11-01");
    CHECK(record.rules() == "plan/review-due");
    record.set(kPlan, {"next_review"}, "2026-12-24");
    CHECK(record.rules() == "plan/review-due");
    record.set(kPlan, {"next_review"}, "2026-12-23");
    CHECK(record.rules() == "(none)");
    // After a review the interval counts from it.
    record.set(kPlan, {"reviewed"}, "2026-11-20");
    record.set(kPlan, {"next_review"}, "2027-02-18");
    CHECK(record.rules() == "(none)");
    record.set(kPlan, {"next_review"}, "2027-02-19");
    CHECK(record.rules() == "plan/review-due");
  }

  TEST_CASE("rule plan/referral-consent: a referral made before its release was signed") {
    Record record;
    record.set(kPlan, {"referrals", R1, "date"}, "2026-09-20");
    CHECK(record.rules() == "plan/referral-consent");
    record.set(kPlan, {"referrals", R1, "date"}, "2026-09-24");  // the same day
    CHECK(record.rules() == "(none)");
  }

  // The note of the plan meeting says the plan was explained
  // (case/plan-narrated); the reason is the signature's.
  TEST_CASE("rule plan/signature: a declined signature says why") {
    const char* const meeting = "notes/2026-09-24-1400-in-person.yaml";
    const char* const read_and_signed = "read the plan aloud, and signed it.";
    const char* const explained = "read the plan aloud. I explained each goal; he did not sign.";
    for (const char* declined : {"no", "Declined.", "yes", "n/a", "None"}) {
      Record record;
      record.replace(meeting, read_and_signed, explained);
      record.remove(kPlan, {"signatures", "client"});
      record.set(kPlan, {"signatures", "client", "declined"}, declined);
      CHECK_MESSAGE(record.rules() == "plan/signature", "declined: " << declined);
    }
    Record record;
    record.replace(meeting, read_and_signed, explained);
    record.remove(kPlan, {"signatures", "client"});
    record.set(kPlan, {"signatures", "client", "declined"}, "Wants to read it at home first.");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule plan/signature: signed on a day the plan existed, and not in the future") {
    Record record;
    record.set(kPlan, {"signatures", "client", "date"}, "2026-11-24");  // tomorrow
    CHECK(record.rules() == "plan/signature");
    record.set(kPlan, {"signatures", "client", "date"}, "2026-09-20");  // before created
    CHECK(record.rules() == "plan/signature");
    record.set(kPlan, {"signatures", "client", "date"}, "2026-11-23");  // today
    record.set(kPlan, {"signatures", "case_manager", "date"}, "2026-12-01");
    CHECK(record.rules() == "plan/signature");
  }

}  // TEST_SUITE("rules")
