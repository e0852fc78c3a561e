#include "findings/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "base/printable.hpp"

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

FindingCounts count_findings(const std::vector<Diagnostic>& diagnostics) {
  FindingCounts counts;
  for (const auto& d : diagnostics) {
    counts.errors += d.severity == Severity::error ? 1 : 0;
    counts.warnings += d.severity == Severity::warning ? 1 : 0;
  }
  return counts;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

bool showable(const std::string& value) {
  return !value.empty() && value.size() <= 24 && value.find_first_of(" \n\t") == std::string::npos;
}

void make_printable(std::vector<Diagnostic>& diagnostics) {
  for (auto& d : diagnostics) {
    d.location.file = printable(d.location.file);
    d.message = printable(d.message);
    d.hint = printable(d.hint);
  }
}

}  // namespace casekit
