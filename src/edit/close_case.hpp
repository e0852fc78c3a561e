// `casekit close`: a case closed with a reason and an exit summary, what
// still runs ended with it, and the follow-ups after exit that the
// program asks for.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edit/client_edit.hpp"

namespace casekit {

struct CloseRequest {
  std::string date, reason, summary, exit_plan;
  // End the active goals (discontinued) and services (completed) on the
  // closure date; without it, a case with any is refused.
  bool end_all = false;
  // Whether the releases still in force end on the closure date; unset
  // when there are none to decide (open_releases() is empty).
  std::optional<bool> end_releases;
  // Asked when it is unset and releases are in force (a terminal's
  // question); without it, or when it answers nothing, the close is refused.
  std::function<std::optional<bool>(const std::vector<std::string>& partners)> ask_releases;
  std::vector<int> follow_up_months;  // from the client's profile
};

// The partners of the releases still in force on `date`: not revoked, with
// no end date or one after it. close asks whether they end.
std::vector<std::string> open_releases(const ClientRecord& record, const Date& date);

// "2027-02-28" for 2026-11-30 plus 3 months: the day kept, or the month's last.
Date add_months(const Date& date, int months);

// Closes a case. Refuses (nothing changed) a case closed already, a
// missing reason, a date that is not real or before the opening, active
// goals or services without end_all (listing them), and open releases
// without a decision. Returns what it ended ("goal G1", "service S2").
std::vector<std::string> close_client(ClientEdit& edit, const CloseRequest& request);

}  // namespace casekit
