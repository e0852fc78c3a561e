// JSON documents of check's reports: the one JSON writer (base/json_text.hpp)
// with the name check's reporters use for its document type.
#pragma once

#include <nlohmann/json.hpp>

#include "base/json_text.hpp"

namespace casekit {

// Ordered: keys appear in the order the format documents them.
using Json = nlohmann::ordered_json;

}  // namespace casekit
