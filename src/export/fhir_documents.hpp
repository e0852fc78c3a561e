// A client's documents (casekit attach) as FHIR R4 DocumentReferences:
// what each is, when it was signed, and where the file is kept, without
// its bytes (a scan stays in the case folder).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "record/model.hpp"

namespace casekit {

// `id` is the resource's id, `patient` the reference to the client.
nlohmann::ordered_json document_reference(const ClientDocument& document, const std::string& id,
                                          const nlohmann::ordered_json& patient);

}  // namespace casekit
