#include "views/timeline.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

ClientRecord sample() {
  ClientRecord r;
  r.client.opened = Date{2026, 9, 1};
  r.client.case_manager = "Alicia Moreno";
  r.client.assessment.date = Date{2026, 9, 3};
  r.client.documents.push_back({"D1", "release", "release.pdf", "", Date{2026, 9, 10}, 5, "", {}});
  r.client.closure = {true, Date{2026, 11, 30}, "goals met", ""};
  Plan p;
  p.created = Date{2026, 9, 10};
  p.client_signature.date = Date{2026, 9, 10};
  Service s;
  s.id = "S1";
  s.name = "Tutoring";
  s.status = "completed";
  s.start = Date{2026, 9, 15};
  s.end = Date{2026, 11, 1};
  p.services.push_back(s);
  Referral f;
  f.id = "R1";
  f.to = "Eastside Learning Center";
  f.date = Date{2026, 9, 11};
  f.statuses = {{"made", "", Date{2026, 9, 11}, {}},
                {"attended", "first class", Date{2026, 9, 20}, {}}};
  p.referrals.push_back(f);
  r.plan = p;
  Note n;
  n.file_name = "2026-10-01-1000-phone.yaml";
  n.date = Date{2026, 10, 1};
  n.time = "10:00";
  n.contact = "phone";
  r.notes.push_back(n);
  return r;
}

std::vector<std::string> lines(const std::vector<TimelineEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.date.str() + " " + e.kind + " " + e.text);
  return out;
}

}  // namespace

TEST_CASE("the timeline puts the record's events in date order, the day's in record order") {
  CHECK(lines(client_timeline(sample(), {{Date{2026, 10, 2}, "plan: add goal G2"}}, {})) ==
        std::vector<std::string>{
            "2026-09-01 intake case opened, case manager Alicia Moreno",
            "2026-09-03 assessment assessment: 0 needs recorded",
            "2026-09-10 document release attached: release.pdf",
            "2026-09-10 plan plan written",
            "2026-09-10 signature plan signed by the client",
            "2026-09-11 referral referral R1 made to Eastside Learning Center",
            "2026-09-15 service service S1 started: Tutoring",
            "2026-09-20 referral referral R1 attended: first class",
            "2026-10-01 note 10:00 phone contact",
            "2026-10-02 plan plan changed: plan: add goal G2",
            "2026-11-01 service service S1 ended (completed)",
            "2026-11-30 closure case closed: goals met",
        });
}

TEST_CASE("the timeline since a date leaves out what came before") {
  auto events = client_timeline(sample(), {}, Date{2026, 11, 1});
  REQUIRE(events.size() == 2);
  CHECK(events[0].item == "S1");
  CHECK(events[1].kind == "closure");
}
