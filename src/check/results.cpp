#include "check/results.hpp"

#include <algorithm>

namespace casekit {

std::size_t CheckResult::count(Severity at_least) const {
  std::size_t n = 0;
  for (int s = static_cast<int>(at_least); s <= static_cast<int>(Severity::error); ++s)
    n += streamed[static_cast<std::size_t>(2 - s)];
  auto tally = [&](const std::vector<Diagnostic>& list) {
    n += static_cast<std::size_t>(std::count_if(
        list.begin(), list.end(), [&](const Diagnostic& d) { return d.severity >= at_least; }));
  };
  tally(folder_findings);
  for (const auto& c : clients) tally(c.findings);
  return n;
}

}  // namespace casekit
