// casekit log: one client's record over time, as one list of dated
// events: intake, assessment, the plan written, changed (from git when
// the case folder is a repository), reviewed and signed, goals reached,
// services started and ended, referrals and what became of them, notes,
// releases, documents and the closure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "record/model.hpp"

namespace casekit {

struct TimelineEvent {
  Date date;
  std::string kind;  // intake, assessment, plan, signature, goal, service, referral, note,
                     // release, document, closure
  std::string text;  // what happened, in a line
  std::string item;  // the item it is about (G1, S2, R1, D1, a note's file), or ""
};

// A commit that changed plan.yaml: its author date and subject.
struct PlanChange {
  Date date;
  std::string subject;
};

// Every event of the record on or after `since` (all when nullopt), in
// date order; events of one day in the order the record tells them.
std::vector<TimelineEvent> client_timeline(const ClientRecord& record,
                                           const std::vector<PlanChange>& plan_changes,
                                           const std::optional<Date>& since);

}  // namespace casekit
