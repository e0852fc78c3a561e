#include "base/embedded.hpp"

#include <cassert>
#include <utility>
#include <vector>

namespace casekit {

// Defined in the generated embedded_data.cpp.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();

std::string_view embedded_file(std::string_view name) {
  for (const auto& [file, text] : embedded_files())
    if (file == name) return text;
  assert(false && "data file not embedded");
  return {};
}

std::vector<std::string_view> embedded_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : embedded_files()) names.push_back(entry.first);
  return names;
}

}  // namespace casekit
