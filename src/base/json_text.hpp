// The one way casekit writes JSON: a document built with nlohmann::json,
// printed the same way by every format (export's JSON and FHIR, due's JSON).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace casekit {

// The document indented by two spaces, with a final newline. Characters a
// terminal would obey (DEL, C1 controls, bidirectional overrides) are
// written as \u escapes, which JSON readers decode as they were; a byte
// that is not UTF-8 becomes U+FFFD.
std::string json_text(const nlohmann::ordered_json& document);

}  // namespace casekit
