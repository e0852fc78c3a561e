#include "edit/plan_edits.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "schema/schema.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

const YamlNode* needs_list(ClientEdit& edit) {
  const YamlNode* assessment = edit.client().tree().find("assessment");
  return assessment ? assessment->find("needs") : nullptr;
}

// Adds `key: text` when the text is not empty.
void put(YamlNode& map, const char* key, const std::string& value) {
  if (!value.empty()) map.set(key, text_node(value));
}

// `field` names the input the date came from, for the refusal.
void put_date(YamlNode& map, const char* key, const std::string& value, const char* field) {
  if (!value.empty()) map.set(key, YamlNode::scalar(require_date(value, field)));
}

void put_ids(YamlNode& map, const char* key, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  YamlNode list = YamlNode::sequence();
  list.flow = true;
  for (const auto& id : ids) list.items.push_back(YamlNode::scalar(id));
  map.set(key, list);
}

void put_texts(YamlNode& map, const char* key, const std::vector<std::string>& texts) {
  if (texts.empty()) return;
  YamlNode list = YamlNode::sequence();
  for (const auto& t : texts) list.items.push_back(text_node(t));
  map.set(key, list);
}

YamlNode milestone_node(const MilestoneInput& input) {
  if (input.step.empty())
    throw Error("a milestone needs a step", "describe the step, like \"Register for classes\"");
  YamlNode m = YamlNode::mapping();
  put(m, "step", input.step);
  put_date(m, "due", input.due, "milestone");
  put(m, "who", input.who);
  return m;
}

void require_number(const std::optional<std::string>& value, const char* field) {
  if (!value) return;
  if (!is_decimal(*value))
    throw Error(fmt::format("{} should be a number, not '{}'", input_field(field), *value),
                fmt::format("put the unit in {0}, like {0} %", input_field("unit")));
}

// A referral names its release by the partner client.yaml writes on it;
// one that shares nothing needs none, so naming one as well is a mistake.
void require_release(ClientEdit& edit, const ReferralInput& input) {
  if (!input.release.empty() && !input.consent.empty())
    throw Error(fmt::format("{} and {} both name the referral's release", input_field("release"),
                            input_field("consent")),
                fmt::format("give {} with the partner's name; {} is the older way",
                            input_field("release"), input_field("consent")));
  if (input.shares == "none" && (!input.release.empty() || !input.consent.empty()))
    throw Error("a referral that shares nothing relies on no release",
                fmt::format("leave out {} none, or leave out {}", input_field("shares"),
                            input_field("release")));
  if (input.release.empty()) return;
  for (const auto& consent : edit.record().client.consents)
    if (consent.partner == input.release && consent.signed_on) return;
  // Partner names can tell about a client's health or legal matters, so
  // the refusal does not list them.
  throw Error(fmt::format("{}: no signed release of information for '{}' is recorded",
                          input_field("release"), input.release),
              "record it first with `casekit plan CLIENT add-consent`, and write the partner "
              "as it is written there");
}

// The same words once each, in the order given.
std::vector<std::string> unique(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words)
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  return out;
}

// A referral's consent is the signed date of a release in client.yaml.
void require_consent(ClientEdit& edit, const std::string& date) {
  require_date(date, "consent");
  std::vector<std::string> releases;
  for (const auto& consent : edit.record().client.consents) {
    if (!consent.signed_on) continue;
    if (consent.signed_on->str() == date) return;
    releases.push_back(consent.signed_on->str());
  }
  throw Error(fmt::format("{} {}: no release of information signed on that date is recorded",
                          input_field("consent"), date),
              releases.empty() ? "record it first with `casekit plan CLIENT add-consent`"
                               : fmt::format("the client's releases were signed on {}",
                                             fmt::join(releases, ", ")));
}

}  // namespace

std::string require_date(const std::string& value, std::string_view field) {
  if (!Date::parse(value))
    throw Error(fmt::format("{}: '{}' is not a real date", input_field(field), value),
                "write it as YYYY-MM-DD, for example 2026-11-20");
  return value;
}

std::string add_need(ClientEdit& edit, const NeedInput& input) {
  if (input.description.empty())
    throw Error("a need needs a description", "add " + input_field("description") + " TEXT");
  std::string id = edit.next_id('N');
  YamlNode need = YamlNode::mapping();
  need.set("id", YamlNode::scalar(id));
  put(need, "domain", input.domain);
  put(need, "description", input.description);
  need.set("status", YamlNode::scalar("open"));
  put_date(need, "identified", input.identified.value_or(""), "identified");
  if (input.emergent) need.set("emergent", YamlNode::scalar("true"));
  if (input.in_scope) need.set("in_scope", YamlNode::scalar(*input.in_scope ? "true" : "false"));
  edit.client().append({"assessment", "needs"}, need);
  return id;
}

std::string add_long_term_goal(ClientEdit& edit, const std::string& statement,
                               const std::string& client_words) {
  if (statement.empty())
    throw Error("a long-term goal needs a statement", "add " + input_field("statement") + " TEXT");
  std::string id = edit.next_id('L');
  YamlNode goal = YamlNode::mapping();
  goal.set("id", YamlNode::scalar(id));
  put(goal, "statement", statement);
  put(goal, "client_words", client_words);
  edit.plan().append({"long_term_goals"}, goal);
  return id;
}

std::string add_goal(ClientEdit& edit, const GoalInput& input) {
  if (input.statement.empty())
    throw Error("a goal needs a statement",
                "add " + input_field("statement") + " \"Marcus will ...\"");
  require_ids(input.needs, item_ids(needs_list(edit)), "need");
  if (!input.long_term.empty())
    require_ids({input.long_term}, item_ids(edit.plan().tree().find("long_term_goals")),
                "long-term goal");
  require_number(input.baseline, "baseline");
  require_number(input.target, "target");
  std::string id = edit.next_id('G');
  YamlNode goal = YamlNode::mapping();
  goal.set("id", YamlNode::scalar(id));
  put(goal, "statement", input.statement);
  if (!input.long_term.empty()) goal.set("long_term", YamlNode::scalar(input.long_term));
  put_ids(goal, "needs", input.needs);
  if (input.baseline || input.target || input.unit) {
    YamlNode measure = YamlNode::mapping();
    if (input.baseline) measure.set("baseline", YamlNode::scalar(*input.baseline));
    if (input.target) measure.set("target", YamlNode::scalar(*input.target));
    if (input.unit) put(measure, "unit", *input.unit);
    goal.set("measure", measure);
  }
  put_date(goal, "target_date", input.target_date, "target_date");
  put(goal, "frequency", input.frequency);
  put(goal, "duration", input.duration);
  put_texts(goal, "strengths_used", input.strengths_used);
  if (!input.milestones.empty()) {
    YamlNode list = YamlNode::sequence();
    for (const auto& m : input.milestones) list.items.push_back(milestone_node(m));
    goal.set("milestones", list);
  }
  put(goal, "methods", input.methods);
  put(goal, "responsible", input.responsible);
  put(goal, "program_outcome", input.program_outcome);
  goal.set("status", YamlNode::scalar("active"));
  edit.plan().append({"short_term_goals"}, goal);
  return id;
}

std::string add_service(ClientEdit& edit, const ServiceInput& input) {
  if (input.name.empty())
    throw Error("a service needs a name", "add " + input_field("name") + " TEXT");
  require_ids(input.needs, item_ids(needs_list(edit)), "need");
  require_ids(input.goals, item_ids(edit.plan().tree().find("short_term_goals")), "goal");
  std::string id = edit.next_id('S');
  YamlNode service = YamlNode::mapping();
  service.set("id", YamlNode::scalar(id));
  put(service, "name", input.name);
  put_ids(service, "needs", input.needs);
  put_ids(service, "goals", input.goals);
  put(service, "provider", input.provider);
  put_date(service, "start", input.start, "start");
  put_date(service, "end", input.end, "end");
  service.set("status", YamlNode::scalar(input.status.empty() ? "planned" : input.status));
  edit.plan().append({"services"}, service);
  return id;
}

std::string add_referral(ClientEdit& edit, const ReferralInput& input) {
  if (input.to.empty())
    throw Error("a referral needs a partner", "add " + input_field("to") + " NAME");
  require_ids(input.needs, item_ids(needs_list(edit)), "need");
  if (!input.consent.empty()) require_consent(edit, input.consent);
  require_release(edit, input);
  std::string id = edit.next_id('R');
  YamlNode referral = YamlNode::mapping();
  referral.set("id", YamlNode::scalar(id));
  put(referral, "to", input.to);
  put_ids(referral, "needs", input.needs);
  put_date(referral, "consent", input.consent, "consent");
  put_date(referral, "date", input.date, "date");
  put(referral, "release", input.release);
  put(referral, "shares", input.shares);
  put(referral, "outcome", input.outcome);
  edit.plan().append({"referrals"}, referral);
  return id;
}

namespace {

// The document a release points at is the release the client signed.
void require_release_document(const Client& client, const std::string& id) {
  std::vector<std::string> ids;
  for (const auto& doc : client.documents) ids.push_back(doc.id);
  require_ids({id}, ids, "document");
  for (const auto& doc : client.documents)
    if (doc.id == id && doc.kind != "release")
      throw Error(fmt::format("document {} is a {}, not a release", id, doc.kind),
                  "attach the signed release with `casekit attach CLIENT FILE --kind release`");
}

}  // namespace

void add_consent(ClientEdit& edit, const ConsentInput& input) {
  if (input.partner.empty())
    throw Error("a release of information needs a partner",
                "add " + input_field("partner") + " NAME");
  YamlNode consent = YamlNode::mapping();
  put(consent, "partner", input.partner);
  put_texts(consent, "scope", input.scope);
  put_date(consent, "signed", input.signed_on, "signed");
  put_date(consent, "expires", input.expires, "expires");
  put_ids(consent, "shares", unique(input.shares));
  if (!input.document.empty()) {
    require_release_document(edit.record().client, input.document);
    consent.set("document", YamlNode::scalar(input.document));
  }
  edit.client().append({"consents"}, consent);
}

void revoke_consent(ClientEdit& edit, const std::string& partner, const std::string& date) {
  const YamlNode* consents = edit.client().tree().find("consents");
  std::vector<std::string> partners;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; consents && i < consents->items.size(); ++i) {
    const YamlNode* p = consents->items[i].find("partner");
    if (!p) continue;
    partners.push_back(p->value);
    if (p->value == partner) found = i;  // the latest consent to that partner
  }
  // Partner names can tell about a client's health or legal matters, so
  // the refusal does not list them.
  if (!found)
    throw Error(
        "no release of information for that partner is recorded",
        fmt::format("the client has {} release{}; write the partner's name as client.yaml has it",
                    partners.size(), partners.size() == 1 ? "" : "s"));
  const YamlNode& consent = consents->items[*found];
  if (!consent.text_at("revoked").empty())
    throw Error(fmt::format("this release of information was revoked on {} already",
                            consent.text_at("revoked")),
                "nothing was changed");
  edit.client().set({"consents", *found, "revoked"}, YamlNode::scalar(require_date(date, "date")));
}

}  // namespace casekit
