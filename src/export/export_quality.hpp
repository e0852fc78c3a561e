// Quality over time on the caseload page (views/quality.hpp): per case
// manager a table by month and two charts, notes written on time and the
// items met in coaching reviews, each from 0 to 100%.
#pragma once

#include <string>
#include <vector>

#include "views/quality.hpp"

namespace casekit {

// The page's section; empty when no client has a coaching review.
std::string quality_html(const std::vector<CaseManagerQuality>& quality);

}  // namespace casekit
