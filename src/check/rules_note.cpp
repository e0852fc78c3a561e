// Progress note rules: the progress note checklist (seed 001), S.O.A.P.D.
// (seed 000), timeliness and event-driven notes (seed 003); case rules for
// contact, service events and closure.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "check/check.hpp"
#include "check/note_text.hpp"
#include "check/rule_groups.hpp"
#include "yaml/node_index.hpp"

namespace casekit {
namespace {

// `file`: the note's file, or nullptr.
Location in_note(const RuleContext& ctx, const SourceFile* file, const Note& note,
                 const char* key) {
  return file ? ctx.at(*file, {key}) : note.where;
}

// A note refers to a goal once there is one to refer to: an intake note
// written before the plan has none (seed 001: "goal/outcome to be met as
// outlined in ISP").
bool has_goal_to_refer_to(const RuleContext& ctx, const Note& n) {
  const std::optional<Plan>& plan = ctx.record.plan;
  return plan && !plan->short_term_goals.empty() && !(plan->created && n.date < *plan->created);
}

void check_sections(RuleContext& ctx, const Note& n, const SourceFile* file) {
  // An attempted contact has nothing to observe; it still says what was tried.
  bool attempted = n.contact == "attempted";
  if (is_blank(n.objective))
    ctx.report("note/objective", in_note(ctx, file, n, "objective"),
               "the note has no objective account of the interaction",
               "add `objective:`: what happened, what you saw and heard");
  if (attempted) return;
  if (is_blank(n.assessment))
    ctx.report("note/assessment", in_note(ctx, file, n, "assessment"),
               "the note has no assessment of the situation and the client",
               "add `assessment:`: the client's state and ability to complete tasks, and progress "
               "toward the goal");
  if (n.goals.empty() && has_goal_to_refer_to(ctx, n))
    ctx.report("note/goal-ref", in_note(ctx, file, n, "goals"),
               "the note does not refer to a short-term goal of the plan",
               "add `goals: [G..]` with the goals this contact was about");
  if (is_blank(n.strengths))
    ctx.report("note/strengths", in_note(ctx, file, n, "strengths"),
               "the note does not record the client's strengths and resources",
               "add `strengths:`: what the client did well, linked to the goal");
  if (is_blank(n.data))
    ctx.report("note/data", in_note(ctx, file, n, "data"),
               "the note records no data or new information",
               "add `data:`: scores, dates, documents, anything new");
  if (is_blank(n.client_steps))
    ctx.report("note/client-steps", in_note(ctx, file, n, "client_steps"),
               "the note does not state the steps the client took since the last contact",
               "add `client_steps:`");
  if (is_blank(n.worker_steps))
    ctx.report("note/worker-steps", in_note(ctx, file, n, "worker_steps"),
               "the note does not state the steps you took since the last contact",
               "add `worker_steps:`");
}

// A value only means something beside the goal's baseline and target.
// `goals`: the plan's goals by id. A note may hold many measures and a
// plan many goals, so each is found in one look-up.
void check_measures(RuleContext& ctx, const Note& n, const SourceFile* file,
                    const std::unordered_map<std::string_view, const ShortTermGoal*>& goals) {
  if (n.measures.empty() || !ctx.record.plan) return;
  const YamlNode* in_file = file ? file->tree.find("measures") : nullptr;
  KeyIndex keys(in_file);
  for (const auto& measure : n.measures) {
    const std::string& goal_id = measure.first;
    auto goal = goals.find(goal_id);
    if (goal == goals.end() || (goal->second->measure && goal->second->measure->target)) continue;
    const YamlNode* key = keys.find_key(goal_id);
    Location where = key    ? Location{file->display, key->mark.line + 1, key->mark.column + 1}
                     : file ? ctx.at(*file, {"measures", goal_id})
                            : n.where;
    ctx.report(
        "note/measure-goal", where,
        fmt::format(
            "a value is recorded for {}, which has no measure with a target to compare it with",
            goal_id),
        fmt::format(
            "add `measure: {{target: ..., unit: ...}}` to {} in plan.yaml, with `baseline:` "
            "where one exists",
            goal_id));
  }
}

// Seed 000's litmus test: "a colleague can open the record and easily
// figure out the next step", so each step says who takes it and by when,
// and "by when" is after the contact, not already past at it.
void check_next_steps(RuleContext& ctx, const Note& n, const SourceFile* file) {
  if (n.plan.empty()) {
    ctx.report(
        "note/next-steps", in_note(ctx, file, n, "plan"), "the note has no next steps",
        "add `plan:` with the next steps, each with `by:` and `who:`, so a colleague can pick up");
    return;
  }
  std::vector<std::string> lacking;
  auto any = [&](auto test) { return std::any_of(n.plan.begin(), n.plan.end(), test); };
  if (any([](const NextStep& s) { return !s.by; })) lacking.push_back("timeframe (`by:`)");
  if (any([](const NextStep& s) { return is_blank(s.who); }))
    lacking.push_back("person responsible (`who:`)");
  if (!lacking.empty())
    ctx.report("note/next-steps", in_note(ctx, file, n, "plan"),
               fmt::format("some next steps have no {}", fmt::join(lacking, " and no ")),
               "give each step `by: YYYY-MM-DD` and `who:`, the client, you or a partner");
  if (any([&](const NextStep& s) { return s.by && *s.by < n.date; }))
    ctx.report("note/next-steps", in_note(ctx, file, n, "plan"),
               fmt::format("a next step is due before the contact of {}", n.date.str()),
               "set `by:` to a date after the contact, when the step will be done");
}

void check_dates(RuleContext& ctx, const Note& n, const SourceFile* file) {
  if (n.date > ctx.today || (n.written && *n.written > ctx.today)) {
    ctx.report("note/future-date", in_note(ctx, file, n, n.date > ctx.today ? "date" : "written"),
               fmt::format("the note is dated in the future ({})",
                           (n.date > ctx.today ? n.date : *n.written).str()),
               "correct the date of the interaction or of writing");
    return;
  }
  int deadline = ctx.settings.note_deadline_days;
  if (!n.written)
    ctx.report("note/timely", in_note(ctx, file, n, "date"),
               "the note does not say when it was written", "add `written: YYYY-MM-DD`");
  else if (*n.written < n.date)
    ctx.report("note/timely", in_note(ctx, file, n, "written"),
               fmt::format("the note was written on {}, before the interaction of {}",
                           n.written->str(), n.date.str()),
               "correct `written:` or `date:`: a note is written at or after the contact");
  else if (days_between(n.date, *n.written) > deadline)
    ctx.report(
        "note/timely", in_note(ctx, file, n, "written"),
        fmt::format("the note was written {} days after the interaction; the program allows {}",
                    days_between(n.date, *n.written), deadline),
        "write notes within the deadline; a late note is still better than none");
}

void check_contact_gap(RuleContext& ctx) {
  const ClientRecord& r = ctx.record;
  if (r.client.status != "active") return;
  const Note* last = r.last_contact();
  std::optional<Date> since = last ? std::optional<Date>(last->date) : r.client.opened;
  if (!since) return;
  long gap = days_between(*since, ctx.today);
  if (gap > ctx.settings.contact_interval_days)
    ctx.report("case/contact-gap", last ? last->where : r.client.where,
               fmt::format("no contact with the client for {} days (since {}); the program expects "
                           "contact every {} days",
                           gap, since->str(), ctx.settings.contact_interval_days),
               "reach out, and record the attempt as a note with `--contact attempted` if you "
               "cannot reach them");
}

// A note tells of a service's start or end when it is about the service
// (`service:`), names it, or gives the day it started or ended ("starts
// the course on 2026-04-28", a step due that day); a note about another
// service does not.
bool tells_of(NoteText& n, const Service& s, const std::vector<std::string>& names,
              const Date& event) {
  auto due_then = [&](const NextStep& step) { return step.by == event; };
  if (n.note->service == s.id || std::any_of(n.note->plan.begin(), n.note->plan.end(), due_then))
    return true;
  return n.names_any(names) || n.names_any({plain_words(event.str())});
}

// Whether a note within a week of `date` tells of the service; `by_date`
// is the notes in date order, so only the notes of those two weeks are read.
bool event_told(std::vector<NoteText>& by_date, const Date& date, const Service& s,
                const std::vector<std::string>& names) {
  auto first = std::lower_bound(by_date.begin(), by_date.end(), date.add_days(-kEventNoteDays),
                                [](const NoteText& n, const Date& d) { return n.note->date < d; });
  for (auto n = first; n != by_date.end() && days_between(date, n->note->date) <= kEventNoteDays;
       ++n)
    if (tells_of(*n, s, names, date)) return true;
  return false;
}

// A service start or end is told in a note within a week of it (seed 003:
// notes "driven by key events such as: Service start/end dates"). A
// planned service has not started, so its dates are plans, not events;
// and the week after an event is the time to write its note (as `due`
// says), so it is missing only once that week is over.
void check_service_events(RuleContext& ctx) {
  if (!ctx.record.plan) return;
  const auto& services = ctx.record.plan->services;
  std::vector<NoteText> by_date = notes_by_date(ctx.record);
  for (std::size_t i = 0; i < services.size(); ++i) {
    const Service& s = services[i];
    if (s.status == "planned") continue;
    std::vector<std::string> names = names_of(s);
    for (const auto& [key, date] : {std::pair{"start", s.start}, std::pair{"end", s.end}}) {
      if (!date || days_between(*date, ctx.today) <= kEventNoteDays) continue;
      if (!event_told(by_date, *date, s, names))
        ctx.report("case/service-event-note", ctx.at(ctx.files.plan, {"services", i, key}),
                   fmt::format("service {} {} on {}, and no note within a week tells of it", s.id,
                               std::string(key) == "start" ? "started" : "ended", date->str()),
                   fmt::format("add a note with `--event service-{} --service {}`, or name the "
                               "service in the note: was the service timely and enough?",
                               key, s.id));
    }
  }
}

// What still runs after a case closed: a goal or service still active (or
// planned), a need still open, a release with no end (seed 000: "Exit
// Planning, Case Closure"). Each is named, so the worker knows what to end.
std::vector<std::string> still_running(const ClientRecord& r) {
  std::vector<std::string> running;
  for (const auto& n : r.client.assessment.needs)
    if (n.status == "open") running.push_back(fmt::format("need {} is still open", n.id));
  // A release the worker chose to keep at closure (`releases: kept`) runs on
  // by that choice.
  for (const auto& x : r.client.consents)
    if (!x.revoked && !x.expires && r.client.closure.releases != "kept")
      running.push_back(fmt::format("the release for {} has no end date", x.partner));
  if (!r.plan) return running;
  for (const auto& g : r.plan->short_term_goals)
    if (g.status == "active") running.push_back(fmt::format("goal {} is still active", g.id));
  for (const auto& s : r.plan->services)
    if (s.status == "active" || s.status == "planned")
      running.push_back(fmt::format("service {} is still {}", s.id, s.status));
  return running;
}

// A closure is dated after the case opened and after its last note.
void check_closure_date(RuleContext& ctx, const Date& closed) {
  const ClientRecord& r = ctx.record;
  Location where = ctx.at(ctx.files.client, {"closure", "date"});
  if (r.client.opened && closed < *r.client.opened)
    ctx.report("case/closure", where,
               fmt::format("the case is closed on {}, before it was opened on {}", closed.str(),
                           r.client.opened->str()),
               "correct the closure date or the opening date");
  if (!r.notes.empty() && closed < r.notes.back().date)
    ctx.report("case/closure", where,
               fmt::format("the case is closed on {}, before its last note of {}", closed.str(),
                           r.notes.back().date.str()),
               "correct the closure date, or reopen the case if work with the client goes on");
}

void check_closure(RuleContext& ctx) {
  const Client& c = ctx.record.client;
  if (c.status != "closed") {
    if (c.closure.present)
      ctx.report("case/closure", ctx.at(ctx.files.client, {"closure"}),
                 "the case is active, and carries a closure block",
                 "remove `closure:` while the case is open, or set `status: closed`");
    return;
  }
  std::vector<std::string> missing;
  if (!c.closure.date) missing.push_back("date");
  if (is_blank(c.closure.reason)) missing.push_back("reason");
  if (is_blank(c.closure.summary)) missing.push_back("summary");
  if (!missing.empty())
    ctx.report("case/closure", ctx.at(ctx.files.client, {"closure"}),
               fmt::format("the case is closed without a closure {}", fmt::join(missing, ", ")),
               "add them under `closure:`; the summary says what was achieved and what continues");
  if (c.closure.date) check_closure_date(ctx, *c.closure.date);
  std::vector<std::string> running = still_running(ctx.record);
  if (!running.empty())
    ctx.report("case/closure", ctx.at(ctx.files.client, {"status"}),
               fmt::format("the case is closed, and {}", fmt::join(running, "; ")),
               "mark goals achieved or discontinued, services completed or discontinued, needs "
               "met, and give each release an end date under `expires:` or revoke it");
}

// Each earlier episode (`episodes:`) was closed as a closure must be: a
// date on or after its opening and before the next episode's, a reason and
// a summary. What ran in it is the plan's, which the current episode checks.
void check_episode(RuleContext& ctx, const std::vector<Episode>& all, std::size_t i) {
  const Episode& e = all[i];
  Location where = ctx.at(ctx.files.client, {"episodes", i, "closure"});
  std::vector<std::string> missing;
  if (!e.closure.date) missing.push_back("date");
  if (is_blank(e.closure.reason)) missing.push_back("reason");
  if (is_blank(e.closure.summary)) missing.push_back("summary");
  if (!missing.empty())
    ctx.report(
        "case/closure", where,
        fmt::format("episode {} was closed without a closure {}", i + 1, fmt::join(missing, ", ")),
        "add them under that episode's `closure:`; the summary says what was achieved");
  const std::optional<Date>& next = all[i + 1].opened;
  if (e.closure.date &&
      ((e.opened && *e.closure.date < *e.opened) || (next && *next < *e.closure.date)))
    ctx.report("case/closure", where,
               fmt::format("episode {} closed on {}, outside the days it ran ({} to {})", i + 1,
                           e.closure.date->str(), e.opened ? e.opened->str() : "?",
                           next ? next->str() : "?"),
               "correct the episode's closure date, or the opening that follows it");
}

void check_episodes(RuleContext& ctx) {
  std::vector<Episode> all = ctx.record.client.all_episodes();
  for (std::size_t i = 0; i + 1 < all.size(); ++i) check_episode(ctx, all, i);
}

}  // namespace

void check_notes(RuleContext& ctx) {
  // Goals by id, found once: a search per measure would cost measures
  // times goals.
  std::unordered_map<std::string_view, const ShortTermGoal*> goals;
  if (ctx.record.plan)
    for (const auto& g : ctx.record.plan->short_term_goals) goals.try_emplace(g.id, &g);
  for (const auto& note : ctx.record.notes) {
    const SourceFile* file = ctx.note_file(note);
    check_sections(ctx, note, file);
    check_next_steps(ctx, note, file);
    check_dates(ctx, note, file);
    check_measures(ctx, note, file, goals);
  }
  check_note_concise(ctx);
  check_emergent_need_impact(ctx);
}

void check_case(RuleContext& ctx) {
  check_contact_gap(ctx);
  check_service_events(ctx);
  check_case_progress(ctx);
  check_plan_narrated(ctx);
  check_employment_notes(ctx);
  check_events_ahead(ctx);
  check_closure(ctx);
  check_episodes(ctx);
}

}  // namespace casekit
