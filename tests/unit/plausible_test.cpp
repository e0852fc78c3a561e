#include "edit/plausible.hpp"

#include <doctest/doctest.h>

#include "yaml/yaml_parsers.hpp"

using namespace casekit;

namespace {
const Date kToday = *Date::parse("2026-12-02");

std::vector<std::string> messages(const std::string& yaml, FileKind kind) {
  std::vector<std::string> out;
  for (const auto& f :
       implausible_values(parse_yaml_libyaml(yaml, "f.yaml"), kind, "f.yaml", kToday))
    out.push_back(to_string(f.where) + " " + f.message);
  return out;
}
}  // namespace

TEST_CASE("plausible: a note of a day still to come") {
  CHECK(messages("date: 2027-03-01\ntime: '10:00'\n", FileKind::note) ==
        std::vector<std::string>{
            "f.yaml:1:7 the note is dated 2027-03-01, after today (2026-12-02)"});
  CHECK(messages("date: 2026-12-02\n", FileKind::note).empty());  // today is fine
  CHECK(messages("date: 2026-11-30\n", FileKind::note).empty());
  CHECK(messages("date: not a date\n", FileKind::note).empty());  // validation's business
}

TEST_CASE("plausible: a birth date ahead or over 120 years back, a case opened ahead") {
  CHECK(messages("date_of_birth: 2030-01-01\n", FileKind::client) ==
        std::vector<std::string>{
            "f.yaml:1:16 the date of birth 2030-01-01 is after today (2026-12-02)"});
  CHECK(messages("date_of_birth: 1901-05-01\n", FileKind::client) ==
        std::vector<std::string>{
            "f.yaml:1:16 the date of birth 1901-05-01 is more than 120 years ago"});
  CHECK(messages("date_of_birth: 1930-05-01\nopened: 2026-09-08\n", FileKind::client).empty());
  CHECK(messages("opened: 2026-12-03\n", FileKind::client) ==
        std::vector<std::string>{
            "f.yaml:1:9 the case is opened on 2026-12-03, after today (2026-12-02)"});
}

TEST_CASE("plausible: a signature before the plan was written or after today") {
  std::string plan =
      "created: 2026-09-24\nsignatures:\n  client: {name: Marcus Jones, date: 2026-09-20}\n"
      "  case_manager:\n    name: Alicia Moreno\n    date: 2026-12-05\n";
  CHECK(
      messages(plan, FileKind::plan) ==
      std::vector<std::string>{
          "f.yaml:3:38 the client signature is dated 2026-09-20, before the plan was written "
          "(2026-09-24)",
          "f.yaml:6:11 the case_manager signature is dated 2026-12-05, after today (2026-12-02)"});
  CHECK(messages("created: 2026-09-24\nsignatures:\n  client: {date: 2026-09-24}\n", FileKind::plan)
            .empty());
  CHECK(messages("signatures:\n  client: {declined: Wants to think it over}\n", FileKind::plan)
            .empty());
}

// refuse_implausible() reads today from the clock: dates far ahead.
TEST_CASE("plausible: an old mistake elsewhere in the file does not block a change") {
  YamlNode before = parse_yaml_libyaml("date_of_birth: 2099-01-01\nname: A\n", "f.yaml");
  YamlNode after = parse_yaml_libyaml("date_of_birth: 2099-01-01\nname: B\n", "f.yaml");
  CHECK_NOTHROW(refuse_implausible(&before, after, FileKind::client, "f.yaml", false));
  YamlNode worse = parse_yaml_libyaml("date_of_birth: 2099-01-01\nopened: 2099-02-01\n", "f.yaml");
  CHECK_THROWS_AS(refuse_implausible(&before, worse, FileKind::client, "f.yaml", false), Error);
  CHECK_NOTHROW(refuse_implausible(&before, worse, FileKind::client, "f.yaml", true));
}

// What a date says happened (done, made, held, ended) cannot be ahead; a
// due date, a target date or a planned start can.
TEST_CASE("plausible: a milestone done, a referral made, a review held, a service ended ahead") {
  std::string plan =
      "created: 2026-09-24\nreviewed: 2026-12-18\nnext_review: 2027-03-18\n"
      "short_term_goals:\n  - id: G1\n    statement: a\n    target_date: 2027-06-30\n"
      "    status: achieved\n    status_date: 2026-12-10\n"
      "    milestones:\n      - {step: a, due: 2027-01-15, done: 2026-12-05}\n"
      "services:\n  - {id: S1, name: a, start: 2027-01-04, status: planned}\n"
      "  - {id: S2, name: b, end: 2027-06-30, status: completed}\n"
      "  - {id: S3, name: c, end: 2027-06-30, status: active}\n"
      "referrals:\n  - id: R1\n    to: Legal Aid\n    date: 2026-12-03\n"
      "    statuses:\n      - {status: accepted, date: 2026-12-09}\n";
  CHECK(messages(plan, FileKind::plan) ==
        std::vector<std::string>{
            "f.yaml:2:11 the plan's review is dated 2026-12-18, after today (2026-12-02)",
            "f.yaml:9:18 the status of goal G1 is dated 2026-12-10, after today (2026-12-02)",
            "f.yaml:11:42 a milestone of goal G1, marked done, is dated 2026-12-05, after today "
            "(2026-12-02)",
            "f.yaml:14:28 the end of service S2 is dated 2027-06-30, after today (2026-12-02)",
            "f.yaml:19:11 referral R1 is dated 2026-12-03, after today (2026-12-02)",
            "f.yaml:21:34 a status of referral R1 is dated 2026-12-09, after today (2026-12-02)"});
  CHECK(messages("assessment: {date: 2026-12-07}\nconsents:\n  - {partner: a, signed: 2026-12-04, "
                 "expires: 2027-12-04}\nclosure: {date: 2026-12-30}\n",
                 FileKind::client)
            .size() == 3);
  // Today is fine, and so is every date that is a plan, not an event.
  CHECK(messages("created: 2026-12-02\nnext_review: 2027-03-02\nservices:\n  - {id: S1, name: a, "
                 "start: 2027-01-04, end: 2027-06-30, status: planned}\n",
                 FileKind::plan)
            .empty());
}
