// ClientRecord::consent_for() for many referrals: each found in one
// look-up, however many releases the client has (a search per referral
// would cost referrals times releases).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "record/model.hpp"

namespace casekit {

class ConsentIndex {
 public:
  // Holds pointers into `consents`, which must outlive it.
  explicit ConsentIndex(const std::vector<Consent>& consents) {
    for (const auto& c : consents) {
      if (!c.signed_on) continue;
      first_on_.try_emplace(*c.signed_on, &c);
      last_for_[{*c.signed_on, c.partner}] = &c;
    }
  }

  // As consent_for(): the last release of that day for the referral's
  // partner, or else the day's first.
  const Consent* consent_for(const Referral& referral) const {
    if (!referral.consent) return nullptr;
    auto found = last_for_.find({*referral.consent, referral.to});
    if (found != last_for_.end()) return found->second;
    auto first = first_on_.find(*referral.consent);
    return first == first_on_.end() ? nullptr : first->second;
  }

 private:
  std::map<Date, const Consent*> first_on_;                          // the first signed that day
  std::map<std::pair<Date, std::string>, const Consent*> last_for_;  // by day and partner
};

}  // namespace casekit
