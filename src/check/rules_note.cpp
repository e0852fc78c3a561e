// Progress note rules: the progress note checklist (seed 001), S.O.A.P.D.
// (seed 000), timeliness and event-driven notes (seed 003); case rules for
// contact, service events and closure.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "check/check.hpp"
#include "yaml/node_index.hpp"

namespace casekit {
namespace {

// How far from a service's start or end its note may be, either way.
constexpr int kEventNoteDays = 7;

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
        fmt::format("add `measure: {{target: ..., unit: ...}}` to {} in plan.yaml (and `baseline:` "
                    "where one exists)",
                    goal_id));
  }
}

void check_next_steps(RuleContext& ctx, const Note& n, const SourceFile* file) {
  if (n.plan.empty()) {
    ctx.report(
        "note/next-steps", in_note(ctx, file, n, "plan"), "the note has no next steps",
        "add `plan:` with the next steps, each with `by:` and `who:`, so a colleague can pick up");
    return;
  }
  if (std::any_of(n.plan.begin(), n.plan.end(), [](const NextStep& s) { return !s.by; }))
    ctx.report("note/next-steps", in_note(ctx, file, n, "plan"),
               "some next steps have no timeframe", "add `by: YYYY-MM-DD` to each step");
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

// A service start or end is told in a note within a week of it (seed 003:
// notes "driven by key events such as: Service start/end dates"). A
// planned service has not started, so its dates are plans, not events;
// and the week after an event is the time to write its note (as `due`
// says), so it is missing only once that week is over.
void check_service_events(RuleContext& ctx) {
  if (!ctx.record.plan) return;
  const auto& services = ctx.record.plan->services;
  // The notes' dates in order, to find the nearest note to a date by halving.
  std::vector<Date> dates;
  for (const auto& n : ctx.record.notes) dates.push_back(n.date);
  std::sort(dates.begin(), dates.end());
  for (std::size_t i = 0; i < services.size(); ++i) {
    const Service& s = services[i];
    if (s.status == "planned") continue;
    for (const auto& [key, date] : {std::pair{"start", s.start}, std::pair{"end", s.end}}) {
      if (!date || days_between(*date, ctx.today) <= kEventNoteDays) continue;
      // The first note on or after a week before: told if it is within the week after.
      auto first = std::lower_bound(dates.begin(), dates.end(), date->add_days(-kEventNoteDays));
      bool told = first != dates.end() && days_between(*date, *first) <= kEventNoteDays;
      if (!told)
        ctx.report("case/service-event-note", ctx.at(ctx.files.plan, {"services", i, key}),
                   fmt::format("service {} {} on {}, and no note tells of it", s.id,
                               std::string(key) == "start" ? "started" : "ended", date->str()),
                   fmt::format("add a note with `--event service-{} --service {}`: was the service "
                               "timely and enough?",
                               key, s.id));
    }
  }
}

void check_closure(RuleContext& ctx) {
  const Client& c = ctx.record.client;
  if (c.status != "closed") return;
  std::vector<std::string> missing;
  if (!c.closure.date) missing.push_back("date");
  if (is_blank(c.closure.reason)) missing.push_back("reason");
  if (is_blank(c.closure.summary)) missing.push_back("summary");
  if (!missing.empty())
    ctx.report("case/closure", ctx.at(ctx.files.client, {"closure"}),
               fmt::format("the case is closed without a closure {}", fmt::join(missing, ", ")),
               "add them under `closure:`; the summary says what was achieved and what continues");
  if (ctx.record.plan)
    for (const auto& g : ctx.record.plan->short_term_goals)
      if (g.status == "active")
        ctx.report("case/closure", g.where,
                   fmt::format("the case is closed, and goal {} is still active", g.id),
                   "mark it achieved or discontinued");
}

}  // namespace

void check_notes(RuleContext& ctx) {
  // Notes' files by name, and goals by id, found once: a search per note
  // would cost notes times files, or measures times goals.
  std::unordered_map<std::string, const SourceFile*> files;
  for (const auto& f : ctx.files.notes) files.try_emplace(f.path.filename().string(), &f);
  std::unordered_map<std::string_view, const ShortTermGoal*> goals;
  if (ctx.record.plan)
    for (const auto& g : ctx.record.plan->short_term_goals) goals.try_emplace(g.id, &g);
  for (const auto& note : ctx.record.notes) {
    auto found = files.find(note.file_name);
    const SourceFile* file = found == files.end() ? nullptr : found->second;
    check_sections(ctx, note, file);
    check_next_steps(ctx, note, file);
    check_dates(ctx, note, file);
    check_measures(ctx, note, file, goals);
  }
}

void check_case(RuleContext& ctx) {
  check_contact_gap(ctx);
  check_service_events(ctx);
  check_closure(ctx);
}

}  // namespace casekit
