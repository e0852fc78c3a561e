// Record text on an HTML page: escaped, with each date (2026-10-19) in a
// span of class "nb" that the page's CSS keeps on one line, since a date
// broken at its hyphen reads as two numbers on paper. The client's page
// and the caseload page both print it this way.
#pragma once

#include <string>

namespace casekit {

std::string html_text(const std::string& raw);

}  // namespace casekit
