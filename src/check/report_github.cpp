// --format github: GitHub Actions workflow commands, one line a finding,
// which the runner turns into annotations on the changed record files.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string_view>
#include <vector>

#include "check/report.hpp"

namespace casekit {
namespace {

// GitHub has "notice" where casekit has "info".
const char* command_of(Severity s) {
  // clang-format off
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  // clang-format on
  return "warning";
}

// The runner ends a command at a line end, splits the properties at ','
// and their names from values at ':' (and the properties from the message
// at "::"), so those are percent-encoded as GitHub's own toolkit does; '%'
// too, so a literal "%0A" in a message stays literal.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    // clang-format off
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
    // clang-format on
  }
  return out;
}

// Line and column 0 mean "not known": leaving them out annotates the file.
std::string properties(const Diagnostic& d) {
  std::vector<std::string> parts;
  if (!d.location.file.empty()) parts.push_back("file=" + escape(d.location.file, true));
  if (d.location.line > 0) parts.push_back(fmt::format("line={}", d.location.line));
  if (d.location.line > 0 && d.location.column > 0)
    parts.push_back(fmt::format("col={}", d.location.column));
  if (!d.rule.empty()) parts.push_back("title=" + escape(d.rule, true));
  return fmt::format("{}", fmt::join(parts, ","));
}

std::string annotation(const Diagnostic& d) {
  std::string text = d.hint.empty() ? d.message : fmt::format("{} ({})", d.message, d.hint);
  std::string props = properties(d);
  return fmt::format("::{}{}{}::{}\n", command_of(d.severity), props.empty() ? "" : " ", props,
                     escape(text, false));
}

class GithubWriter : public ReportWriter {
 public:
  std::string client(const ClientReport& report) override {
    std::string out;
    for (const auto& d : report.findings) out += annotation(d);
    return out;
  }
  std::string end(const ReportTotals&) override { return {}; }
};

}  // namespace

std::unique_ptr<ReportWriter> github_writer(const ReportOptions&) {
  return std::make_unique<GithubWriter>();
}

}  // namespace casekit
