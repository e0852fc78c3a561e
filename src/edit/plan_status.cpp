// Plan changes that mark progress: milestones done, goals and needs closed,
// services started and ended, signatures and reviews.
#include <fmt/format.h>

#include <algorithm>

#include "edit/plan_edits.hpp"
#include "record/plan_digest.hpp"
#include "schema/settings.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

std::size_t find_goal(ClientEdit& edit, const std::string& goal) {
  return item_index(edit.plan().tree().find("short_term_goals"), goal, "goal");
}

}  // namespace

void add_milestone(ClientEdit& edit, const std::string& goal, const MilestoneInput& input) {
  std::size_t index = find_goal(edit, goal);
  if (input.step.empty())
    throw Error("a milestone needs a step", "add " + input_field("step") + " TEXT");
  YamlNode m = YamlNode::mapping();
  m.set("step", text_node(input.step));
  if (!input.due.empty()) m.set("due", YamlNode::scalar(require_date(input.due, "due")));
  if (!input.who.empty()) m.set("who", text_node(input.who));
  edit.plan().append({"short_term_goals", index, "milestones"}, m);
}

void complete_milestone(ClientEdit& edit, const std::string& goal, int number,
                        const std::string& date) {
  std::size_t index = find_goal(edit, goal);
  const YamlNode* milestones =
      edit.plan().tree().find("short_term_goals")->items[index].find("milestones");
  int count = milestones ? static_cast<int>(milestones->items.size()) : 0;
  if (number < 1 || number > count)
    throw Error(fmt::format("goal {} has no milestone {}", goal, number),
                count == 0 ? "the goal has no milestones yet"
                           : fmt::format("its milestones are numbered 1 to {}", count));
  const YamlNode* done = milestones->items[static_cast<std::size_t>(number - 1)].find("done");
  if (done && done->is_scalar())
    throw Error(fmt::format("milestone {} of {} was done on {} already", number, goal, done->value),
                "nothing was changed");
  edit.plan().set(
      {"short_term_goals", index, "milestones", static_cast<std::size_t>(number - 1), "done"},
      YamlNode::scalar(require_date(date, "date")));
}

void set_goal_status(ClientEdit& edit, const std::string& goal, const std::string& status,
                     const std::string& date) {
  std::size_t index = find_goal(edit, goal);
  edit.plan().set({"short_term_goals", index, "status"}, YamlNode::scalar(status));
  edit.plan().set({"short_term_goals", index, "status_date"},
                  YamlNode::scalar(require_date(date, "date")));
}

void meet_need(ClientEdit& edit, const std::string& need, const std::string& date) {
  const YamlNode* assessment = edit.client().tree().find("assessment");
  std::size_t index = item_index(assessment ? assessment->find("needs") : nullptr, need, "need");
  edit.client().set({"assessment", "needs", index, "status"}, YamlNode::scalar("met"));
  edit.client().set({"assessment", "needs", index, "met_on"},
                    YamlNode::scalar(require_date(date, "date")));
}

void set_service_status(ClientEdit& edit, const std::string& service, const std::string& status,
                        const std::string& date) {
  std::size_t index = item_index(edit.plan().tree().find("services"), service, "service");
  edit.plan().set({"services", index, "status"}, YamlNode::scalar(status));
  if (status == "active")
    edit.plan().set({"services", index, "start"}, YamlNode::scalar(require_date(date, "date")));
  if (status == "completed" || status == "discontinued")
    edit.plan().set({"services", index, "end"}, YamlNode::scalar(require_date(date, "date")));
}

void set_referral_outcome(ClientEdit& edit, const std::string& referral,
                          const std::string& outcome) {
  std::size_t index = item_index(edit.plan().tree().find("referrals"), referral, "referral");
  if (outcome.empty()) throw Error("an outcome needs some words", "say what came of the referral");
  edit.plan().set({"referrals", index, "outcome"}, text_node(outcome));
}

const std::vector<std::string>& referral_statuses() {
  static const std::vector<std::string> statuses = {"made",     "accepted", "declined",
                                                    "attended", "no-show",  "closed"};
  return statuses;
}

// A step is added after the referral's last one, never before it: the
// list is the referral's history and reads oldest first.
void refuse_earlier_step(const YamlNode& referral, const std::string& date) {
  std::string id = referral.text_at("id");
  std::string made = referral.text_at("date");
  if (!made.empty() && date < made)
    throw Error(
        fmt::format("referral {} was made on {}; a status of {} would come before it", id, made,
                    date),
        fmt::format("give the date the partner or the client told you, with {}; nothing was "
                    "changed",
                    input_field("date")));
  const YamlNode* steps = referral.find("statuses");
  if (!steps || steps->items.empty()) return;
  // The latest by date: after a merge it need not be the last listed.
  const YamlNode* latest = &steps->items.back();
  for (const auto& step : steps->items)
    if (step.text_at("date") > latest->text_at("date")) latest = &step;
  const YamlNode& last = *latest;
  if (date < last.text_at("date"))
    throw Error(fmt::format("referral {} was marked {} on {}; a status of {} would come before it",
                            id, last.text_at("status"), last.text_at("date"), date),
                "a referral's statuses are recorded in the order they happened; nothing was "
                "changed");
}

void add_referral_status(ClientEdit& edit, const std::string& referral, const std::string& status,
                         const std::string& date, const std::string& note) {
  const YamlNode* referrals = edit.plan().tree().find("referrals");
  std::size_t index = item_index(referrals, referral, "referral");
  const auto& known = referral_statuses();
  if (std::find(known.begin(), known.end(), status) == known.end())
    throw Error(fmt::format("'{}' is not a referral status", status),
                "use made, accepted, declined, attended, no-show or closed");
  refuse_earlier_step(referrals->items[index], require_date(date, "date"));
  YamlNode step = YamlNode::mapping();
  step.set("status", YamlNode::scalar(status));
  step.set("date", YamlNode::scalar(date));
  if (!note.empty()) step.set("note", text_node(note));
  edit.plan().append({"referrals", index, "statuses"}, step);
}

// Signatures are edited key by key, so a name and its comments stay; the
// new key is set before the old one goes, so the mapping is never empty.
// A signature records when the plan was agreed; it is replaced only when
// the plan was reviewed after it (desk guide 004: a reviewed plan is signed
// again), never by mistake.
void refuse_replacing(ClientEdit& edit, const std::string& who, const char* what) {
  const YamlNode* signatures = edit.plan().tree().find("signatures");
  const YamlNode* signature = signatures ? signatures->find(who) : nullptr;
  std::string signed_on = signature ? signature->text_at("date") : "";
  if (signed_on.empty()) return;
  std::string reviewed = edit.plan().tree().text_at("reviewed");
  if (!reviewed.empty() && reviewed > signed_on) return;
  throw Error(fmt::format("the {} signed the plan on {}; {} would replace that signature",
                          who == "client" ? "client" : "case manager", signed_on, what),
              "after a review, record it first with `casekit plan CLIENT review --reviewed DATE`; "
              "nothing was changed");
}

void sign_plan(ClientEdit& edit, const std::string& who, const std::string& date,
               const std::string& name) {
  require_date(date, "date");
  refuse_replacing(edit, who, "a new signature");
  if (!name.empty()) edit.plan().set({"signatures", who, "name"}, text_node(name));
  edit.plan().set({"signatures", who, "date"}, YamlNode::scalar(date));
  edit.plan().remove({"signatures", who, "declined"});
  // What was signed: the plan as it stands now (signatures are not part of it).
  edit.plan().set({"signatures", who, "digest"}, YamlNode::scalar(plan_digest(edit.plan().tree())));
}

void record_declined_signature(ClientEdit& edit, const std::string& reason) {
  if (reason.empty())
    throw Error("say why the client did not sign", "add " + input_field("reason") + " TEXT");
  refuse_replacing(edit, "client", "a reason for not signing");
  edit.plan().set({"signatures", "client", "declined"}, text_node(reason));
  edit.plan().remove({"signatures", "client", "date"});
}

void set_review(ClientEdit& edit, const std::string& next_review, const std::string& reviewed) {
  if (next_review.empty() && reviewed.empty())
    throw Error(
        "say when the plan was reviewed or is next due",
        fmt::format("add {} DATE and/or {} DATE", input_field("next"), input_field("reviewed")));
  std::string next = next_review;
  // A review sets the next one too: the client's program's interval when
  // not given.
  if (!reviewed.empty() && next.empty()) {
    const SettingsByProfile programs(edit.folder().settings());
    int days = programs.for_client(edit.record().client.profile).plan_review_days;
    next = Date::parse(require_date(reviewed, "reviewed"))->add_days(days).str();
  }
  if (!reviewed.empty())
    edit.plan().set({"reviewed"}, YamlNode::scalar(require_date(reviewed, "reviewed")));
  edit.plan().set({"next_review"}, YamlNode::scalar(require_date(next, "next")));
}

}  // namespace casekit
