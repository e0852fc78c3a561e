// Referral rules. plan/referral-consent: a referral that shares
// information relies on a release in force (seed 004).
// plan/referral-follow-up: a referral made is followed up, and what came
// of it is recorded (an outcome in words, or a status beyond "made"; a
// referral made again is counted from that day) (000 core components:
// "Case Coordination"; 003: case notes include "A review of services that
// were referred out"; 004: "contact community partners involved in the
// case plan to follow up on referrals").
#include <fmt/format.h>

#include "check/check.hpp"
#include "check/rule_groups.hpp"
#include "record/consent_index.hpp"

namespace casekit {
namespace {

// The release a referral relies on, or null after reporting why there is
// none: a referral names it by its partner (`release:`), or, in older
// records, by its signing date (`consent:`).
const Consent* referral_release(RuleContext& ctx, const ConsentIndex& releases, const Referral& r) {
  if (!r.release.empty()) {
    const Consent* found = releases.release_of(r);
    if (!found)
      ctx.report("plan/referral-consent", r.where,
                 fmt::format("referral {} relies on the release for {}, and client.yaml has no "
                             "signed release for that partner",
                             r.id, r.release),
                 "record the release with add-consent, or write `release:` as the release's "
                 "`partner:` is written");
    return found;
  }
  if (!r.consent) {
    ctx.report("plan/referral-consent", r.where,
               fmt::format("referral {} has no release of information", r.id),
               "get the client's signed release before sharing anything, and record it with "
               "add-consent and `release:` naming its partner; if nothing about the client goes "
               "to the partner, add `shares: none`");
    return nullptr;
  }
  return releases.consent_for(r);  // null: format/dangling-ref reports it
}

// What is wrong with a referral's release, or "": signed after the
// referral, another partner's, or revoked or expired by today. A
// revocation counts from its own date.
std::string release_problem(const RuleContext& ctx, const ConsentIndex& releases, const Referral& r,
                            const Consent& found) {
  // A closed case shares nothing any more: only a referral made after the
  // release ended is a problem then.
  bool sharing = ctx.record.client.status == "active";
  auto ended = [&](const std::optional<Date>& end) {
    return end && *end <= ctx.today && (sharing || (r.date && *r.date >= *end));
  };
  // A renewed release does not make a referral early: the partner's first
  // release is the one it could have relied on.
  std::optional<Date> first =
      r.release.empty() ? r.consent : releases.releases_of(r.release).front()->signed_on;
  if (r.date && first && *r.date < *first)
    return fmt::format("the referral was made on {}, before the release was signed on {}",
                       r.date->str(), first->str());
  if (r.release.empty() && found.partner != r.to)
    return fmt::format("the release signed {} is for another partner", r.consent->str());
  if (ended(found.revoked))
    return fmt::format("the release was revoked on {}", found.revoked->str());
  if (ended(found.expires)) return fmt::format("the release expired on {}", found.expires->str());
  return "";
}

}  // namespace

// The release of information a referral relies on, if it is in force.
// Seed 004 asks for permission "before sharing information, if this
// applies": a referral that shares nothing (`shares: none`: the client is
// given a food pantry's address) needs none.
void check_referral_consents(RuleContext& ctx, const Plan& p) {
  ConsentIndex releases(ctx.record.client.consents);
  for (const auto& r : p.referrals) {
    if (!r.shares_information) continue;
    const Consent* found = referral_release(ctx, releases, r);
    if (!found) continue;
    std::string problem = release_problem(ctx, releases, r, *found);
    if (problem.empty()) continue;
    ctx.report(
        "plan/referral-consent",
        ctx.at(ctx.files.plan, {"referrals", static_cast<std::size_t>(&r - p.referrals.data()),
                                r.release.empty() ? "consent" : "release"}),
        fmt::format("referral {}: {}", r.id, problem),
        "stop sharing information with this partner until the client signs a new release");
  }
}

void check_referral_follow_up(RuleContext& ctx) {
  const ClientRecord& r = ctx.record;
  if (!r.plan || r.client.status != "active") return;
  int days = ctx.settings.referral_follow_up_days;
  for (std::size_t i = 0; i < r.plan->referrals.size(); ++i) {
    const Referral& referral = r.plan->referrals[i];
    std::optional<Date> made = referral.last_change();
    if (!made || referral.answered()) continue;
    long since = days_between(*made, ctx.today);
    if (since <= days) continue;
    ctx.report("plan/referral-follow-up", ctx.at(ctx.files.plan, {"referrals", i}),
               fmt::format("referral {} to {} was made {} days ago ({}), and what came of it is "
                           "not recorded (the program follows up within {} days)",
                           referral.id, referral.to, since, made->str(), days),
               fmt::format("follow up with the partner and the client, then record where it "
                           "stands with `casekit plan {} referral-status {} STATUS`",
                           r.client.id, referral.id));
  }
}

}  // namespace casekit
