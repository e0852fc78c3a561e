// Service plan rules (seeds 002, 003, 004): needs on the plan until met,
// services tied to needs and allowed by the program, referrals with
// consent, signatures, reviews. See src/data/rules.yaml for the sources.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "check/check.hpp"
#include "check/rule_groups.hpp"
#include "check/rule_text.hpp"
#include "record/documents.hpp"
#include "record/plan_digest.hpp"

namespace casekit {
namespace {

void check_long_term(RuleContext& ctx, const Plan& p) {
  if (p.long_term_goals.empty()) {
    ctx.report("plan/long-term-goal", ctx.at(ctx.files.plan, {"long_term_goals"}),
               "the plan has no long-term goal",
               "ask \"What do you want your future to look like?\" and add it with `casekit plan "
               "CLIENT add-long-term-goal`");
    return;
  }
  for (const auto& g : p.short_term_goals)
    if (g.long_term.empty() && g.status != "discontinued")
      ctx.report("plan/long-term-goal", g.where,
                 fmt::format("short-term goal {} does not connect to a long-term goal", g.id),
                 "add `long_term: L1`, the long-term goal it leads to");
}

// The needs some goal, service or referral addresses, gathered once: a
// search of the plan per need would cost needs times items. A goal that
// is achieved, revised or discontinued, or a service that is completed or
// discontinued, no longer addresses an open need (seed 003: "Each need
// identified in the assessment must appear on the plan until the need is
// met").
// `in_progress`: only the items still in progress; else all.
// Seed 003: "Plans include: Long term goals; Short term goals". A goal
// discontinued is no longer part of the plan.
void check_short_term(RuleContext& ctx, const Plan& p) {
  const auto& goals = p.short_term_goals;
  if (std::all_of(goals.begin(), goals.end(),
                  [](const ShortTermGoal& g) { return g.status == "discontinued"; }))
    ctx.report("plan/short-term-goal", ctx.at(ctx.files.plan, {"short_term_goals"}),
               goals.empty() ? "the plan has no short-term goals"
                             : "every short-term goal of the plan is discontinued",
               "agree on a S.M.A.R.T.S. goal with the client and add it with `casekit plan CLIENT "
               "add-goal`");
}

std::unordered_set<std::string_view> needs_on_plan(const Plan& p, bool in_progress) {
  std::unordered_set<std::string_view> out;
  auto add = [&](const Strings& needs) { out.insert(needs.begin(), needs.end()); };
  for (const auto& g : p.short_term_goals)
    if (!in_progress || g.status == "active") add(g.needs);
  for (const auto& s : p.services)
    if (!in_progress || s.status == "planned" || s.status == "active") add(s.needs);
  for (const auto& r : p.referrals) add(r.needs);
  return out;
}

void check_needs_on_plan(RuleContext& ctx, const Plan& p) {
  std::unordered_set<std::string_view> addressed = needs_on_plan(p, true);
  std::unordered_set<std::string_view> named = needs_on_plan(p, false);
  for (const auto& need : ctx.record.client.assessment.needs) {
    if (need.status != "open" || addressed.count(need.id)) continue;
    ctx.report(
        "plan/need-not-addressed", need.where,
        fmt::format("open need {} ({}) is not on the plan: {}", need.id,
                    need.domain.empty() ? "no domain" : need.domain,
                    named.count(need.id)
                        ? "the goals and services for it are over, and no referral addresses it"
                        : "no goal, service or referral addresses it"),
        fmt::format("add a goal, service or referral with `--need {}`, or mark it met", need.id));
  }
}

void check_services(RuleContext& ctx, const Plan& p) {
  const auto& allowed = ctx.settings.services;
  for (const auto& s : p.services) {
    if (s.needs.empty())
      ctx.report("plan/service-without-need", s.where,
                 fmt::format("service {} has no documented need", s.id),
                 "add `needs: [N..]`, or take the service off the plan: participants get only what "
                 "they need");
    // Typed by hand in two files: the case and the spacing may differ.
    if (!allowed.empty() && !is_one_of(s.name, allowed))
      ctx.report("plan/service-not-allowed",
                 ctx.at(ctx.files.plan,
                        {"services", static_cast<std::size_t>(&s - p.services.data()), "name"}),
                 fmt::format("service {} is not one of the program's allowable services", s.id),
                 "use a name from `services:` in casekit.yaml, or refer the client out for it");
  }
}

void check_scope(RuleContext& ctx, const Plan& p) {
  // Referred needs, and the services of each need in the plan's order, found once.
  std::unordered_set<std::string_view> referred;
  for (const auto& r : p.referrals) referred.insert(r.needs.begin(), r.needs.end());
  std::unordered_map<std::string_view, std::vector<const Service*>> services_of;
  for (const auto& s : p.services)
    for (const auto& n : s.needs)
      if (auto& list = services_of[n]; list.empty() || list.back() != &s) list.push_back(&s);
  for (const auto& need : ctx.record.client.assessment.needs) {
    if (need.status != "open" || !need.in_scope || *need.in_scope || referred.count(need.id))
      continue;
    auto found = services_of.find(need.id);
    if (found == services_of.end()) continue;
    for (const Service* s : found->second)
      ctx.report("plan/out-of-scope", s->where,
                 fmt::format("need {} is outside the program's scope, and only a program service "
                             "(S: {}) addresses it",
                             need.id, s->id),
                 fmt::format("refer the client to a community partner for {} with `casekit plan "
                             "CLIENT add-referral`",
                             need.id));
  }
}

// A reason says why in a few words; "no" or "declined" does not (seed
// 004: "narrate the reason why").
bool gives_a_reason(const std::string& text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    words += letter && !in_word;
    in_word = letter;
  }
  return words >= 3;
}

// A signature agrees to the plan once it exists, and not in the future.
void check_signature_date(RuleContext& ctx, const Plan& p, const char* who,
                          const Signature& signature) {
  if (!signature.date) return;
  std::string problem;
  if (*signature.date > ctx.today)
    problem = "in the future";
  else if (p.created && *signature.date < *p.created)
    problem = fmt::format("before the plan was written on {}", p.created->str());
  if (problem.empty()) return;
  ctx.report("plan/signature", ctx.at(ctx.files.plan, {"signatures", who, "date"}),
             fmt::format("the {} signature is dated {}, {}",
                         std::string(who) == "client" ? "client's" : "case manager's",
                         signature.date->str(), problem),
             "correct the date to the day it was signed");
}

void check_signatures(RuleContext& ctx, const Plan& p) {
  Location where = ctx.at(ctx.files.plan, {"signatures"});
  bool client_needed =
      ctx.settings.client_signature_required &&
      !(ctx.settings.paper_signatures && signed_plan_document(ctx.record.client, p));
  const Signature& client = p.client_signature;
  if (client_needed && !client.date && is_blank(client.declined))
    ctx.report("plan/signature", where,
               "the client has not signed the plan, and no reason is recorded",
               "have the client sign and date it with `casekit plan CLIENT sign client`, or record "
               "why with decline-signature");
  else if (client_needed && !client.date && !gives_a_reason(client.declined))
    ctx.report("plan/signature", ctx.at(ctx.files.plan, {"signatures", "client", "declined"}),
               "the client has not signed the plan, and `declined:` does not say why",
               "write the reason the client gave, and that the plan was explained to them");
  check_signature_date(ctx, p, "client", client);
  check_signature_date(ctx, p, "case_manager", p.case_manager_signature);
  if (!p.case_manager_signature.date)
    ctx.report("plan/signature", where, "the case manager has not signed and dated the plan",
               "sign it with `casekit plan CLIENT sign case-manager`");
}

// A signature agrees to the plan as it was: a digest that no longer
// matches means the plan was edited afterwards without signing again.
void check_signed_content(RuleContext& ctx, const Plan& p) {
  if (!ctx.files.plan || !ctx.files.plan->parsed) return;
  std::string now;
  for (const auto& [who, signature] : {std::pair{"client", &p.client_signature},
                                       std::pair{"case_manager", &p.case_manager_signature}}) {
    if (!signature->date || signature->digest.empty()) continue;
    if (now.empty()) now = plan_digest(ctx.files.plan->tree);
    if (signature->digest == now) continue;
    ctx.report("plan/changed-after-signature",
               ctx.at(ctx.files.plan, {"signatures", who, "digest"}),
               fmt::format("the plan changed after the {} signed it on {}",
                           std::string(who) == "client" ? "client" : "case manager",
                           signature->date->str()),
               "go over the changes with the client, record the review with `casekit plan CLIENT "
               "review --reviewed DATE`, then sign again");
  }
}

// A next review set further out than the program's interval is no review
// at all (seed 004: "Case plans should be reviewed regularly").
void check_review_interval(RuleContext& ctx, const Plan& p) {
  std::optional<Date> last = p.reviewed ? p.reviewed : p.created;
  int interval = ctx.settings.plan_review_days;
  if (!p.next_review || !last || *p.next_review <= *last ||
      days_between(*last, *p.next_review) <= interval)
    return;
  ctx.report("plan/review-due", ctx.at(ctx.files.plan, {"next_review"}),
             fmt::format("the next review is set for {}, {} days after the plan was last {} on {}; "
                         "the program reviews plans every {} days",
                         p.next_review->str(), days_between(*last, *p.next_review),
                         p.reviewed ? "reviewed" : "written", last->str(), interval),
             fmt::format("set `next_review:` to {} or earlier", last->add_days(interval).str()));
}

void check_review(RuleContext& ctx, const Plan& p) {
  check_review_interval(ctx, p);
  std::optional<Date> due = p.review_due(ctx.settings.plan_review_days);
  if (due && *due < ctx.today)
    ctx.report("plan/review-due",
               ctx.at(ctx.files.plan, {p.next_review ? "next_review" : "reviewed"}),
               fmt::format("the plan's review was due on {}, {} days ago", due->str(),
                           days_between(*due, ctx.today)),
               "review the plan with the client, then `casekit plan CLIENT review --reviewed DATE "
               "--next DATE`");
}

using NeedsById = std::unordered_map<std::string_view, const Need*>;

// A goal, service or referral answers a note's emergent need when it names
// the need and came after it: it is dated on or after the note, or the
// need itself was identified then (so whatever names it is newer still).
bool answers(const std::optional<Date>& item_date, const Strings& item_needs, const Note& note,
             const NeedsById& needs) {
  for (const auto& id : item_needs) {
    if (std::find(note.needs.begin(), note.needs.end(), id) == note.needs.end()) continue;
    auto need = needs.find(id);
    bool need_is_new =
        need != needs.end() && need->second->identified && *need->second->identified >= note.date;
    if (need_is_new || (item_date && *item_date >= note.date)) return true;
  }
  return false;
}

// Seed 003: "Document the need in the case notes ... Update the plan": a
// new review date alone changes nothing, so the plan is updated when a
// goal, service or referral for the note's need was added or changed.
bool plan_updated_for(const Plan& p, const Note& note, const NeedsById& needs) {
  for (const auto& g : p.short_term_goals)
    if (g.status != "discontinued" && answers(g.status_date, g.needs, note, needs)) return true;
  for (const auto& s : p.services)
    if (s.status != "discontinued" && answers(s.start, s.needs, note, needs)) return true;
  for (const auto& x : p.referrals)
    if (answers(x.date ? x.date : x.consent, x.needs, note, needs)) return true;
  return false;
}

void check_emergent(RuleContext& ctx, const Plan& p) {
  NeedsById needs;
  for (const auto& n : ctx.record.client.assessment.needs) needs.try_emplace(n.id, &n);
  for (const auto& note : ctx.record.notes) {
    if (note.event != "emergent-need") continue;
    if (note.needs.empty())
      ctx.report("plan/stale-after-emergent-need", ctx.at(note, "event"),
                 fmt::format("the note of {} records an emergent need, and names no need",
                             note.date.str()),
                 "add the need with `casekit plan CLIENT add-need --emergent --description TEXT` "
                 "and name it in "
                 "the note's `needs:`, then add a goal, service or referral for it");
    else if (!plan_updated_for(p, note, needs))
      ctx.report(
          "plan/stale-after-emergent-need", ctx.at(note, "needs"),
          fmt::format("the note of {} records an emergent need ({}), and no goal, service or "
                      "referral for it was added to the plan since",
                      note.date.str(), fmt::join(note.needs, ", ")),
          "add a goal, service or referral for the need, then record the review");
  }
}

// Seed 004: the self-assessment is "completed and reviewed prior to
// developing any case plan", so a plan dated before it was not built on it.
void check_after_assessment(RuleContext& ctx, const Plan& p) {
  const std::optional<Date>& assessed = ctx.record.client.assessment.date;
  if (!p.created || !assessed || *p.created >= *assessed) return;
  ctx.report("plan/before-assessment", ctx.at(ctx.files.plan, {"created"}),
             fmt::format("the plan was written on {}, before the assessment of {}",
                         p.created->str(), assessed->str()),
             "review the plan with the client against the assessment, then record the review; "
             "or correct the dates");
}

// The first phrase of the disability list (words.yaml) in what the
// assessment records about the client, or empty.
std::string disability_recorded(const Assessment& a) {
  const WordList* list = find_word_list("plan/accommodations");
  if (!list) return {};
  Strings texts = {a.background};
  for (const Strings* part : {&a.challenges, &a.barriers, &a.methods})
    texts.insert(texts.end(), part->begin(), part->end());
  for (const auto& n : a.needs) texts.push_back(n.domain + ". " + n.description);
  for (const auto& text : texts)
    if (std::string found = first_phrase(text, *list); !found.empty()) return found;
  return {};
}

// Seed 004 (ADA, section 504): "case plan activities should be reasonably
// modified if necessary to allow disabled clients to participate".
void check_accommodations(RuleContext& ctx, const Plan& p) {
  if (!is_blank(p.accommodations)) return;
  std::string disability = disability_recorded(ctx.record.client.assessment);
  if (disability.empty()) return;
  ctx.report("plan/accommodations", ctx.at(ctx.files.plan, {"accommodations"}),
             fmt::format("the assessment records a disability (\"{}\") and the plan lists no "
                         "accommodations",
                         disability),
             "ask the client what would help, and add `accommodations:`, or \"None requested\" "
             "in the client's words");
}

}  // namespace

void check_plan(RuleContext& ctx) {
  const ClientRecord& r = ctx.record;
  if (!r.plan) {
    bool assessed = r.client.assessment.date.has_value();
    std::optional<Date> from = assessed ? r.client.assessment.date : r.client.opened;
    if (r.client.status == "active" && from &&
        days_between(*from, ctx.today) > ctx.settings.plan_due_days)
      ctx.report(
          "format/missing-file", {ctx.files.client->display, 0, 0},
          fmt::format("no service plan yet, {} days after the {} (the program allows {})",
                      days_between(*from, ctx.today), assessed ? "assessment" : "case was opened",
                      ctx.settings.plan_due_days),
          "write the plan with the client: `casekit plan CLIENT add-need --description TEXT`, "
          "add-goal, sign");
    return;
  }
  // A closed case's plan is over: no goal or service is added to it and it
  // is not signed again, so the rules that ask for that wait for a reopen;
  // case/closure says what must be settled when a case closes.
  bool in_effect = r.client.status != "closed";
  check_long_term(ctx, *r.plan);
  if (in_effect) check_needs_on_plan(ctx, *r.plan);
  check_services(ctx, *r.plan);
  check_scope(ctx, *r.plan);
  check_referral_consents(ctx, *r.plan);
  check_referral_follow_up(ctx);
  check_signatures(ctx, *r.plan);
  if (in_effect) check_signed_content(ctx, *r.plan);
  if (r.client.status == "active") check_review(ctx, *r.plan);
  check_emergent(ctx, *r.plan);
  check_after_assessment(ctx, *r.plan);
  check_accommodations(ctx, *r.plan);
  if (in_effect) check_short_term(ctx, *r.plan);
  check_plan_parts(ctx, *r.plan);
}

}  // namespace casekit
