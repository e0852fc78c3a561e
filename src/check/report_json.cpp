// --format json: the stable schema casekit-check(1) documents
// ("casekit-check/1"). Fields are only ever added, never changed.
#include <optional>

#include "check/json_text.hpp"
#include "check/report.hpp"

namespace casekit {

namespace {

constexpr const char* kClientsGoHere = "casekit: the clients go here";

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

Json summary_json(const ReportTotals& totals) {
  return {{"errors", totals.errors},
          {"warnings", totals.warnings},
          {"infos", totals.infos},
          {"clients", totals.clients}};
}

// The summary comes last: its counts are known once every client is.
Json document(const std::string& as_of, Json folder, const ReportTotals& totals) {
  return {{"schema", "casekit-check/1"},
          {"as_of", as_of},
          {"folder", std::move(folder)},
          {"clients", Json::array({kClientsGoHere})},
          {"summary", summary_json(totals)}};
}

class JsonWriter : public ReportWriter {
 public:
  explicit JsonWriter(std::string as_of) : as_of_(std::move(as_of)) {}
  // The folder's own findings (an empty id) come first, and with them the
  // document's head.
  std::string client(const ClientReport& report) override {
    if (report.id.empty() && !cut_) return make_cut(findings_json(report.findings)).head();
    std::string out = cut_ ? "" : make_cut(Json::array()).head();
    Json client = {{"id", report.id}, {"findings", findings_json(report.findings)}};
    return out + cut_->element(client, clients_++ == 0);
  }
  std::string end(const ReportTotals& totals) override {
    std::string out = cut_ ? "" : make_cut(Json::array()).head();
    return out +
           JsonListCut(document(as_of_, Json::array(), totals), kClientsGoHere).tail(clients_) +
           "\n";
  }

 private:
  const JsonListCut& make_cut(Json folder) {
    cut_.emplace(document(as_of_, std::move(folder), {}), kClientsGoHere);
    return *cut_;
  }
  std::string as_of_;
  std::optional<JsonListCut> cut_;
  std::size_t clients_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer(const ReportOptions& options) {
  return std::make_unique<JsonWriter>(options.as_of);
}

}  // namespace casekit
