// The policy data files of src/data, compiled into the binary so that it
// works wherever it is copied (CMakeLists.txt writes embedded_data.cpp).
#pragma once

#include <string_view>
#include <vector>

namespace casekit {

// The text of a data file compiled into the binary (src/data/NAME).
std::string_view embedded_file(std::string_view name);
// The names of the data files compiled in, in the order of src/data.
std::vector<std::string_view> embedded_names();

}  // namespace casekit
