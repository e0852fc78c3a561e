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
