// A field a case worker filled in to fill in later ("TBD", "n/a") records
// as little as an empty one: rules that ask for a text read both as
// missing. The placeholders are in src/data/words.yaml.
#pragma once

#include <string_view>

namespace casekit {

// Whether the text is blank or only a placeholder, in any case and with
// or without a final period: "TBD", "N/A.", "to be determined".
bool records_nothing(std::string_view text);

}  // namespace casekit
