// Program profiles (schema/settings.cpp): what a profile brings, what
// casekit.yaml overrides and says it overrides, and clients enrolled in
// another program than the folder's.
#include <doctest/doctest.h>

#include "findings/rule_catalogue.hpp"
#include "rule_record.hpp"
#include "schema/settings.hpp"
#include "views/due.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

Settings settings_of(const std::string& casekit_yaml) {
  return read_settings(parse_yaml(casekit_yaml, "casekit.yaml"));
}

// The findings about casekit.yaml itself, by rule id.
std::string folder_rules(const Record& record) {
  std::set<std::string> ids;
  for (const auto& d : record.check_all().folder_findings) ids.insert(d.rule);
  return joined(ids);
}

}  // namespace

TEST_SUITE("settings") {
  // ---------------------------------------------------------------------------
  // Profiles: the numbers and the signature rule come from `profile:`, unless
  // casekit.yaml sets them. The example casekit.yaml writes out the dycd
  // numbers, so these tests take them out first.

  namespace {

  void use_profile(Record& record, const char* profile) {
    for (const char* key :
         {"note_deadline_days", "contact_interval_days", "plan_review_days", "plan_due_days"})
      record.remove(kSettings, {key});
    if (std::string(profile) != "dycd") record.set(kSettings, {"profile"}, profile);
  }

  // The note of 2026-10-29, written 5 days after the call.
  void written_five_days_late(Record& record) {
    record.set("notes/2026-10-29-1530-phone.yaml", {"written"}, "2026-11-03");
  }

  }  // namespace

  TEST_CASE("rule profile: note/timely allows 2 days under dycd") {
    Record record;
    use_profile(record, "dycd");
    REQUIRE(record.rules() == "(none)");
    written_five_days_late(record);
    CHECK(record.rules() == "note/timely");
  }

  TEST_CASE("rule profile: note/timely allows 10 days under wioa") {
    Record record;
    use_profile(record, "wioa");
    written_five_days_late(record);
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule profile: note_deadline_days in casekit.yaml wins over the profile") {
    Record record;
    use_profile(record, "wioa");
    record.set(kSettings, {"note_deadline_days"}, "2");
    written_five_days_late(record);
    CHECK(record.rules() == "note/timely");
  }

  TEST_CASE("rule profile: plan/signature wants the client's signature under dycd") {
    Record record;
    use_profile(record, "dycd");
    record.remove(kPlan, {"signatures", "client"});
    CHECK(record.rules() == "plan/signature");
  }

  TEST_CASE("rule profile: plan/signature does not want the client's signature under ta-dvs") {
    Record record;
    use_profile(record, "ta-dvs");
    record.remove(kPlan, {"signatures", "client"});
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("rule profile: plan/signature accepts a recorded reason for not signing") {
    Record record;
    use_profile(record, "dycd");
    record.remove(kPlan, {"signatures", "client"});
    record.set(kPlan, {"signatures", "client", "declined"},
               "Marcus asked to take the plan home to read it with his mother first.");
    // The note of the meeting says the plan was explained (case/plan-narrated).
    record.replace("notes/2026-09-24-1400-in-person.yaml", "read the plan aloud, and signed it.",
                   "read the plan aloud. I explained each goal; he did not sign.");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("profile numbers: casekit.yaml's own win for its profile only") {
    Settings folder = settings_of("program: P\nprofile: dycd\nnote_deadline_days: 5\n");
    CHECK(folder.note_deadline_days == 5);
    SettingsByProfile programs(folder);
    CHECK(programs.for_client("").note_deadline_days == 5);
    CHECK(programs.for_client("dycd").note_deadline_days == 5);
    CHECK(programs.for_client("wioa").note_deadline_days == 10);
    CHECK(programs.for_client("wioa").contact_interval_days == 90);
    CHECK(programs.for_client("ta-dvs").client_signature_required == false);
    CHECK(programs.for_client("ta-dvs").note_deadline_days == 2);
  }

  TEST_CASE("profile numbers: a profile not built in is the folder's") {
    SettingsByProfile programs(settings_of("program: P\nprofile: wioa\n"));
    CHECK(programs.for_client("jobs").profile == "wioa");
    CHECK(programs.for_client("").note_deadline_days == 10);
  }

  TEST_CASE("profile severities: casekit.yaml's rules: win over every profile's") {
    Settings wioa = settings_of("program: P\nprofile: wioa\n");
    CHECK(wioa.rules.at("plan/service-without-need") == "error");
    Settings mine =
        settings_of("program: P\nprofile: dycd\nrules:\n  plan/service-without-need: info\n");
    SettingsByProfile programs(mine);
    CHECK(programs.for_client("wioa").rules.at("plan/service-without-need") == "info");
    CHECK(settings_of("program: P\n").rules.count("plan/service-without-need") == 0);
  }

  TEST_CASE("profile severities: every rule a profile names exists") {
    for (const auto& name : profile_names()) {
      Settings s = settings_of("program: P\nprofile: " + name + "\n");
      for (const auto& [rule, severity] : s.rules) {
        CAPTURE(name);
        CHECK(find_rule(rule) != nullptr);
        // A profile may also turn a rule off (assessment/screening outside Oregon).
        CHECK((severity == "off" || parse_severity(severity).has_value()));
      }
    }
  }

  TEST_CASE("profile overrides: each differing number, none for the profile's own") {
    Settings same = settings_of("program: P\nprofile: dycd\nnote_deadline_days: 2\n");
    CHECK(profile_overrides(same).empty());
    Settings switched =
        settings_of("program: P\nprofile: wioa\nnote_deadline_days: 2\nplan_review_days: 90\n");
    auto overrides = profile_overrides(switched);
    REQUIRE(overrides.size() == 1);
    CHECK(overrides[0].key == "note_deadline_days");
    CHECK(overrides[0].value == 2);
    CHECK(overrides[0].profile_value == 10);
  }

  TEST_CASE("check/profile-override: reported where the number is written, as info") {
    Record record;
    REQUIRE(folder_rules(record) == "(none)");
    record.set(kSettings, {"profile"}, "wioa");
    std::vector<Diagnostic> found = record.check_all().folder_findings;
    REQUIRE(found.size() == 2);  // note_deadline_days and contact_interval_days
    CHECK(found[0].rule == "check/profile-override");
    CHECK(found[0].severity == Severity::info);
    CHECK(found[0].location.line == record.line_of(kSettings, "note_deadline_days:"));
    CHECK(found[0].message == "note_deadline_days: 2 here overrides the wioa profile's 10 days");
    CHECK(found[1].location.line == record.line_of(kSettings, "contact_interval_days:"));
  }

  TEST_CASE("check/profile-override: a number equal to the profile's is not reported") {
    Record record;
    record.set(kSettings, {"profile"}, "generic");
    CHECK(folder_rules(record) == "(none)");
  }

  // A client enrolled in another program than the folder's.
  TEST_CASE("client profile: a WIOA client's note may be written 10 days on") {
    Record record;  // casekit.yaml: dycd, note_deadline_days: 2 written out
    written_five_days_late(record);
    REQUIRE(record.rules() == "note/timely");
    record.set(kClient, {"profile"}, "wioa");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("client profile: a TA-DVS client need not sign the plan") {
    Record record;
    record.remove(kPlan, {"signatures", "client"});
    REQUIRE(record.rules() == "plan/signature");
    record.set(kClient, {"profile"}, "ta-dvs");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("client profile: a DYCD client in a TA-DVS folder must sign") {
    Record record;
    use_profile(record, "ta-dvs");
    record.remove(kPlan, {"signatures", "client"});
    REQUIRE(record.rules() == "(none)");
    record.set(kClient, {"profile"}, "dycd");
    CHECK(record.rules() == "plan/signature");
  }

  TEST_CASE("client profile: WIOA makes a service without a documented need an error") {
    Record record;
    record.remove(kPlan, {"services", S1, "needs"});
    CHECK(record.finding("plan/service-without-need").severity == Severity::warning);
    record.set(kClient, {"profile"}, "wioa");
    CHECK(record.finding("plan/service-without-need").severity == Severity::error);
  }

  TEST_CASE("client profile: a profile that does not exist is a format error") {
    Record record;
    record.set(kClient, {"profile"}, "jobs");
    CHECK(record.rules() == "format/type");
  }

  // 004: "the case plan will be developed by the end of the initial
  // screening and assessment process".
  TEST_CASE("client profile: under oregon-jobs the plan is due the day of the assessment") {
    Record record;
    fs::remove(record.path(kPlan));
    fs::remove_all(record.client_folder() / "notes");
    // Releases signed later would be dated ahead of that day.
    record.remove(kClient, {"consents"});
    record.as_of("2026-09-11");  // the day after the assessment
    REQUIRE(record.rules() == "(none)");
    record.set(kClient, {"profile"}, "oregon-jobs");
    CHECK(record.rules() == "format/missing-file");
    record.as_of("2026-09-10");
    CHECK(record.rules() == "(none)");
  }

  TEST_CASE("client profile: due counts by the client's program too") {
    Record record;
    fs::remove(record.path(kPlan));
    fs::remove_all(record.client_folder() / "notes");
    auto plan_due = [&] {
      CaseFolder folder(record.root(), real_file_system());
      DueList list = due_list(folder, {*Date::parse("2026-09-10"), 400, ""});
      for (const auto& item : list.items)
        if (item.kind == "plan") return item.date.str();
      return std::string("(not due)");
    };
    CHECK(plan_due() == "2026-10-10");  // dycd: 30 days after the assessment
    record.set(kClient, {"profile"}, "oregon-jobs");
    CHECK(plan_due() == "2026-09-10");
  }
}  // TEST_SUITE("settings")
