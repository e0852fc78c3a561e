// The one way casekit writes JSON: a document built with nlohmann::json,
// printed the same way by every format (export's JSON and FHIR, due's JSON).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace casekit {

// The document's text, indented by `indent` (-1: on one line); a byte that
// is not UTF-8 becomes U+FFFD, and DEL, C1 controls and bidirectional
// overrides, valid JSON as they are, are written as \u escapes: a reader's
// terminal would obey them.
std::string json_text(const nlohmann::ordered_json& document, int indent = 2);

}  // namespace casekit
