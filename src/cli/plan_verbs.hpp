// Shared by the two files of `casekit plan` verbs.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "edit/change.hpp"
#include "edit/client_edit.hpp"
#include "edit/plan_edits.hpp"

namespace casekit::cli {

// What the verbs' options fill: one field per option, all owned by the
// plan command's context (CLI11 binds options to variables that must
// outlive the parse).
struct PlanInputs {
  NeedInput need;
  GoalInput goal;
  MilestoneInput milestone;
  ServiceInput service;
  ReferralInput referral;
  ConsentInput consent;
  // The ids and words the verbs take as arguments or options.
  std::string item, status, date, identified, in_scope, statement, client_words, number, outcome,
      partner, who, name, reason, next, reviewed;
  std::vector<std::string> milestones;
};

struct PlanContext {
  Context* context = nullptr;
  bool edit = false, resume = false;
  bool force = false;  // keep a date that looks impossible
  PlanInputs in;

  const std::string& client() const { return context->client; }
};

struct PlanVerb {
  const char* name;
  const char* summary;
  void (*setup)(CLI::App&, const std::shared_ptr<PlanContext>&);
};

// Runs one change under the client's lock, saves it and says what it
// did. `apply` returns what changed ("added goal G4"): the printed line
// and the commit message are both made from it (change.hpp).
inline void change(const PlanContext& pc, const std::function<std::string(ClientEdit&)>& apply) {
  CaseFolder folder = pc.context->folder();
  ClientEdit edit(folder, pc.client());
  edit.keep_implausible(pc.force);
  Change done{"plan", pc.client(), apply(edit)};
  done.paths = edit.save();
  fmt::print("{}\n", change_line(done));
  record_in_git(folder, done.paths, commit_message(done));
  warn_if_closed(edit.record().client);
}

inline std::string today_or(const std::string& date) {
  return date.empty() ? today().str() : date;
}

void setup_plan_services(CLI::App& plan, const std::shared_ptr<PlanContext>& pc);

}  // namespace casekit::cli
