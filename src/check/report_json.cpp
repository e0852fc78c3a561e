// --format json: the stable schema casekit-check(1) documents
// ("casekit-check/1"). Fields are only ever added, never changed.
#include "check/json_text.hpp"
#include "check/report.hpp"

namespace casekit {

namespace {

Json finding_json(const Diagnostic& d) {
  return {{"file", d.location.file},
          {"line", d.location.line},
          {"column", d.location.column},
          {"severity", to_string(d.severity)},
          {"rule", d.rule},
          {"message", d.message},
          {"hint", d.hint}};
}

Json findings_json(const std::vector<Diagnostic>& findings) {
  Json out = Json::array();
  for (const auto& d : findings) out.push_back(finding_json(d));
  return out;
}

}  // namespace

std::string render_json(const CheckResult& result, const std::string& as_of) {
  std::size_t errors = result.count(Severity::error);
  std::size_t warnings = result.count(Severity::warning) - errors;
  std::size_t infos = result.count(Severity::info) - errors - warnings;
  Json clients = Json::array();
  for (const auto& client : result.clients)
    clients.push_back({{"id", client.id}, {"findings", findings_json(client.findings)}});
  Json document = {{"schema", "casekit-check/1"},
                   {"as_of", as_of},
                   {"summary",
                    {{"errors", errors},
                     {"warnings", warnings},
                     {"infos", infos},
                     {"clients", result.clients.size()}}},
                   {"folder", findings_json(result.folder_findings)},
                   {"clients", std::move(clients)}};
  return json_text(document) + "\n";
}

}  // namespace casekit
