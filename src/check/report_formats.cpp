// The table of check's output formats: `--format`'s choices, its help and
// the man page test all come from it.
#include <algorithm>
#include <array>

#include "check/report.hpp"

namespace casekit {
namespace {

// The first row is the default.
constexpr std::array<CheckFormat, 6> kFormats = {{
    {"text", text_writer, true},
    {"json", json_writer},
    {"sarif", sarif_writer},
    {"junit", junit_writer},
    {"github", github_writer},
    {"checklist", checklist_writer, false, true, true},
}};

}  // namespace

std::span<const CheckFormat> check_formats() {
  return kFormats;
}

const CheckFormat* find_check_format(std::string_view name) {
  auto found = std::find_if(kFormats.begin(), kFormats.end(),
                            [&](const CheckFormat& f) { return f.name == name; });
  return found == kFormats.end() ? nullptr : &*found;
}

std::string render_report(const CheckFormat& format, const CheckResult& result,
                          const ReportOptions& options) {
  std::unique_ptr<ReportWriter> writer = format.writer(options);
  ClientReport folder{"", result.folder_findings};
  folder.sources = result.sources;
  std::string out = writer->client(folder);
  for (const auto& client : result.clients) out += writer->client(client);
  std::size_t errors = result.count(Severity::error);
  std::size_t warnings = result.count(Severity::warning) - errors;
  std::size_t infos = result.count(Severity::info) - errors - warnings;
  return out + writer->end({errors, warnings, infos, result.clients.size()});
}

}  // namespace casekit
