// casekit due: the tickler the desk guides ask for (003: "Create tickler
// systems", "Document in real time"). Each kind of item comes from the same
// dates and settings that `check` reads; an item is listed from the day it
// falls within the window until it is resolved.
#include "views/due.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "record/consent_index.hpp"
#include "record/documents.hpp"
#include "record/load.hpp"
#include "views/due_clients.hpp"
#include "views/due_reviews.hpp"
#include "views/person_filter.hpp"

namespace casekit {
namespace {

// Collects the items of one record that are due by the end of the window.
class Collector {
 public:
  Collector(const ClientRecord& record, const Settings& settings, const DueOptions& options)
      : record_(record),
        settings_(settings),
        horizon_(options.today.add_days(options.within_days)) {}

  void add(std::string kind, std::string key, std::string what, const Date& date,
           std::string command) {
    if (date > horizon_) return;
    items.push_back({record_.client.id, std::move(kind), std::move(key), std::move(what), date,
                     std::move(command)});
  }
  const std::string& id() const { return record_.client.id; }

  const ClientRecord& record_;
  const Settings& settings_;
  Date horizon_;
  std::vector<DueItem> items;
};

// A note without `written` is a contact whose note is still to be written;
// a service start or end is told in a note within a week (as check's
// case/service-event-note expects).
void unwritten_notes(Collector& c) {
  for (const auto& note : c.record_.notes)
    if (!note.written)
      c.add("note", note.file_name,
            fmt::format("write the note of the {} {} contact", note.date.str(), note.contact),
            note.date.add_days(c.settings_.note_deadline_days),
            fmt::format("edit clients/{}/notes/{} (add `written:`)", c.record_.client.id,
                        note.file_name));
}

void service_event_notes(Collector& c, const Plan& plan) {
  for (const auto& s : plan.services)
    for (const auto& [event, date] : {std::pair{"start", s.start}, std::pair{"end", s.end}}) {
      if (!date) continue;
      // A copy: clang 14 (the fuzz build) cannot capture a structured binding.
      Date on = *date;
      bool told = std::any_of(c.record_.notes.begin(), c.record_.notes.end(), [&](const Note& n) {
        return std::labs(days_between(on, n.date)) <= 7;
      });
      if (told) continue;
      c.add("note", s.id + "." + event,
            fmt::format("note the {} of service {} on {}", event, s.id, date->str()),
            date->add_days(7),
            fmt::format("casekit note {} --contact CONTACT --event service-{} --service {}", c.id(),
                        event, s.id));
    }
}

void contact(Collector& c) {
  const Note* last = c.record_.last_contact();
  std::optional<Date> since = last ? std::optional<Date>(last->date) : c.record_.client.opened;
  if (!since) return;
  std::string what = last ? fmt::format("contact the client (last contact {})", since->str())
                          : fmt::format("first contact since the case opened on {}", since->str());
  c.add("contact", "contact", what, since->add_days(c.settings_.contact_interval_days),
        fmt::format("casekit note {} --contact CONTACT", c.id()));
}

void milestones(Collector& c, const Plan& plan) {
  for (const auto& goal : plan.short_term_goals) {
    if (goal.status != "active") continue;
    for (std::size_t i = 0; i < goal.milestones.size(); ++i) {
      const Milestone& m = goal.milestones[i];
      if (m.done || !m.due) continue;
      c.add("milestone", fmt::format("{}.{}", goal.id, i + 1),
            fmt::format("milestone {} {}: {}", goal.id, i + 1, m.step), *m.due,
            fmt::format("casekit plan {} complete-milestone {} {}", c.id(), goal.id, i + 1));
    }
  }
}

void goals(Collector& c, const Plan& plan) {
  for (const auto& goal : plan.short_term_goals)
    if (goal.status == "active" && goal.target_date)
      c.add("goal", goal.id, fmt::format("goal {}'s target date", goal.id), *goal.target_date,
            fmt::format("casekit plan {} goal-status {} STATUS", c.id(), goal.id));
}

// The next steps of the latest note are the open ones: a later note
// reports on them and sets its own.
void next_steps(Collector& c) {
  if (c.record_.notes.empty()) return;
  const Note& latest = c.record_.notes.back();
  for (std::size_t i = 0; i < latest.plan.size(); ++i) {
    const NextStep& step = latest.plan[i];
    if (!step.by) continue;
    std::string who = step.who.empty() ? "" : fmt::format(" ({})", step.who);
    c.add("next-step", fmt::format("{}#{}", latest.file_name, i + 1),
          fmt::format("next step: {}{}", step.step, who), *step.by,
          fmt::format("casekit note {} --contact CONTACT", c.id()));
  }
}

void review(Collector& c, const Plan& plan) {
  if (std::optional<Date> due = plan.review_due(c.settings_.plan_review_days))
    c.add("review", "review", "review the plan with the client", *due,
          fmt::format("casekit plan {} review --reviewed DATE", c.id()));
}

void signatures(Collector& c, const Plan& plan) {
  Date from =
      plan.reviewed.value_or(plan.created.value_or(c.record_.client.opened.value_or(Date{})));
  const Signature& client = plan.client_signature;
  bool on_paper =
      c.settings_.paper_signatures && signed_plan_document(c.record_.client, plan) != nullptr;
  if (c.settings_.client_signature_required && !client.date && client.declined.empty() && !on_paper)
    c.add("signature", "client", "the client's signature on the plan", from,
          fmt::format("casekit plan {} sign client", c.id()));
  if (!plan.case_manager_signature.date)
    c.add("signature", "case_manager", "the case manager's signature on the plan", from,
          fmt::format("casekit plan {} sign case-manager", c.id()));
}

// A release that ends while a referral relies on it; renewing it is a new
// release, signed and recorded.
void consents(Collector& c, const Plan& plan) {
  ConsentIndex releases(c.record_.client.consents);
  for (const auto& referral : plan.referrals) {
    const Consent* consent = releases.release_of(referral);
    if (!consent || !consent->expires || consent->revoked || !referral.shares_information ||
        (referral.release.empty() && consent->partner != referral.to))
      continue;
    c.add("consent", referral.id,
          fmt::format("the release for {} (referral {}) expires", consent->partner, referral.id),
          *consent->expires,
          fmt::format("casekit plan {} add-consent --partner \"{}\" --signed DATE", c.id(),
                      consent->partner));
  }
}

// A referral nothing has come of yet (no outcome, no status beyond
// "made"), followed up as check's plan/referral-follow-up expects: counted
// from the day it was last made.
void referral_follow_ups(Collector& c, const Plan& plan) {
  for (const auto& referral : plan.referrals) {
    std::optional<Date> made = referral.last_change();
    if (!made || referral.answered()) continue;
    c.add("referral", referral.id,
          fmt::format("follow up the referral to {} (made {})", referral.to, made->str()),
          made->add_days(c.settings_.referral_follow_up_days),
          fmt::format("casekit plan {} referral-status {} STATUS", c.id(), referral.id));
  }
}

// A change of the plan and the partners it touches (004, Brokering: "give
// information on changes to the plan that affect them"): a review touches
// every partner already working with the client; a goal revised or
// discontinued touches the services that serve it and the referrals made
// for its needs. Working with the client: a referral made that shares
// information and is not declined or closed, a planned or active service.
bool working(const Referral& r) {
  std::string status = r.status();
  return r.shares_information && r.date && status != "declined" && status != "closed";
}

bool working(const Service& s) {
  return !s.provider.empty() && (s.status == "active" || s.status == "planned");
}

// Each partner once, with the day of the latest change that touches it;
// the referrals are found by need and the services by goal through an
// index, so a long plan costs n log n.
std::map<std::string, Date> partner_changes(const Plan& plan) {
  std::map<std::string, Date> out;
  auto touch = [&](const std::string& partner, const Date& on) {
    auto [at, added] = out.emplace(partner, on);
    if (!added && at->second < on) at->second = on;
  };
  std::multimap<std::string, const Referral*> by_need;
  std::multimap<std::string, const Service*> by_goal;
  for (const auto& r : plan.referrals) {
    if (!working(r)) continue;
    if (plan.reviewed && *r.date < *plan.reviewed) touch(r.to, *plan.reviewed);
    for (const auto& need : r.needs) by_need.emplace(need, &r);
  }
  for (const auto& s : plan.services) {
    if (!working(s)) continue;
    if (plan.reviewed && (!s.start || *s.start < *plan.reviewed)) touch(s.provider, *plan.reviewed);
    for (const auto& goal : s.goals) by_goal.emplace(goal, &s);
  }
  for (const auto& g : plan.short_term_goals) {
    if ((g.status != "revised" && g.status != "discontinued") || !g.status_date) continue;
    for (const auto& need : g.needs)
      for (auto [at, end] = by_need.equal_range(need); at != end; ++at)
        if (*at->second->date < *g.status_date) touch(at->second->to, *g.status_date);
    for (auto [at, end] = by_goal.equal_range(g.id); at != end; ++at)
      touch(at->second->provider, *g.status_date);
  }
  return out;
}

std::string lowered(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

// The words of each note dated on or after `from`, lowered, oldest first:
// made once per record, however many partners are looked for in them.
std::vector<std::pair<Date, std::string>> note_words(const ClientRecord& record, const Date& from) {
  std::vector<std::pair<Date, std::string>> out;
  for (const auto& n : record.notes) {
    if (n.date < from) continue;
    std::string text = n.strengths + "\n" + n.objective + "\n" + n.assessment + "\n" + n.data;
    for (const auto& step : n.worker_steps) text += "\n" + step;
    for (const auto& step : n.client_steps) text += "\n" + step;
    for (const auto& step : n.plan) text += "\n" + step.step;
    out.emplace_back(n.date, lowered(text));
  }
  return out;
}

// Whether a note of that day or later names the partner: its name up to a
// parenthesis or comma ("Legal Aid Society (Ms. Ruiz)" is named by "Legal
// Aid Society"), in any letter case.
bool partner_told(const std::vector<std::pair<Date, std::string>>& notes,
                  const std::string& partner, const Date& on) {
  std::string name = lowered(partner.substr(0, partner.find_first_of("(,")));
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) name = lowered(partner);
  return std::any_of(notes.begin(), notes.end(), [&](const std::pair<Date, std::string>& n) {
    return n.first >= on && n.second.find(name) != std::string::npos;
  });
}

void partner_notices(Collector& c, const Plan& plan) {
  std::map<std::string, Date> changes = partner_changes(plan);
  if (changes.empty()) return;
  Date earliest = changes.begin()->second;
  for (const auto& change : changes) earliest = std::min(earliest, change.second);
  auto notes = note_words(c.record_, earliest);
  for (const auto& [partner, on] : changes) {
    if (partner_told(notes, partner, on)) continue;
    c.add("partner", partner, fmt::format("tell {} of the plan change of {}", partner, on.str()),
          on.add_days(7),
          fmt::format("casekit note {} --contact collateral --worker-step \"Told {} of the plan "
                      "change of {}\"",
                      c.id(), partner, on.str()));
  }
}

void missing_plan(Collector& c) {
  const Client& client = c.record_.client;
  std::optional<Date> from = client.assessment.date ? client.assessment.date : client.opened;
  if (from)
    c.add("plan", "plan", "write the service plan with the client",
          from->add_days(c.settings_.plan_due_days),
          fmt::format("casekit plan {} add-need --description TEXT", c.id()));
}

// A closed case is followed up after exit on the dates its closure lists
// (the program's follow_up_months); each is done once its result is in.
void follow_ups(Collector& c) {
  const Closure& closure = c.record_.client.closure;
  for (const auto& follow_up : closure.follow_ups) {
    if (follow_up.done || !follow_up.due) continue;
    std::string due = follow_up.due->str();
    c.add("follow-up", due,
          fmt::format("follow up after exit (closed {})", closure.date ? closure.date->str() : "?"),
          *follow_up.due,
          fmt::format("casekit edit {} --follow-up {} --done DATE --result TEXT", c.id(), due));
  }
}

}  // namespace

std::vector<DueItem> due_items(const ClientRecord& record, const Settings& settings,
                               const DueOptions& options) {
  Collector c(record, settings, options);
  if (record.client.status != "active") {
    follow_ups(c);
    return c.items;
  }
  unwritten_notes(c);
  contact(c);
  next_steps(c);
  if (!record.plan) {
    missing_plan(c);
    return c.items;
  }
  service_event_notes(c, *record.plan);
  milestones(c, *record.plan);
  goals(c, *record.plan);
  review(c, *record.plan);
  signatures(c, *record.plan);
  consents(c, *record.plan);
  referral_follow_ups(c, *record.plan);
  partner_notices(c, *record.plan);
  return c.items;
}

DueList due_list(const CaseFolder& folder, const DueOptions& options) {
  DueList list;
  PersonFilter case_manager(options.case_manager);
  PersonFilter reviewer(options.reviewer);
  each_client_due(folder, options, due_items, [&](const ClientDue& due) {
    if (!due.valid) {
      // Told of whenever it may be this case manager's: a client.yaml too
      // broken to name anyone is too.
      if (case_manager.matches(due.case_manager) || due.case_manager.empty())
        list.unreadable.push_back(due.id);
      return;
    }
    if (!case_manager.matches(due.case_manager)) return;
    // A closed case has only its follow-ups after exit; it is not counted
    // among the clients looked at.
    if (due.active) ++list.clients;
    if (options.reviewer.empty())
      list.items.insert(list.items.end(), due.items.begin(), due.items.end());
    for (const auto& review : due.review_items)
      if (options.reviewer.empty() || reviewer.matches(review.reviewer))
        list.items.insert(list.items.end(), review.items.begin(), review.items.end());
  });
  case_manager.require_known("case manager");
  reviewer.require_known("reviewer");
  std::stable_sort(list.items.begin(), list.items.end(), [](const DueItem& a, const DueItem& b) {
    return std::tie(a.date, a.client) < std::tie(b.date, b.client);
  });
  return list;
}

}  // namespace casekit
