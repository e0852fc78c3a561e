#include <fmt/format.h>

#include "base/printable.hpp"
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

void render_one(std::string& out, const std::map<std::string, std::string>& sources,
                const Diagnostic& d, const TextStyle& style) {
  if (!style.colour) {
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

std::string render_text(const CheckResult& result, const TextStyle& style) {
  std::string out;
  for (const auto& d : result.folder_findings) render_one(out, result.sources, d, style);
  for (const auto& client : result.clients) out += render_text(client, style);
  return out;
}

std::string render_text(const ClientReport& client, const TextStyle& style) {
  std::string out;
  for (const auto& d : client.findings) render_one(out, client.sources, d, style);
  return out;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  // DEL, C1 controls and bidirectional overrides are valid JSON as they
  // are, but a reader's terminal would obey them.
  return printable(out, {}, Escapes::json) + "\"";
}

std::string render_json(const CheckResult& result, const std::string& as_of) {
  auto finding = [](const Diagnostic& d) {
    return fmt::format(
        "{{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": \"{}\", \"rule\": {}, "
        "\"message\": {}, \"hint\": {}}}",
        json_string(d.location.file), d.location.line, d.location.column, to_string(d.severity),
        json_string(d.rule), json_string(d.message), json_string(d.hint));
  };
  std::string out = fmt::format(
      "{{\n  \"schema\": \"casekit-check/1\",\n  \"as_of\": \"{}\",\n  \"summary\": {{\"errors\": "
      "{}, \"warnings\": {}, \"infos\": {}, \"clients\": {}}},\n",
      as_of, result.count(Severity::error),
      result.count(Severity::warning) - result.count(Severity::error),
      result.count(Severity::info) - result.count(Severity::warning), result.clients.size());
  out += "  \"folder\": [";
  for (std::size_t i = 0; i < result.folder_findings.size(); ++i)
    out += (i ? ",\n    " : "\n    ") + finding(result.folder_findings[i]);
  out += result.folder_findings.empty() ? "],\n" : "\n  ],\n";
  out += "  \"clients\": [";
  for (std::size_t c = 0; c < result.clients.size(); ++c) {
    const auto& client = result.clients[c];
    out +=
        fmt::format("{}\n    {{\"id\": {}, \"findings\": [", c ? "," : "", json_string(client.id));
    for (std::size_t i = 0; i < client.findings.size(); ++i)
      out += (i ? ",\n      " : "\n      ") + finding(client.findings[i]);
    out += client.findings.empty() ? "]}" : "\n    ]}";
  }
  out += result.clients.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace casekit
