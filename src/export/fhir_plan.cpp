#include "export/fhir_plan.hpp"

namespace casekit::fhir {
namespace {

// casekit's goal status in FHIR's two dimensions: where the goal is in its
// life, and whether it was reached.
std::pair<const char*, const char*> goal_states(const std::string& status) {
  if (status == "achieved") return {"completed", "achieved"};
  if (status == "discontinued") return {"cancelled", "not-achieved"};
  if (status == "revised") return {"cancelled", "in-progress"};
  return {"active", "in-progress"};
}

// R4 lets Goal.outcomeReference point only at an Observation, so a
// long-term goal names its short-term goals as milestones with the core
// goal-relationship extension instead.
Json milestones_of(const BundleBuilder& b, const Plan& plan, const std::string& long_term) {
  Json out = Json::array();
  for (const auto& g : plan.short_term_goals) {
    if (g.long_term != long_term) continue;
    out.push_back({{"url", "http://hl7.org/fhir/StructureDefinition/goal-relationship"},
                   {"extension",
                    {{{"url", "type"},
                      {"valueCodeableConcept",
                       coding("http://hl7.org/fhir/goal-relationship-type", "milestone")}},
                     {{"url", "target"}, {"valueReference", b.ref("Goal", g.id)}}}}});
  }
  return out;
}

void add_long_term_goals(BundleBuilder& b, const Plan& plan) {
  for (const auto& g : plan.long_term_goals) {
    Json goal = {{"resourceType", "Goal"}, {"id", b.id_of(g.id)}};
    if (Json links = milestones_of(b, plan, g.id); !links.empty()) goal["extension"] = links;
    goal.update({{"lifecycleStatus", "active"},
                 {"category", {text_concept("long-term goal")}},
                 {"description", text_concept(g.statement)},
                 {"subject", b.patient_ref()}});
    b.add(goal);
  }
}

Json goal_target(const ShortTermGoal& g) {
  Json target = Json::object();
  if (g.measure && !g.measure->unit.empty()) target["measure"] = text_concept(g.measure->unit);
  if (g.measure && g.measure->target) {
    // A detailQuantity needs a measure (FHIR's gol-1), and a unit, if
    // any, is never empty.
    target["detailQuantity"] = {{"value", *g.measure->target}};
    if (!g.measure->unit.empty()) target["detailQuantity"]["unit"] = g.measure->unit;
    if (!target.contains("measure")) target["measure"] = text_concept("value");
  }
  if (g.target_date) target["dueDate"] = g.target_date->str();
  return target;
}

// Goal has no baseline of its own: the baseline is an Observation about
// the goal (focus), made when the plan was, and the goal's note says it.
// Null without a baseline.
Json baseline(const BundleBuilder& b, const ShortTermGoal& g, const Plan& plan, Json& goal) {
  if (!g.measure || !g.measure->baseline) return nullptr;
  const std::string& unit = g.measure->unit;
  Json quantity = {{"value", *g.measure->baseline}};
  if (!unit.empty()) quantity["unit"] = unit;
  Json obs = {{"resourceType", "Observation"},
              {"id", b.id_of(g.id + "-baseline")},
              {"status", "final"},
              {"code", text_concept("Baseline: " + (unit.empty() ? "value" : unit))},
              {"subject", b.patient_ref()},
              {"focus", {b.ref("Goal", g.id)}}};
  if (plan.created) obs["effectiveDateTime"] = plan.created->str();
  obs["valueQuantity"] = quantity;
  goal["note"] = {{{"text", fmt::format("Baseline: {}{}", *g.measure->baseline,
                                        unit.empty() ? "" : " " + unit)}}};
  return obs;
}

void add_goals(BundleBuilder& b, const Plan& plan) {
  add_long_term_goals(b, plan);
  for (const auto& g : plan.short_term_goals) {
    auto [lifecycle, achievement] = goal_states(g.status);
    Json goal = {{"resourceType", "Goal"},
                 {"id", b.id_of(g.id)},
                 {"lifecycleStatus", lifecycle},
                 {"achievementStatus",
                  coding("http://terminology.hl7.org/CodeSystem/goal-achievement", achievement)},
                 {"category", {text_concept("short-term goal")}},
                 {"description", text_concept(g.statement)},
                 {"subject", b.patient_ref()}};
    if (Json target = goal_target(g); !target.empty()) goal["target"] = Json::array({target});
    if (g.status_date) goal["statusDate"] = g.status_date->str();
    if (!g.needs.empty()) goal["addresses"] = b.refs("Condition", g.needs);
    Json obs = baseline(b, g, plan, goal);
    b.add(goal);
    if (!obs.is_null()) b.add(obs);
  }
}

const char* request_status(const std::string& status) {
  if (status == "completed") return "completed";
  if (status == "discontinued") return "revoked";
  if (status == "planned") return "draft";
  return "active";
}

// A referral's status, as a FHIR Task's: the partner's part of it.
const char* task_status(const std::string& status) {
  if (status == "accepted") return "accepted";
  if (status == "declined") return "rejected";
  if (status == "attended" || status == "closed") return "completed";
  if (status == "no-show") return "failed";
  return "requested";
}

// The follow-up of a referral: a Task whose focus is its ServiceRequest,
// with casekit's own word for the status as the business status and each
// earlier step as a dated note, so the history travels with it.
void add_referral_task(BundleBuilder& b, const Referral& f) {
  std::string status = f.status();
  if (status.empty()) return;  // not made yet: nothing to follow up
  Json t = {{"resourceType", "Task"},
            {"id", b.id_of(f.id)},
            {"status", task_status(status)},
            {"businessStatus", text_concept(status)},
            {"intent", "order"},
            {"code", text_concept("Follow up the referral to " + f.to)},
            {"focus", b.ref("ServiceRequest", f.id)},
            {"for", b.patient_ref()},
            {"owner", {{"display", f.to}}}};
  if (f.date) t["authoredOn"] = f.date->str();
  if (auto last = f.last_change()) t["lastModified"] = last->str();
  Json notes = Json::array();
  for (const auto& step : f.statuses) {
    std::string when = step.date ? step.date->str() + " " : "";
    notes.push_back({{"text", when + step.status + (step.note.empty() ? "" : ": " + step.note)}});
  }
  if (!notes.empty()) t["note"] = notes;
  b.add(t);
}

void add_requests(BundleBuilder& b, const Plan& plan) {
  for (const auto& s : plan.services) {
    Json r = {{"resourceType", "ServiceRequest"},
              {"id", b.id_of(s.id)},
              {"status", request_status(s.status)},
              {"intent", "plan"},
              {"category", {text_concept("service")}},
              {"code", text_concept(s.name)},
              {"subject", b.patient_ref()}};
    if (!s.provider.empty()) r["performer"] = {{{"display", s.provider}}};
    if (s.start || s.end) r["occurrencePeriod"] = period(s.start, s.end);
    if (!s.needs.empty()) r["reasonReference"] = b.refs("Condition", s.needs);
    // ServiceRequest has no goal of its own; the goals a service works
    // towards go with it as supporting information.
    if (!s.goals.empty()) r["supportingInfo"] = b.refs("Goal", s.goals);
    b.add(r);
  }
  for (const auto& f : plan.referrals) {
    Json r = {{"resourceType", "ServiceRequest"},
              {"id", b.id_of(f.id)},
              {"status", f.date ? "active" : "draft"},
              {"intent", "order"},
              {"category", {text_concept("referral")}},
              {"code", text_concept("Referral to " + f.to)},
              {"subject", b.patient_ref()},
              {"performer", {{{"display", f.to}}}}};
    if (f.date) r["authoredOn"] = f.date->str();
    if (!f.needs.empty()) r["reasonReference"] = b.refs("Condition", f.needs);
    if (!f.outcome.empty()) r["note"] = {{{"text", f.outcome}}};
    b.add(r);
    add_referral_task(b, f);
  }
}

void add_care_plan(BundleBuilder& b, const Plan& plan) {
  const Client& c = b.record.client;
  bool agreed = (plan.client_signature.present || !plan.client_signature.declined.empty()) &&
                plan.case_manager_signature.present;
  Json care = {{"resourceType", "CarePlan"},
               {"id", b.id_of("plan")},
               {"status", c.status == "closed" ? "completed"
                          : agreed             ? "active"
                                               : "draft"},
               {"intent", "plan"},
               {"title", "Individual service plan"},
               {"subject", b.patient_ref()}};
  if (plan.created) {
    care["created"] = plan.created->str();
    care["period"] = {{"start", plan.created->str()}};
    if (c.closure.date) care["period"]["end"] = c.closure.date->str();
  }
  Json needs = Json::array(), goals = Json::array(), activities = Json::array();
  for (const auto& n : c.assessment.needs) needs.push_back(b.ref("Condition", n.id));
  for (const auto& g : plan.long_term_goals) goals.push_back(b.ref("Goal", g.id));
  for (const auto& g : plan.short_term_goals) goals.push_back(b.ref("Goal", g.id));
  // Each service is its ServiceRequest, referenced rather than repeated.
  for (const auto& s : plan.services)
    activities.push_back({{"reference", b.ref("ServiceRequest", s.id)}});
  if (!needs.empty()) care["addresses"] = needs;
  if (!goals.empty()) care["goal"] = goals;
  if (!activities.empty()) care["activity"] = activities;
  b.add(care);
}

}  // namespace

void add_plan(BundleBuilder& b, const Plan& plan) {
  add_goals(b, plan);
  add_requests(b, plan);
  add_care_plan(b, plan);
}

}  // namespace casekit::fhir
