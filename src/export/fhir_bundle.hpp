// The FHIR Bundle a client's export is made into, and the small
// concepts every resource uses; export_fhir.cpp and fhir_plan.cpp add the
// resources.
#pragma once

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "export/export.hpp"
#include "export/fhir_codes.hpp"

namespace casekit::fhir {

using Json = nlohmann::ordered_json;

// The entries of one client's transaction Bundle, and the ids and
// references every resource in it uses.
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

// A CodeableConcept of one code of `system`.
Json coding(const char* system, const std::string& code);
// A CodeableConcept of words alone.
Json text_concept(const std::string& text);
// A code and the words the record used, which stay as the concept's text.
Json coded_concept(const char* system, const std::string& code, const std::string& display,
                   const std::string& text);
// A FHIR Period with whichever ends are known.
Json period(const std::optional<Date>& start, const std::optional<Date>& end);

}  // namespace casekit::fhir
