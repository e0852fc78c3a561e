// The table of check's output formats: `--format`'s choices, its help and
// the man page test all come from it.
#include <algorithm>
#include <array>

#include "check/report.hpp"

namespace casekit {
namespace {

std::string text(const CheckResult& result, const ReportOptions& o) {
  return render_text(result, o.style);
}
std::string text_client(const ClientReport& client, const ReportOptions& o) {
  return render_text(client, o.style);
}
std::string json(const CheckResult& result, const ReportOptions& o) {
  return render_json(result, o.as_of);
}
std::string sarif(const CheckResult& result, const ReportOptions&) {
  return render_sarif(result);
}
std::string junit(const CheckResult& result, const ReportOptions&) {
  return render_junit(result);
}
std::string github(const CheckResult& result, const ReportOptions&) {
  return render_github(result);
}
std::string checklist(const CheckResult& result, const ReportOptions& o) {
  return render_checklist(result, o.as_of);
}

// The first row is the default.
constexpr std::array<CheckFormat, 6> kFormats = {{
    {"text", text, text_client},
    {"json", json},
    {"sarif", sarif},
    {"junit", junit},
    {"github", github},
    {"checklist", checklist, nullptr, true},
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

}  // namespace casekit
