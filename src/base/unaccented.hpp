// Text compared the way a person reads it in a hurry: in lower case, with
// the accents of Latin letters taken off (María: maria), so the speller
// knows a name however it was typed and search finds José as jose.
#pragma once

#include <string>
#include <string_view>

namespace casekit {

// The text in lower case, with Latin letters' accents taken off (María:
// maria), as a name is written in a note in a hurry. Each letter from
// U+00C0 to U+017F becomes one ASCII letter; other bytes are kept.
std::string unaccented_lower(std::string_view text);

}  // namespace casekit
