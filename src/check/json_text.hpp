// JSON documents of check's reports, written through nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace casekit {

// Ordered: keys appear in the order the format documents them.
using Json = nlohmann::ordered_json;

// The document's text, indented by two; a byte that is not UTF-8 becomes
// U+FFFD, and DEL, C1 controls and bidirectional overrides, valid JSON as
// they are, are written as \u escapes: a reader's terminal would obey them.
std::string json_text(const Json& document, int indent = 2);

}  // namespace casekit
