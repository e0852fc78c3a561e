// plan/referral-follow-up: a referral made is followed up, and what came of
// it is recorded (an outcome in words, or a status beyond "made"; a
// referral made again is counted from that day) (000 core components: "Case Coordination"; 003:
// case notes include "A review of services that were referred out"; 004: "contact community
// partners involved in the case plan to follow up on referrals").
#include <fmt/format.h>

#include "check/check.hpp"
#include "check/rule_groups.hpp"

namespace casekit {

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
