#include "casekit/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "finding_cap.hpp"

#include "casekit/printable.hpp"

namespace casekit {

std::string to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string text =
      fmt::format("{}: {}: {}", to_string(d.location), to_string(d.severity), d.message);
  if (!d.hint.empty()) text += fmt::format(" ({})", d.hint);
  if (!d.rule.empty()) text += fmt::format(" [{}]", d.rule);
  return printable(text);
}

std::string format_refusal(const Diagnostic& d) {
  std::string text =
      fmt::format("{}: {}: {}", to_string(d.severity), to_string(d.location), d.message);
  if (!d.hint.empty()) text += fmt::format(" ({})", d.hint);
  if (!d.rule.empty()) text += fmt::format(" [{}]", d.rule);
  return printable(text);
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.location.file, a.location.line, a.location.column) <
                            std::tie(b.location.file, b.location.line, b.location.column);
                   });
}

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

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

bool showable(const std::string& value) {
  return !value.empty() && value.size() <= 24 && value.find_first_of(" \n\t") == std::string::npos;
}

}  // namespace casekit
