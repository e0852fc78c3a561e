#include "export/formats.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace casekit;

namespace {

ClientRecord record_of(const std::string& id) {
  ClientRecord r;
  r.client.id = id;
  r.client.name = "Ana Lopez";
  r.client.status = "active";
  return r;
}

std::vector<std::string> names_of(const std::vector<ExportFile>& documents) {
  std::vector<std::string> names;
  for (const auto& d : documents) names.push_back(d.name);
  return names;
}

}  // namespace

TEST_CASE("export formats: each row is whole, with the renderer its documents need") {
  std::set<std::string_view> names;
  for (const ExportFormat& format : export_formats()) {
    CAPTURE(format.name);
    CHECK(names.insert(format.name).second);
    CHECK(!format.summary.empty());
    CHECK(format.extension.starts_with("."));
    bool per_client = format.documents == Documents::one_per_client;
    CHECK((format.render_client != nullptr) == per_client);
    CHECK((format.render_caseload != nullptr) == !per_client);
    // Several documents are printed with a separator or refused with a reason.
    if (format.documents != Documents::one)
      CHECK(format.separator.empty() != format.why_a_folder.empty());
    CHECK(&export_format(format.name) == &format);
  }
  CHECK(names.size() >= 5);
}

TEST_CASE("export formats: every document is named with its row's extension") {
  std::vector<ClientRecord> records = {record_of("ana-lopez"), record_of("ben-ode")};
  CHECK(names_of(render_export(records, export_format("markdown"))) ==
        std::vector<std::string>{"ana-lopez.md", "ben-ode.md"});
  CHECK(names_of(render_export(records, export_format("fhir"))) ==
        std::vector<std::string>{"ana-lopez.fhir.json", "ben-ode.fhir.json"});
  CHECK(names_of(render_export(records, export_format("json"))) ==
        std::vector<std::string>{"caseload.json"});
  CHECK(names_of(render_export(records, export_format("csv"))) ==
        std::vector<std::string>{"clients.csv", "needs.csv", "goals.csv", "services.csv",
                                 "referrals.csv", "notes.csv"});
  for (const ExportFormat& format : export_formats())
    for (const auto& document : render_export(records, format)) {
      CAPTURE(document.name);
      CHECK(document.name.ends_with(format.extension));
      CHECK(!document.text.empty());
    }
}

TEST_CASE("export formats: one document for the caseload, or for one named client") {
  CHECK(one_document(export_format("json"), 0));
  CHECK(one_document(export_format("json"), 3));
  CHECK_FALSE(one_document(export_format("csv"), 1));
  CHECK(one_document(export_format("html"), 1));
  CHECK_FALSE(one_document(export_format("html"), 2));
  // --all names no client: a folder, however many clients there are.
  CHECK_FALSE(one_document(export_format("markdown"), 0));
}
