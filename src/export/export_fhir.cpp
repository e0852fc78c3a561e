// An HL7 FHIR R4 transaction Bundle per client. Each resource is PUT with
// an id made from the client id and the item id, so sending the export
// again updates the same resources instead of adding copies. Every entry
// has a urn:uuid fullUrl made from the same names, and references inside
// the Bundle use it, as a transaction wants (the server rewrites them to
// the ids it PUTs).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cctype>

#include "base/json_text.hpp"
#include "export/export.hpp"
#include "export/fhir_audit.hpp"
#include "export/fhir_codes.hpp"
#include "export/fhir_documents.hpp"
#include "export/fhir_episodes.hpp"

namespace casekit {
namespace {

using Json = nlohmann::ordered_json;

struct BundleBuilder {
  const ClientRecord& record;
  const RenderOptions& options;
  Json entries = Json::array();

  // Characters FHIR ids do not allow become '-'; a long id is shortened
  // to a stable hash of itself rather than cut (cut ids could collide).
  std::string id_of(const std::string& item) const {
    std::string id = record.client.id + "-" + item;
    for (auto& c : id)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '-';
    if (id.size() <= 64) return id;
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
    for (char c : record.client.id + "-" + item)
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return fmt::format("{:016x}", hash);
  }
  // The program's identifier system is part of the name, so two programs
  // exporting a client with the same id give different fullUrls.
  std::string full_url(std::string_view type, const std::string& id) const {
    return stable_uuid(fmt::format("{}|{}/{}", options.identifier_system, type, id));
  }
  Json patient_ref() const {
    return {{"reference", full_url("Patient", record.client.id)}, {"type", "Patient"}};
  }
  Json ref(const char* type, const std::string& item) const {
    return {{"reference", full_url(type, id_of(item))}, {"type", type}};
  }
  Json refs(const char* type, const Strings& items) const {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(ref(type, item));
    return out;
  }

  void add(Json resource) {
    std::string type = resource["resourceType"].get<std::string>();
    std::string id = resource["id"].get<std::string>();
    entries.push_back({{"fullUrl", full_url(type, id)},
                       {"resource", std::move(resource)},
                       {"request", {{"method", "PUT"}, {"url", type + "/" + id}}}});
  }
};

Json coding(const char* system, const std::string& code) {
  return {{"coding", {{{"system", system}, {"code", code}}}}};
}
Json text_concept(const std::string& text) {
  return {{"text", text}};
}
// A code and the words the record used, which stay as the concept's text.
Json coded_concept(const char* system, const std::string& code, const std::string& display,
                   const std::string& text) {
  Json coding = {{"system", system}, {"code", code}};
  if (!display.empty()) coding["display"] = display;
  return {{"coding", {coding}}, {"text", text}};
}
// A FHIR Period with whichever ends are known.
Json period(const std::optional<Date>& start, const std::optional<Date>& end) {
  Json out = Json::object();
  if (start) out["start"] = start->str();
  if (end) out["end"] = end->str();
  return out;
}

void add_patient(BundleBuilder& b) {
  const Client& c = b.record.client;
  Json p = {{"resourceType", "Patient"},
            {"id", c.id},
            {"active", c.status == "active"},
            {"identifier", {{{"system", b.options.identifier_system}, {"value", c.id}}}},
            {"name", {{{"text", c.name}}}}};
  if (!c.preferred_name.empty())
    p["name"].push_back({{"use", "usual"}, {"text", c.preferred_name}});
  Json telecom = Json::array();
  if (!c.phone.empty()) telecom.push_back({{"system", "phone"}, {"value", c.phone}});
  if (!c.email.empty()) telecom.push_back({{"system", "email"}, {"value", c.email}});
  if (!telecom.empty()) p["telecom"] = telecom;
  if (c.date_of_birth) p["birthDate"] = c.date_of_birth->str();
  if (!c.address.empty()) p["address"] = {{{"text", c.address}}};
  if (!c.language.empty()) {
    auto tag = language_tag(c.language);
    Json language =
        tag ? coded_concept("urn:ietf:bcp:47", *tag, "", c.language) : text_concept(c.language);
    p["communication"] = {{{"language", language}, {"preferred", true}}};
  }
  b.add(p);
}

// A need's domain as the Gravity Project's SDOH category where one fits.
Json need_category(const std::string& domain) {
  std::string text = domain.empty() ? "social need" : domain + " need";
  if (auto code = sdoh_category(domain))
    return coded_concept(
        "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
        code->code, code->display, text);
  return text_concept(text);
}

void add_conditions(BundleBuilder& b) {
  for (const auto& n : b.record.client.assessment.needs) {
    Json c = {{"resourceType", "Condition"},
              {"id", b.id_of(n.id)},
              {"clinicalStatus", coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                                        n.status == "met" ? "resolved" : "active")},
              {"category", {need_category(n.domain)}},
              {"code", text_concept(n.description)},
              {"subject", b.patient_ref()}};
    if (n.identified) c["recordedDate"] = n.identified->str();
    if (n.met_on) c["abatementDateTime"] = n.met_on->str();
    b.add(c);
  }
}

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
    if (Json target = goal_target(g); !target.empty()) goal["target"] = {target};
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

void add_consents(BundleBuilder& b) {
  int n = 0;
  for (const auto& consent : b.record.client.consents) {
    Json provision = {
        {"type", "permit"},
        {"actor",
         {{{"role", coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP")},
           {"reference", {{"display", consent.partner}}}}}}};
    if (consent.signed_on || consent.expires)
      provision["period"] = period(consent.signed_on, consent.expires);
    Json scope = Json::array();
    for (const auto& item : consent.scope) scope.push_back(text_concept(item));
    if (!scope.empty()) provision["code"] = scope;
    Json c = {
        {"resourceType", "Consent"},
        {"id", b.id_of(fmt::format("consent{}", ++n))},
        {"status", consent.revoked     ? "inactive"
                   : consent.signed_on ? "active"
                                       : "draft"},
        {"scope", coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy")},
        {"category", {coding("http://loinc.org", "59284-0")}},
        {"patient", b.patient_ref()},
        {"policyRule", text_concept("Release of information signed with the program")},
        {"provision", provision}};
    if (consent.signed_on) c["dateTime"] = consent.signed_on->str();
    b.add(c);
  }
}

std::string base64(std::string_view data) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < data.size(); i += 3) {
    std::uint32_t chunk = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) chunk |= static_cast<unsigned char>(data[i + 1]) << 8;
    if (i + 2 < data.size()) chunk |= static_cast<unsigned char>(data[i + 2]);
    for (std::size_t k = 0; k < 4; ++k)
      out += i + k <= data.size() ? digits[(chunk >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

std::string note_text(const Note& n) {
  std::string out = fmt::format("# Progress note, {} {} ({})\n\n", n.date.str(), n.time, n.contact);
  for (const auto& [label, text] :
       {std::pair{"Strengths", &n.strengths}, std::pair{"Objective", &n.objective},
        std::pair{"Assessment", &n.assessment}, std::pair{"Data", &n.data}})
    if (!text->empty()) out += fmt::format("**{}.** {}\n\n", label, *text);
  for (const auto& s : n.plan)
    out += fmt::format("- Next: {} (by {}{})\n", s.step, s.by ? s.by->str() : "no date",
                       s.who.empty() ? "" : ", " + s.who);
  return out;
}

void add_notes(BundleBuilder& b) {
  for (const auto& n : b.record.notes) {
    std::string stem = n.file_name.substr(0, n.file_name.rfind('.'));
    Json doc = {
        {"resourceType", "DocumentReference"},
        {"id", b.id_of("note-" + stem)},
        {"status", "current"},
        {"docStatus", "final"},
        {"type", coded_concept("http://loinc.org", "11506-3", "Progress note",
                               "Progress note (S.O.A.P.D.)")},
        {"subject", b.patient_ref()},
        {"description", fmt::format("{} contact on {} at {}", n.contact, n.date.str(), n.time)},
        {"content",
         {{{"attachment",
            {{"contentType", "text/markdown; charset=utf-8"},
             {"data", base64(note_text(n))},
             {"title", fmt::format("Progress note {} {}", n.date.str(), n.time)}}}}}},
        {"context", {{"period", {{"start", n.date.str()}}}}}};
    // The day the note was written, which may be after the contact it is
    // about (check's note/late): the attachment's creation.
    if (n.written) doc["content"][0]["attachment"]["creation"] = n.written->str();
    if (!n.author.empty()) doc["author"] = {{{"display", n.author}}};
    if (!n.goals.empty()) doc["context"]["related"] = b.refs("Goal", n.goals);
    b.add(doc);
  }
}

void add_documents(BundleBuilder& b) {
  for (const auto& document : b.record.client.documents)
    b.add(document_reference(document, b.id_of("document-" + document.id), b.patient_ref()));
}

// The release a disclosure went under: the Consent of that partner
// signed that day, in the numbering add_consents gives.
Json consent_ref(const BundleBuilder& b, const Disclosure& d) {
  const auto& consents = b.record.client.consents;
  for (std::size_t i = 0; i < consents.size(); ++i)
    if (consents[i].partner == d.partner && consents[i].signed_on &&
        consents[i].signed_on->str() == d.release_signed)
      return b.ref("Consent", fmt::format("consent{}", i + 1));
  return nullptr;
}

void add_disclosures(BundleBuilder& b) {
  int n = 0;
  for (const auto& d : b.record.disclosures)
    b.add(audit_event(d, b.id_of(fmt::format("disclosure{}", ++n)), b.patient_ref(),
                      consent_ref(b, d)));
}

}  // namespace

std::string export_fhir(const ClientRecord& record, const RenderOptions& options) {
  BundleBuilder b{record, options};
  add_patient(b);
  add_conditions(b);
  if (record.plan) {
    add_goals(b, *record.plan);
    add_requests(b, *record.plan);
    add_care_plan(b, *record.plan);
  }
  add_consents(b);
  add_notes(b);
  add_documents(b);
  add_disclosures(b);
  std::vector<Episode> episodes = record.client.all_episodes();
  for (std::size_t i = 0; i < episodes.size(); ++i)
    b.add(episode_of_care(record.client, episodes[i], b.id_of(fmt::format("episode-{}", i + 1)),
                          b.patient_ref()));
  Json bundle = {{"resourceType", "Bundle"},
                 {"id", record.client.id},
                 {"type", "transaction"},
                 {"entry", b.entries}};
  return json_text(bundle) + "\n";
}

}  // namespace casekit
