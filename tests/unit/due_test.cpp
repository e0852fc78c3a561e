#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

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

// Signed on 2026-10-01, reviewed on 2026-11-20; R1 to Legal Aid Society
// (made 2026-10-02) and S1 by the Bronx Learning Center, for G1 and N1.
ClientRecord partnered_client() {
  ClientRecord record = active_client();
  record.notes.push_back({});
  record.notes.back().date = d("2026-11-22");
  record.notes.back().contact = "in-person";
  record.notes.back().written = d("2026-11-22");
  record.plan.emplace();
  Plan& plan = *record.plan;
  plan.created = d("2026-10-01");
  plan.reviewed = d("2026-11-20");
  plan.next_review = d("2027-02-20");
  plan.client_signature.date = plan.case_manager_signature.date = d("2026-11-20");
  Referral r;
  r.id = "R1";
  r.to = "Legal Aid Society (Ms. Ruiz)";
  r.needs = {"N1"};
  r.date = d("2026-10-02");
  r.outcome = "Lawyer assigned";
  plan.referrals.push_back(r);
  Service s;
  s.id = "S1";
  s.name = "HSE prep";
  s.provider = "Bronx Learning Center";
  s.goals = {"G1"};
  s.status = "active";
  s.start = d("2026-10-05");
  plan.services.push_back(s);
  return record;
}

std::vector<std::string> partners_due(const ClientRecord& record) {
  std::vector<std::string> out;
  for (const auto& item : due_items(record, Settings{}, {d("2026-11-23"), 7, {}}))
    if (item.kind == "partner") out.push_back(item.key + " " + item.date.str());
  return out;
}

}  // namespace

TEST_CASE("due: a review tells every partner working with the client, until a note names it") {
  ClientRecord record = partnered_client();
  // Both on the same day: in the order of their names.
  CHECK(partners_due(record) ==
        std::vector<std::string>{"Bronx Learning Center 2026-11-27",
                                 "Legal Aid Society (Ms. Ruiz) 2026-11-27"});
  auto items = due_items(record, Settings{}, {d("2026-11-23"), 7, {}});
  auto told = std::find_if(items.begin(), items.end(),
                           [](const DueItem& i) { return i.key == "Bronx Learning Center"; });
  REQUIRE(told != items.end());
  CHECK(told->what == "tell Bronx Learning Center of the plan change of 2026-11-20");
  CHECK(told->command ==
        "casekit note ana-ruiz --contact collateral --worker-step \"Told Bronx Learning Center "
        "of the plan change of 2026-11-20\"");
  // The note of 2026-11-22 names Legal Aid Society without its contact
  // person, in other letter case: told.
  record.notes.back().worker_steps = {"Sent the revised plan to legal aid society."};
  CHECK(partners_due(record) == std::vector<std::string>{"Bronx Learning Center 2026-11-27"});
  // Near-miss: a note before the change does not tell of it.
  record.notes.back().date = d("2026-11-19");
  CHECK(partners_due(record).size() == 2);
}

TEST_CASE("due: partners the change does not touch are not reminded") {
  SUBCASE("a referral declined, closed, or sharing nothing") {
    for (const char* status : {"declined", "closed", "none"}) {
      CAPTURE(status);
      ClientRecord record = partnered_client();
      Referral& r = record.plan->referrals[0];
      if (std::string(status) == "none")
        r.shares_information = false;
      else
        r.statuses.push_back({status, "", d("2026-11-01"), {}});
      CHECK(partners_due(record) == std::vector<std::string>{"Bronx Learning Center 2026-11-27"});
    }
  }
  SUBCASE("a referral made, a service started, after the review") {
    ClientRecord record = partnered_client();
    record.plan->referrals[0].date = d("2026-11-21");
    record.plan->services[0].start = d("2026-11-21");
    CHECK(partners_due(record).empty());
  }
  SUBCASE("a goal revised touches its services and the referrals for its needs only") {
    ClientRecord record = partnered_client();
    record.plan->reviewed.reset();
    ShortTermGoal g;
    g.id = "G1";
    g.status = "revised";
    g.status_date = d("2026-11-18");
    record.plan->short_term_goals.push_back(g);
    CHECK(partners_due(record) == std::vector<std::string>{"Bronx Learning Center 2026-11-25"});
    record.plan->short_term_goals[0].needs = {"N1"};
    CHECK(partners_due(record).size() == 2);
    record.plan->short_term_goals[0].status = "active";
    CHECK(partners_due(record).empty());
  }
}

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
