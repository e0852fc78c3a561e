#include "views/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace casekit {
namespace {

class Events {
 public:
  void add(const std::optional<Date>& date, const char* kind, std::string text,
           std::string item = {}) {
    if (date) events_.push_back({*date, kind, std::move(text), std::move(item)});
  }
  std::vector<TimelineEvent> take() { return std::move(events_); }

 private:
  std::vector<TimelineEvent> events_;
};

// Each episode of care: the first opening (the intake), each reopening
// with its reason, and each closure, so a reopened case keeps its history.
void episode_events(const Client& c, Events& out) {
  std::vector<Episode> episodes = c.all_episodes();
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    const Episode& e = episodes[i];
    if (i == 0)
      out.add(e.opened, "intake",
              c.case_manager.empty() ? "case opened"
                                     : fmt::format("case opened, case manager {}", c.case_manager));
    else
      out.add(e.opened, "reopen", fmt::format("case reopened: {}", e.reopen_reason));
    if (e.closure.present)
      out.add(e.closure.date, "closure", fmt::format("case closed: {}", e.closure.reason));
  }
}

void client_events(const Client& c, Events& out) {
  episode_events(c, out);
  for (const auto& a : c.earlier_assessments)
    out.add(a.date, "assessment", fmt::format("assessment: {} needs recorded", a.needs.size()));
  out.add(c.assessment.date, "assessment",
          fmt::format("assessment: {} needs recorded", c.assessment.needs.size()));
  for (const auto& n : c.assessment.needs) {
    out.add(n.identified, "need", fmt::format("need {} identified: {}", n.id, n.description), n.id);
    out.add(n.met_on, "need", fmt::format("need {} met", n.id), n.id);
  }
  for (const auto& r : c.consents) {
    out.add(r.signed_on, "release", fmt::format("release of information signed for {}", r.partner));
    out.add(r.revoked, "release", fmt::format("release for {} revoked", r.partner));
  }
  for (const auto& d : c.documents)
    out.add(d.date, "document", fmt::format("{} attached: {}", d.kind, d.file), d.id);
}

void signature_events(const Signature& s, const char* who, Events& out) {
  out.add(s.date, "signature", fmt::format("plan signed by the {}", who));
}

void plan_events(const Plan& p, Events& out) {
  out.add(p.created, "plan", "plan written");
  out.add(p.reviewed, "plan", "plan reviewed with the client");
  signature_events(p.client_signature, "client", out);
  signature_events(p.case_manager_signature, "case manager", out);
  for (const auto& g : p.short_term_goals)
    if (g.status != "active")
      out.add(g.status_date, "goal", fmt::format("goal {} {}", g.id, g.status), g.id);
  for (const auto& s : p.services) {
    // A planned service's start is a plan, not an event yet.
    if (s.status != "planned")
      out.add(s.start, "service", fmt::format("service {} started: {}", s.id, s.name), s.id);
    out.add(s.end, "service", fmt::format("service {} ended ({})", s.id, s.status), s.id);
  }
  for (const auto& r : p.referrals) {
    out.add(r.date, "referral", fmt::format("referral {} made to {}", r.id, r.to), r.id);
    for (const auto& step : r.statuses)
      if (step.status != "made" || step.date != r.date)
        out.add(step.date, "referral",
                fmt::format("referral {} {}{}{}", r.id, step.status, step.note.empty() ? "" : ": ",
                            step.note),
                r.id);
  }
}

std::string note_line(const Note& n) {
  std::string text = fmt::format("{} {} contact", n.time, n.contact);
  if (!n.author.empty()) text += " by " + n.author;
  if (!n.event.empty()) text += " (" + n.event + ")";
  return text;
}

}  // namespace

std::vector<TimelineEvent> client_timeline(const ClientRecord& record,
                                           const std::vector<PlanChange>& plan_changes,
                                           const std::optional<Date>& since) {
  Events events;
  client_events(record.client, events);
  if (record.plan) plan_events(*record.plan, events);
  for (const auto& change : plan_changes)
    events.add(change.date, "plan", "plan changed: " + change.subject);
  for (const auto& n : record.notes) events.add(n.date, "note", note_line(n), n.file_name);
  std::vector<TimelineEvent> out = events.take();
  if (since) std::erase_if(out, [&](const TimelineEvent& e) { return e.date < *since; });
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.date < b.date; });
  return out;
}

}  // namespace casekit
