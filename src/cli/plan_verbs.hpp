// Shared by the two files of `casekit plan` verbs.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "edit/client_edit.hpp"

namespace casekit::cli {

struct PlanContext {
  Context* context = nullptr;
  bool edit = false;

  const std::string& client() const { return context->client; }
};

struct PlanVerb {
  const char* name;
  const char* summary;
  void (*setup)(CLI::App&, std::shared_ptr<PlanContext>);
};

// Runs one change under the client's lock, saves it and says what it did.
inline void change(const PlanContext& pc, const std::function<std::string(ClientEdit&)>& apply) {
  CaseFolder folder = pc.context->folder();
  ClientEdit edit(folder, pc.client());
  std::string message = apply(edit);
  std::vector<fs::path> written = edit.save();
  fmt::print("{}\n", message);
  record_in_git(folder, written, plan_commit_message(pc.client(), message));
  warn_if_closed(edit.record().client);
}

inline std::string today_or(const std::string& date) {
  return date.empty() ? today().str() : date;
}

void setup_plan_services(CLI::App& plan, std::shared_ptr<PlanContext> pc);

}  // namespace casekit::cli
