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
#include "export/fhir_bundle.hpp"
#include "export/fhir_codes.hpp"
#include "export/fhir_documents.hpp"
#include "export/fhir_episodes.hpp"
#include "export/fhir_plan.hpp"

namespace casekit {
namespace {

using namespace fhir;  // NOLINT: the bundle and its concepts (fhir_bundle.hpp)

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
  if (record.plan) add_plan(b, *record.plan);
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
