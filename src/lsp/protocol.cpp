#include "lsp/protocol.hpp"

#include "words/rewordings.hpp"

namespace casekit::lsp {

Json to_json(const Position& position) {
  return {{"line", position.line}, {"character", position.character}};
}

Json to_json(const Range& range) {
  return {{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

Position position_of(const Json& position) {
  return {position.value("line", 0), position.value("character", 0)};
}

Range range_of(const Json& range) {
  if (!range.is_object()) return {};
  return {position_of(range.value("start", Json::object())),
          position_of(range.value("end", Json::object()))};
}

std::string rule_uri(const std::string& rule) {
  return "man:casekit-check(1)#" + rule;
}

bool column_in_bytes(const Diagnostic& finding) {
  return finding.rule.rfind("language/", 0) == 0;
}

Range range_of(const Diagnostic& finding, std::string_view text) {
  std::size_t length = 0;
  bool bytes = column_in_bytes(finding);
  if (finding.location.line > 0 && bytes) {
    std::string_view line = line_of(text, finding.location.line - 1);
    std::size_t at = byte_of_column(line, finding.location.column, true);
    if (const Rewording* r = rewording_at(finding.rule, line.substr(at))) length = r->phrase.size();
  }
  return finding_range(text, finding.location, length, bytes);
}

Json to_json(const Diagnostic& finding, const FileFindings& file, bool related_information) {
  Range range = range_of(finding, file.text);
  int severity = finding.severity == Severity::error     ? 1
                 : finding.severity == Severity::warning ? 2
                                                         : 3;
  Json out = {{"range", to_json(range)}, {"severity", severity},
              {"code", finding.rule},    {"codeDescription", {{"href", rule_uri(finding.rule)}}},
              {"source", "casekit"},     {"message", finding.message}};
  if (!finding.hint.empty() && related_information)
    out["relatedInformation"] =
        Json::array({{{"location", {{"uri", file.uri}, {"range", to_json(range)}}},
                      {"message", finding.hint}}});
  else if (!finding.hint.empty())
    out["message"] = finding.message + ": " + finding.hint;
  return out;
}

Json publication(const FileFindings& file, bool related_information) {
  Json diagnostics = Json::array();
  for (const auto& finding : file.findings)
    diagnostics.push_back(to_json(finding, file, related_information));
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", file.uri}, {"diagnostics", diagnostics}}}};
}

}  // namespace casekit::lsp
