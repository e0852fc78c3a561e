// ClientRecord::consent_for() for many referrals: each found in one
// look-up, however many releases the client has (a search per referral
// would cost referrals times releases).
#pragma once

#include <algorithm>
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
      by_partner_[c.partner].push_back(&c);
    }
    for (auto& entry : by_partner_)
      std::stable_sort(
          entry.second.begin(), entry.second.end(),
          [](const Consent* a, const Consent* b) { return *a->signed_on < *b->signed_on; });
  }

  // A partner's releases, oldest first; empty when there is none.
  const std::vector<const Consent*>& releases_of(const std::string& partner) const {
    static const std::vector<const Consent*> none;
    auto found = by_partner_.find(partner);
    return found == by_partner_.end() ? none : found->second;
  }

  // The release a referral relies on: the latest with the partner it names
  // (`release:`), else the one signed on its consent date.
  const Consent* release_of(const Referral& referral) const {
    if (referral.release.empty()) return consent_for(referral);
    const auto& all = releases_of(referral.release);
    return all.empty() ? nullptr : all.back();
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
  std::map<std::string, std::vector<const Consent*>> by_partner_;    // oldest first
};

}  // namespace casekit
