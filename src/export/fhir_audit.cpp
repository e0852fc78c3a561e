#include "export/fhir_audit.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casekit {
namespace {

using Json = nlohmann::ordered_json;

Json coding(const char* system, const char* code, const char* display) {
  return {{"system", system}, {"code", code}, {"display", display}};
}

Json detail(const char* type, const std::string& value) {
  return {{"type", type}, {"valueString", value}};
}

// FHIR's instant needs seconds and a zone; casekit records UTC minutes.
std::string recorded(const Disclosure& d) {
  return fmt::format("{}T{}:00Z", d.date, d.time.empty() ? "00:00" : d.time);
}

Json agents(const Disclosure& d) {
  constexpr const char* dcm = "http://dicom.nema.org/resources/ontology/DCM";
  Json sender = {{"type", {{"coding", {coding(dcm, "110153", "Source Role ID")}}}},
                 {"who", {{"display", d.by}}},
                 {"requestor", true}};
  Json receiver = {{"type", {{"coding", {coding(dcm, "110152", "Destination Role ID")}}}},
                   {"who", {{"display", d.partner}}},
                   {"requestor", false}};
  return Json::array({sender, receiver});
}

Json entities(const Disclosure& d, const Json& patient, const Json& consent) {
  constexpr const char* types = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  Json client = {{"what", patient}, {"type", coding(types, "1", "Person")}};
  Json release = {
      {"type", coding(types, "2", "System Object")},
      {"description",
       fmt::format("Release of information signed {} with {}", d.release_signed, d.partner)},
      {"detail",
       {detail("shares", fmt::format("{}", fmt::join(d.shares, ","))), detail("format", d.format),
        detail("output", d.output), detail("hash", d.hash)}}};
  if (!consent.is_null()) release["what"] = consent;
  return Json::array({client, release});
}

}  // namespace

Json audit_event(const Disclosure& d, const std::string& id, const Json& patient,
                 const Json& consent) {
  return {{"resourceType", "AuditEvent"},
          {"id", id},
          {"type", coding("http://dicom.nema.org/resources/ontology/DCM", "110106", "Export")},
          {"action", "R"},
          {"recorded", recorded(d)},
          {"outcome", "0"},
          {"outcomeDesc", "Sent under the release of information"},
          {"agent", agents(d)},
          {"source", {{"observer", {{"display", "casekit"}}}}},
          {"entity", entities(d, patient, consent)}};
}

}  // namespace casekit
