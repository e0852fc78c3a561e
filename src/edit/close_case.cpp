#include "edit/close_case.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <utility>

#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

// What the plan has not ended, as named in messages: "goal G1", "service
// S2", "planned service S3" (one that never started ends with the case
// too, or due would go on listing it).
std::vector<std::string> running_items(const ClientRecord& record) {
  std::vector<std::string> out;
  if (!record.plan) return out;
  for (const auto& goal : record.plan->short_term_goals)
    if (goal.status == "active") out.push_back("goal " + goal.id);
  for (const auto& service : record.plan->services) {
    if (service.status == "active") out.push_back("service " + service.id);
    if (service.status == "planned") out.push_back("planned service " + service.id);
  }
  return out;
}

// The latest day an item still open began (a service's start, the day a
// goal last changed status): the case cannot end them before it.
std::optional<std::pair<std::string, Date>> latest_start(const ClientRecord& record) {
  std::optional<std::pair<std::string, Date>> latest;
  auto consider = [&](const std::string& what, const std::optional<Date>& day) {
    if (day && (!latest || *day > latest->second)) latest = std::make_pair(what, *day);
  };
  if (!record.plan) return latest;
  for (const auto& goal : record.plan->short_term_goals)
    if (goal.status == "active") consider("goal " + goal.id + " was set", goal.status_date);
  for (const auto& service : record.plan->services)
    // A planned service's start is a plan, not a day it began.
    if (service.status == "active") consider("service " + service.id + " started", service.start);
  return latest;
}

void refuse_ending_before_start(const ClientRecord& record, const CloseRequest& request) {
  auto latest = latest_start(record);
  if (!latest || !(*Date::parse(request.date) < latest->second)) return;
  throw Error(fmt::format("{}: the case cannot close on {}, before {} on {}", input_field("date"),
                          request.date, latest->first, latest->second.str()),
              "give the day the case closed, on or after " + latest->second.str() +
                  "; nothing was changed");
}

void end_plan_items(ClientEdit& edit, const std::string& date) {
  const Plan& plan = *edit.record().plan;
  for (std::size_t i = 0; i < plan.short_term_goals.size(); ++i) {
    if (plan.short_term_goals[i].status != "active") continue;
    edit.plan().set({"short_term_goals", i, "status"}, YamlNode::scalar("discontinued"));
    edit.plan().set({"short_term_goals", i, "status_date"}, YamlNode::scalar(date));
  }
  for (std::size_t i = 0; i < plan.services.size(); ++i) {
    const std::string& status = plan.services[i].status;
    if (status != "active" && status != "planned") continue;
    // A service that ran is completed with the case; one that never
    // started is discontinued.
    edit.plan().set({"services", i, "status"},
                    YamlNode::scalar(status == "active" ? "completed" : "discontinued"));
    edit.plan().set({"services", i, "end"}, YamlNode::scalar(date));
    // A start planned after the closure never came: kept, it would end
    // the service before it began (and FHIR refuses such a period).
    const auto& start = plan.services[i].start;
    if (status == "planned" && start && start->str() > date)
      edit.plan().remove({"services", i, "start"});
  }
}

bool in_force(const Consent& consent, const Date& date) {
  return !consent.revoked && (!consent.expires || *consent.expires > date);
}

void end_releases(ClientEdit& edit, const Date& date) {
  const auto& consents = edit.record().client.consents;
  for (std::size_t i = 0; i < consents.size(); ++i)
    if (in_force(consents[i], date))
      edit.client().set({"consents", i, "expires"}, YamlNode::scalar(date.str()));
}

YamlNode closure_node(const CloseRequest& request, const Date& date) {
  YamlNode closure = YamlNode::mapping();
  closure.set("date", YamlNode::scalar(request.date));
  closure.set("reason", text_node(request.reason));
  if (!request.summary.empty()) closure.set("summary", text_node(request.summary));
  if (!request.exit_plan.empty()) closure.set("exit_plan", text_node(request.exit_plan));
  if (request.end_releases)
    closure.set("releases", YamlNode::scalar(*request.end_releases ? "ended" : "kept"));
  if (request.follow_up_months.empty()) return closure;
  YamlNode follow_ups = YamlNode::sequence();
  for (int months : request.follow_up_months) {
    YamlNode item = YamlNode::mapping();
    item.set("due", YamlNode::scalar(add_months(date, months).str()));
    follow_ups.items.push_back(item);
  }
  closure.set("follow_ups", follow_ups);
  return closure;
}

void refuse_bad_request(const Client& client, const CloseRequest& request) {
  if (client.status == "closed")
    throw Error(fmt::format("the case of '{}' is closed already", client.id),
                "nothing was changed");
  if (request.reason.empty())
    throw Error("a closure needs a reason", "add " + input_field("reason") + " TEXT");
  std::optional<Date> date = Date::parse(request.date);
  if (!date)
    throw Error(fmt::format("{}: '{}' is not a real date", input_field("date"), request.date),
                "write it as YYYY-MM-DD");
  if (client.opened && *date < *client.opened)
    throw Error(fmt::format("{}: the case cannot close on {}, before it opened on {}",
                            input_field("date"), request.date, client.opened->str()),
                "give the day the case closed, on or after " + client.opened->str());
}

}  // namespace

std::vector<std::string> open_releases(const ClientRecord& record, const Date& date) {
  std::vector<std::string> partners;
  for (const auto& consent : record.client.consents)
    if (in_force(consent, date)) partners.push_back(consent.partner);
  return partners;
}

Date add_months(const Date& date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  Date out{index / 12, index % 12 + 1, date.day};
  while (!Date::parse(out.str())) --out.day;
  return out;
}

std::vector<std::string> close_client(ClientEdit& edit, const CloseRequest& request) {
  const ClientRecord& record = edit.record();
  refuse_bad_request(record.client, request);
  Date date = *Date::parse(request.date);
  std::vector<std::string> running = running_items(record);
  if (!running.empty() && !request.end_all)
    throw Error(fmt::format("the plan has not ended {}", fmt::join(running, ", ")),
                fmt::format("end each first, like `casekit plan {} goal-status G1 achieved`, or "
                            "add {} to end them on the closure date",
                            record.client.id, input_field("end_all")));
  if (!running.empty()) refuse_ending_before_start(record, request);
  CloseRequest decided = request;
  std::vector<std::string> partners = open_releases(record, date);
  if (partners.empty()) decided.end_releases.reset();
  if (!partners.empty() && !decided.end_releases && request.ask_releases)
    decided.end_releases = request.ask_releases(partners);
  if (!partners.empty() && !decided.end_releases)
    throw Error(fmt::format("the {} with {} {} in force: say whether {} with the case",
                            partners.size() == 1 ? "release" : "releases",
                            fmt::join(partners, ", "), partners.size() == 1 ? "is" : "are",
                            partners.size() == 1 ? "it ends" : "they end"),
                fmt::format("add {} to end them on the closure date, or {}",
                            input_field("end_releases"), input_field("keep_releases")));
  if (!running.empty()) end_plan_items(edit, request.date);
  if (decided.end_releases.value_or(false)) end_releases(edit, date);
  edit.client().set({"status"}, YamlNode::scalar("closed"));
  edit.client().set({"closure"}, closure_node(decided, date));
  return running;
}

}  // namespace casekit
