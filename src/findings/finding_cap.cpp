#include "findings/finding_cap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace casekit {

void cap_per_file(std::vector<Diagnostic>& diagnostics) {
  std::unordered_map<std::string, std::size_t> seen;
  // By file and rule: where the summary of the findings not shown stands
  // (in the place of the first of them), and how many there are.
  std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> hidden;
  std::vector<Diagnostic> kept;
  for (auto& d : diagnostics) {
    if (++seen[d.location.file] <= kMaxFindingsPerFile) {
      kept.push_back(std::move(d));
      continue;
    }
    auto [it, first] = hidden.try_emplace({d.location.file, d.rule}, kept.size(), 0);
    if (first) kept.push_back(d);
    Diagnostic& summary = kept[it->second.first];
    summary.severity = std::max(summary.severity, d.severity);
    ++it->second.second;
  }
  for (const auto& [key, place] : hidden) {
    auto [index, count] = place;
    kept[index].message = fmt::format(
        "{} more {} of this rule in this file not listed (casekit lists the first {} findings of "
        "a file)",
        count, count == 1 ? "finding" : "findings", kMaxFindingsPerFile);
    kept[index].hint = "fix the findings listed and check again";
  }
  diagnostics = std::move(kept);
}

}  // namespace casekit
