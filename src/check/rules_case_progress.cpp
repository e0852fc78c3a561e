// Progress told in the notes (seed 003, "Case Notes"): "Describe the
// progress of each service provided", "Progress toward each goal in the
// plan", and "A review of services that were referred out". Each asks
// that the story of an item of the plan be told in a note since the plan
// last changed, once a contact interval has passed without it.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/check.hpp"
#include "check/note_text.hpp"
#include "check/rule_groups.hpp"

namespace casekit {
namespace {

// When the current plan period began: the later of the plan's writing and
// its last review; a note of that day wrote or reviewed the plan, so
// progress is told after it.
std::optional<Date> period_start(const Plan& p) {
  if (p.created && p.reviewed) return std::max(*p.created, *p.reviewed);
  return p.created ? p.created : p.reviewed;
}

// Whether a note after `from` (not a contact only tried) passes `test`.
template <typename Test>
bool told_after(std::vector<NoteText>& notes, const Date& from, Test test) {
  for (auto& n : notes)
    if (n.note->date > from && !is_attempt(*n.note) && test(n)) return true;
  return false;
}

// The services that help only goal `id`, by their id and name: a note of
// how the HSE class goes (`service: S1`, or "HSE prep" in prose) tells of
// progress toward the HSE goal it serves alone. A service of several goals
// (the MetroCard) and the provider's name (a partner of other services
// too) tell of none in particular.
std::vector<std::string> service_names_of_goal(const Plan& p, const std::string& id) {
  std::vector<std::string> names;
  for (const auto& s : p.services) {
    if (s.goals.size() != 1 || s.goals[0] != id) continue;
    std::string provider = plain_words(s.provider), partner = plain_words(partner_name(s.provider));
    for (auto& name : names_of(s))
      if (name != provider && name != partner) names.push_back(std::move(name));
  }
  return names;
}

bool tells_of_goal(NoteText& n, const ShortTermGoal& g, const std::vector<std::string>& services) {
  if (n.refers_to_goal(g.id) || n.names_any(services)) return true;
  if (services.empty()) return false;
  std::string service = plain_words(n.note->service);
  return std::find(services.begin(), services.end(), service) != services.end();
}

// case/goal-progress: each active short-term goal's progress is told in a
// note of the plan period (since the goal was set, if later), once that
// period is longer than the program's contact interval.
void check_goal_progress(RuleContext& ctx, const Plan& p, std::vector<NoteText>& notes) {
  std::optional<Date> start = period_start(p);
  if (!start) return;
  for (std::size_t i = 0; i < p.short_term_goals.size(); ++i) {
    const ShortTermGoal& g = p.short_term_goals[i];
    if (g.status != "active") continue;
    Date from = g.status_date ? std::max(*start, *g.status_date) : *start;
    long days = days_between(from, ctx.today);
    if (days <= ctx.settings.contact_interval_days) continue;
    std::vector<std::string> services = service_names_of_goal(p, g.id);
    if (told_after(notes, from, [&](NoteText& n) { return tells_of_goal(n, g, services); }))
      continue;
    ctx.report("case/goal-progress", ctx.at(ctx.files.plan, {"short_term_goals", i, "id"}),
               {SubjectKind::goal, g.id},
               fmt::format("goal {} is active, and no note since {} ({} days) tells of progress "
                           "toward it",
                           g.id, from.str(), days),
               fmt::format("in the next note, say where the client stands on {} and list it in "
                           "`goals:`",
                           g.id));
  }
}

// case/service-progress: each service under way has its progress told in
// a note since it started (or since the last review, if later): a note of
// its start only is not enough (003: "Case noting start and stop dates
// are not sufficient for any service").
void check_service_progress(RuleContext& ctx, const Plan& p, std::vector<NoteText>& notes) {
  for (std::size_t i = 0; i < p.services.size(); ++i) {
    const Service& s = p.services[i];
    // A service past its end date is over: case/service-event-note asks
    // for the note of its end.
    if (s.status != "active" || !s.start || *s.start > ctx.today) continue;
    if (s.end && *s.end <= ctx.today) continue;
    Date from = p.reviewed ? std::max(*s.start, *p.reviewed) : *s.start;
    long days = days_between(from, ctx.today);
    if (days <= ctx.settings.contact_interval_days) continue;
    std::vector<std::string> names = names_of(s);
    auto tells_progress = [&](NoteText& n) {
      if (n.note->event == "service-start" && n.note->service == s.id) return false;
      return n.note->service == s.id || n.names_any(names);
    };
    if (told_after(notes, from, tells_progress)) continue;
    ctx.report("case/service-progress", ctx.at(ctx.files.plan, {"services", i, "id"}),
               {SubjectKind::service, s.id},
               fmt::format("service {} ({}) is under way, and no note since {} ({} days) tells "
                           "how it is going",
                           s.id, s.name, from.str(), days),
               fmt::format("in the next note, name the service with `service: {}` and say "
                           "whether it is timely and enough, and what the client gets from it",
                           s.id));
  }
}

// The plan's services by their provider's plain words: a plan may hold many
// referrals and many services, so each referral finds its partner's in one
// look-up.
using ServicesByProvider = std::unordered_map<std::string, std::vector<const Service*>>;

// The words of a name in plain_words, one a string.
std::vector<std::string> words_of(const std::string& plain) {
  std::vector<std::string> words;
  std::size_t begin = 1;
  for (std::size_t end = plain.find(' ', begin); end != plain.npos; end = plain.find(' ', begin)) {
    if (end > begin) words.push_back(plain.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

// The last k words of a name of three words or more, k from 1 to all but
// one: "pantry", "food pantry", "point food pantry".
std::vector<std::string> tails_of(const std::string& plain) {
  std::vector<std::string> words = words_of(plain), tails;
  std::string tail = " ";
  for (std::size_t k = 1; words.size() >= 3 && k < words.size(); ++k) {
    tail = " " + words[words.size() - k] + tail;
    tails.push_back(tail);
  }
  return tails;
}

// How many of the plan's partners (each once) end in each short form.
using TailCounts = std::unordered_map<std::string, int>;

TailCounts count_tails(const std::vector<std::string>& partners) {
  std::unordered_set<std::string> each(partners.begin(), partners.end());
  TailCounts counts;
  for (const auto& partner : each)
    for (auto& tail : tails_of(partner)) ++counts[tail];
  return counts;
}

// A partner of three words or more in short, as a worker writes it after
// the first time: its last words without the place ("the Fathers' Support
// Network", "the food pantry", "the pantry" for Hunts Point Food Pantry).
// One or two words are read after "the", and a short form that ends
// another partner's name on the plan ("the center" of two centers) names
// neither.
std::vector<std::string> short_names(const std::string& partner, const TailCounts& counts) {
  std::vector<std::string> names;
  std::vector<std::string> tails = tails_of(plain_words(partner));
  for (std::size_t k = 0; k < tails.size(); ++k) {
    auto shared = counts.find(tails[k]);
    if (shared != counts.end() && shared->second > 1) continue;
    names.push_back(k < 2 ? " the" + tails[k] : tails[k]);
  }
  return names;
}

// How a note may name a referral: its id, its partner, and the services
// that partner provides on the plan.
std::vector<std::string> names_of(const Referral& referral, const ServicesByProvider& services,
                                  const TailCounts& partners) {
  std::vector<std::string> names = names_of_partner(referral.to);
  std::string partner = partner_name(referral.to);
  if (partner != referral.to)
    for (auto& name : names_of_partner(partner)) names.push_back(std::move(name));
  for (auto& name : short_names(partner, partners)) names.push_back(std::move(name));
  names.push_back(plain_words(referral.id));
  auto provided = services.find(plain_words(partner));
  if (provided != services.end())
    for (const Service* s : provided->second)
      for (auto& name : casekit::names_of(*s)) names.push_back(std::move(name));
  return names;
}

// What a note must tell of a referral, or null: its last step when it has
// one beyond "made" (a declined referral or a no-show most of all: 004,
// "the client is able to follow up on the referrals"), else its outcome.
struct ReferralNews {
  std::optional<Date> since;
  YamlPath at;
  std::string what;
};

std::optional<ReferralNews> news_of(const Referral& x, std::size_t i) {
  const ReferralStatus* step = x.last_step();
  if (step && step->status != "made") {
    const ReferralStatus& last = *step;
    auto at = static_cast<std::size_t>(step - x.statuses.data());
    return ReferralNews{last.date,
                        {"referrals", i, "statuses", at},
                        fmt::format("was marked {} on {}", last.status,
                                    last.date ? last.date->str() : "an unknown day")};
  }
  if (is_blank(x.outcome)) return std::nullopt;
  return ReferralNews{x.date, {"referrals", i, "outcome"}, "has an outcome"};
}

std::string review_hint(const Referral& x) {
  std::string status = x.status();
  if (status == "declined" || status == "no-show")
    return fmt::format(
        "in the next note, name {} and say why the client did not go on, whether "
        "they are able to follow up, and what comes next",
        x.to);
  return fmt::format(
      "in the next note, name {} and say what came of the referral and how it "
      "serves the client's goal",
      x.to);
}

// case/referral-review: once a referral's outcome or a status beyond
// "made" is known, a note on or after it tells of it (003: case notes "may
// also include ... A review of services that were referred out"; 004: the
// client "is able to follow up on the referrals"; plan/referral-follow-up
// asks for the outcome itself).
void check_referral_review(RuleContext& ctx, const Plan& p, std::vector<NoteText>& notes) {
  ServicesByProvider services;
  std::vector<std::string> partners;
  for (const auto& s : p.services) services[plain_words(partner_name(s.provider))].push_back(&s);
  for (const auto& s : services) partners.push_back(s.first);
  for (const auto& x : p.referrals) partners.push_back(plain_words(partner_name(x.to)));
  TailCounts tails = count_tails(partners);
  for (std::size_t i = 0; i < p.referrals.size(); ++i) {
    const Referral& x = p.referrals[i];
    std::optional<ReferralNews> news = news_of(x, i);
    if (!news) continue;
    std::vector<std::string> names = names_of(x, services, tails);
    const std::optional<Date>& since = news->since;
    auto reviews = [&](NoteText& n) {
      return (!since || n.note->date >= *since) && !is_attempt(*n.note) && n.names_any(names);
    };
    if (std::any_of(notes.begin(), notes.end(), reviews)) continue;
    ctx.report(
        "case/referral-review", ctx.at(ctx.files.plan, news->at), {SubjectKind::referral, x.id},
        fmt::format("referral {} to {} {}, and no note since tells of it", x.id, x.to, news->what),
        review_hint(x));
  }
}

}  // namespace

void check_case_progress(RuleContext& ctx) {
  const ClientRecord& r = ctx.record;
  if (!r.plan) return;
  std::vector<NoteText> notes = notes_by_date(r);
  if (r.client.status == "active") {
    check_goal_progress(ctx, *r.plan, notes);
    check_service_progress(ctx, *r.plan, notes);
  }
  check_referral_review(ctx, *r.plan, notes);
}

}  // namespace casekit
