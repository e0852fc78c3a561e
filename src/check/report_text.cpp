#include <fmt/format.h>

#include <vector>

#include "base/printable.hpp"
#include "base/wrap.hpp"
#include "check/report.hpp"

namespace casekit {
namespace {

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::error:
      return "\033[1;31m";
    case Severity::warning:
      return "\033[1;33m";
    case Severity::info:
      return "\033[1;36m";
  }
  return "";
}

std::string source_line(const std::map<std::string, std::string>& sources, const Location& at) {
  auto it = sources.find(at.file);
  if (it == sources.end() || at.line <= 0) return {};
  const std::string& text = it->second;
  std::size_t start = 0;
  for (int line = 1; line < at.line && start != std::string::npos; ++line) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos || start >= text.size()) return {};
  std::string line = text.substr(start, text.find('\n', start) - start);
  std::string caret(static_cast<std::size_t>(std::max(at.column - 1, 0)), ' ');
  for (std::size_t i = 0; i < caret.size() && i < line.size(); ++i)
    if (line[i] == '\t') caret[i] = '\t';
  // A file may hold bidirectional overrides as they are (valid UTF-8).
  return fmt::format("  {}\n  {}^\n", printable(line, "\t"), caret);
}

// A finding for a person at a terminal: the head wrapped under a hanging
// indent, the hint on a line of its own.
std::string wrapped(const Diagnostic& d, const TextStyle& style) {
  std::string prefix = fmt::format("{}: {}:", to_string(d.location), to_string(d.severity));
  std::string head = printable(fmt::format("{} {} [{}]", prefix, d.message, d.rule));
  std::vector<std::string> lines = wrap_words(head, style.width, 4);
  if (!d.hint.empty())
    for (auto& line : wrap_words(printable("hint: " + d.hint), style.width - 4, 6))
      lines.push_back("    " + line);
  if (style.colour && lines[0].rfind(prefix, 0) == 0)
    lines[0].replace(0, prefix.size(),
                     fmt::format("\033[1m{}:\033[0m {}{}:\033[0m", to_string(d.location),
                                 colour_of(d.severity), to_string(d.severity)));
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

void render_one(std::string& out, const std::map<std::string, std::string>& sources,
                const Diagnostic& d, const TextStyle& style) {
  if (style.width > 0) {
    out += wrapped(d, style);
  } else if (!style.colour) {
    out += format_diagnostic(d) + "\n";
  } else {
    out += fmt::format("\033[1m{}:\033[0m {}{}:\033[0m {}", to_string(d.location),
                       colour_of(d.severity), to_string(d.severity), d.message);
    if (!d.hint.empty()) out += fmt::format(" ({})", d.hint);
    out += fmt::format(" \033[2m[{}]\033[0m\n", d.rule);
  }
  if (style.source_lines) out += source_line(sources, d.location);
}

}  // namespace

std::string render_text(const ClientReport& client, const TextStyle& style) {
  std::string out;
  for (const auto& d : client.findings) render_one(out, client.sources, d, style);
  return out;
}

namespace {

class TextWriter : public ReportWriter {
 public:
  explicit TextWriter(const TextStyle& style) : style_(style) {}
  std::string client(const ClientReport& report) override { return render_text(report, style_); }
  // The counts go to standard error (casekit-check(1)).
  std::string end(const ReportTotals&) override { return {}; }

 private:
  TextStyle style_;
};

}  // namespace

std::unique_ptr<ReportWriter> text_writer(const ReportOptions& options) {
  return std::make_unique<TextWriter>(options.style);
}

}  // namespace casekit
