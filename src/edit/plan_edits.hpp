// The changes `casekit plan` makes to a client's service plan (plan.yaml)
// and assessment (client.yaml). Each takes what a person typed, checks it
// against the record, and splices it in; the caller saves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/client_edit.hpp"

namespace casekit {

struct NeedInput {
  std::string description, domain;
  std::optional<std::string> identified;  // date
  bool emergent = false;
  std::optional<bool> in_scope;
};

struct MilestoneInput {
  std::string step;
  std::string due;  // date, may be empty
  std::string who;
};

struct GoalInput {
  std::string statement, long_term, target_date, frequency, duration, methods, responsible,
      program_outcome;
  std::vector<std::string> needs, strengths_used;
  std::optional<std::string> baseline, target, unit;
  std::vector<MilestoneInput> milestones;
};

struct ServiceInput {
  std::string name, provider, start, end, status;
  std::vector<std::string> needs, goals;
};

struct ReferralInput {
  std::string to, consent, date, outcome, release, shares;
  std::vector<std::string> needs;
};

struct ConsentInput {
  std::string partner, signed_on, expires;
  std::vector<std::string> scope;
  std::vector<std::string> shares;  // contact, assessment, plan, notes, documents
  std::string document;             // the signed release among the documents: D1
};

// Each returns the id it gave the new item.
std::string add_need(ClientEdit& edit, const NeedInput& input);
std::string add_long_term_goal(ClientEdit& edit, const std::string& statement,
                               const std::string& client_words);
std::string add_goal(ClientEdit& edit, const GoalInput& input);
std::string add_service(ClientEdit& edit, const ServiceInput& input);
std::string add_referral(ClientEdit& edit, const ReferralInput& input);
void add_consent(ClientEdit& edit, const ConsentInput& input);
void revoke_consent(ClientEdit& edit, const std::string& partner, const std::string& date);

void add_milestone(ClientEdit& edit, const std::string& goal, const MilestoneInput& input);
// Milestones are named by their number within the goal (1, 2, ...).
void complete_milestone(ClientEdit& edit, const std::string& goal, int number,
                        const std::string& date);
void set_goal_status(ClientEdit& edit, const std::string& goal, const std::string& status,
                     const std::string& date);
void meet_need(ClientEdit& edit, const std::string& need, const std::string& date);
void set_service_status(ClientEdit& edit, const std::string& service, const std::string& status,
                        const std::string& date);
void set_referral_outcome(ClientEdit& edit, const std::string& referral,
                          const std::string& outcome);
// Adds a dated step to a referral's history (`statuses:`): made,
// accepted, declined, attended, no-show or closed, with optional words.
void add_referral_status(ClientEdit& edit, const std::string& referral, const std::string& status,
                         const std::string& date, const std::string& note);
const std::vector<std::string>& referral_statuses();
// who: "client" or "case_manager".
void sign_plan(ClientEdit& edit, const std::string& who, const std::string& date,
               const std::string& name);
void record_declined_signature(ClientEdit& edit, const std::string& reason);
// Without --next, the next review is the client's program's
// plan_review_days after --reviewed.
void set_review(ClientEdit& edit, const std::string& next_review, const std::string& reviewed);

// Checks a date; the error names the input field it came from
// ("target_date"), which the command line names by its option.
std::string require_date(const std::string& value, std::string_view field);

}  // namespace casekit
