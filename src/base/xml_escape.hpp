// Text for XML and HTML documents: check's JUnit report, export's pages.
#pragma once

#include <string>
#include <string_view>

namespace casekit {

// Text for XML and HTML: & < > escaped; in attributes quotes and line ends
// too. Control characters XML cannot carry become '?'.
std::string xml_escape(std::string_view text, bool attribute);

}  // namespace casekit
