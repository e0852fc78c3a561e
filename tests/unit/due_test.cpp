#include <doctest/doctest.h>

#include "views/due.hpp"

using namespace casekit;

namespace {

Date d(const char* text) {
  return *Date::parse(text);
}

ClientRecord active_client() {
  ClientRecord record;
  record.client.id = "ana-ruiz";
  record.client.status = "active";
  record.client.opened = d("2026-11-01");
  return record;
}

}  // namespace

TEST_CASE("due: when an item is due, in words") {
  CHECK(when_text(d("2026-11-20"), d("2026-11-23")) == "overdue 3 days");
  CHECK(when_text(d("2026-11-22"), d("2026-11-23")) == "overdue 1 day");
  CHECK(when_text(d("2026-11-23"), d("2026-11-23")) == "due today");
  CHECK(when_text(d("2026-11-25"), d("2026-11-23")) == "due in 2 days");
}

TEST_CASE("due: a new client's first contact and plan, inside and outside the window") {
  Settings settings;  // contact every 30 days, plan within 30
  ClientRecord record = active_client();
  // Both are due on 2026-12-01, 8 days ahead.
  auto items = due_items(record, settings, {d("2026-11-23"), 8, {}});
  REQUIRE(items.size() == 2);
  CHECK(items[0].kind == "contact");
  CHECK(items[0].date == d("2026-12-01"));
  CHECK(items[0].command == "casekit note ana-ruiz --contact CONTACT");
  CHECK(items[1].kind == "plan");
  CHECK(due_items(record, settings, {d("2026-11-23"), 7, {}}).empty());
  record.client.status = "closed";
  CHECK(due_items(record, settings, {d("2026-12-30"), 7, {}}).empty());
}

TEST_CASE("due: a milestone of an active goal, until it is done") {
  ClientRecord record = active_client();
  record.plan.emplace();
  record.plan->created = d("2026-11-01");
  record.plan->client_signature.date = record.plan->case_manager_signature.date = d("2026-11-01");
  ShortTermGoal goal;
  goal.id = "G1";
  goal.milestones.push_back({"Enroll", "Ana", d("2026-11-20"), std::nullopt});
  record.plan->short_term_goals.push_back(goal);
  auto items = due_items(record, Settings{}, {d("2026-11-23"), 0, {}});
  REQUIRE(items.size() == 1);
  CHECK(items[0].key == "G1.1");
  CHECK(items[0].command == "casekit plan ana-ruiz complete-milestone G1 1");
  record.plan->short_term_goals[0].milestones[0].done = d("2026-11-21");
  CHECK(due_items(record, Settings{}, {d("2026-11-23"), 0, {}}).empty());
}

TEST_CASE("due: the iCalendar feed folds long lines at 75 octets, never inside a character") {
  DueList list;
  std::string what(60, 'a');
  what += "\xc3\xa9\xc3\xa9\xc3\xa9; with, commas";  // é é é
  list.items.push_back({"ana-ruiz", "goal", "G1", what, d("2026-11-20"),
                        "casekit plan ana-ruiz goal-status G1 achieved"});
  std::string ics = render_due_ics(list, d("2026-11-23"));
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(ics.find("DTSTAMP:20261123T000000Z\r\n") != std::string::npos);
  CHECK(ics.find("UID:ana-ruiz/goal/G1@casekit\r\n") != std::string::npos);
  CHECK(ics.find("\\; with\\, commas") != std::string::npos);
  std::size_t start = 0;
  for (std::size_t end = ics.find("\r\n"); end != std::string::npos;
       start = end + 2, end = ics.find("\r\n", start)) {
    CHECK(end - start <= 75);
    // A continuation line starts with a space, then a whole character.
    if (ics[start] == ' ') CHECK((static_cast<unsigned char>(ics[start + 1]) & 0xC0) != 0x80);
  }
  CHECK(start == ics.size());
}
