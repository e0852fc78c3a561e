// export --all --for and --redact one client at a time (issue 18): the
// records FilteredClients makes, client by client, are the records
// load_records makes with the whole caseload in memory, and the hashes
// taken as the documents are written are those of the whole documents.
#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include "export/export_filtered.hpp"
#include "export/formats.hpp"
#include "export/sent_hashes.hpp"
#include "record/load_each.hpp"
#include "temp_folder.hpp"

using namespace casekit;

namespace {

const fs::path kCaseload = fs::path(CASEKIT_SOURCE_DIR) / "examples" / "caseload";

// Every record as the JSON export writes it, which carries every field.
std::string filtered_json(const CaseFolder& folder, const ExportFilter& filter,
                          std::vector<SentRelease>& releases) {
  FilteredClients clients(folder, filter);
  clients.survey(folder.client_ids());
  std::vector<ClientRecord> records;
  load_each(folder, clients.sent(), [&](const std::string&, LoadedRecord& loaded) {
    SentRelease release;
    records.push_back(*clients.filter(std::move(loaded), &release).record);
    releases.push_back(release);
  });
  return export_json(records);
}

}  // namespace

TEST_CASE("FilteredClients makes the records load_records makes, with --redact and --for") {
  CaseFolder folder(kCaseload, real_file_system());
  Date today = *Date::parse("2026-11-23");
  for (const std::string& partner : {std::string(), std::string("Project H.O.P.E.")}) {
    for (bool redact : {false, true}) {
      if (partner.empty() && !redact) continue;
      CAPTURE(partner);
      CAPTURE(redact);
      ExportFilter filter{redact, partner, today, true, std::nullopt};
      LoadedRecords whole = load_records(folder, folder.client_ids(), filter);
      std::vector<SentRelease> releases;
      CHECK(filtered_json(folder, filter, releases) == export_json(whole.records));
      REQUIRE(releases.size() == (partner.empty() ? whole.records.size() : whole.releases.size()));
      for (std::size_t i = 0; i < whole.releases.size(); ++i) {
        CHECK(releases[i].id == whole.releases[i].id);
        CHECK(releases[i].signed_on == whole.releases[i].signed_on);
        CHECK(releases[i].shares == whole.releases[i].shares);
      }
    }
  }
}

TEST_CASE("FilteredClients refuses as load_records does when nothing may be shared") {
  CaseFolder folder(kCaseload, real_file_system());
  ExportFilter filter{false, "Nobody Partners", *Date::parse("2026-11-23"), true, std::nullopt};
  FilteredClients clients(folder, filter);
  CHECK_THROWS_WITH_AS(clients.survey(folder.client_ids()),
                       doctest::Contains("nothing may be shared with 'Nobody Partners'"), Error);
}

TEST_CASE("the hashes taken while writing are those of the documents written whole") {
  struct Sink : ExportWriter {
    void write(const std::string&, std::string_view) override {}
    void close(const std::string&) override {}
  };
  Sink sink;
  HashingWriter pages(sink, export_format("markdown"));
  pages.write("a.md", "# A\n");
  pages.write("a.md", "text\n");
  pages.write("b.md", "# B\n");
  CHECK(pages.hashes(2) == document_hashes({{"a.md", "# A\ntext\n"}, {"b.md", "# B\n"}},
                                           export_format("markdown"), 2));
  HashingWriter json(sink, export_format("json"));
  json.write("caseload.json", "{\n");
  json.write("caseload.json", "}\n");
  CHECK(json.hashes(3) == document_hashes({{"caseload.json", "{\n}\n"}}, export_format("json"), 3));
  // The CSV stream writes its tables interleaved; the hash is of one
  // table after another.
  HashingWriter tables(sink, export_format("csv"));
  tables.write("a.csv", "head\n");
  tables.write("b.csv", "head\n");
  tables.write("a.csv", "row a\n");
  CHECK(tables.hashes(2) == document_hashes({{"a.csv", "head\nrow a\n"}, {"b.csv", "head\n"}},
                                            export_format("csv"), 2));
}

TEST_CASE("the caseload page puts each client's rows aside in the writer's scratch files") {
  // Counts what is put aside, and keeps it as the memory scratch does.
  struct Counted : ExportScratch {
    explicit Counted(std::size_t& total) : total_(total) {}
    void append(std::string_view data) override {
      text_ += data;
      total_ += data.size();
      size_ += data.size();
    }
    void read_back(const std::function<void(std::string_view)>& take) override { take(text_); }
    std::size_t& total_;
    std::string text_;
  };
  struct Page : ExportWriter {
    void write(const std::string&, std::string_view data) override { text += data; }
    void close(const std::string&) override {}
    std::unique_ptr<ExportScratch> scratch() override { return std::make_unique<Counted>(aside); }
    std::string text;
    std::size_t aside = 0;
  };
  CaseFolder folder(kCaseload, real_file_system());
  Page out;
  CaseloadPage page(folder.settings(), *Date::parse("2026-11-23"), true, out);
  std::size_t before = 0;
  load_each(folder, folder.client_ids(), [&](const std::string& id, LoadedRecord& loaded) {
    CAPTURE(id);
    page.add(*loaded.record, {});
    // Each client's row went aside at once: the page holds no rows.
    CHECK(out.aside > before);
    before = out.aside;
  });
  CHECK(out.text.empty());
  page.write("index.html", {}, 0);
  CHECK(out.text.find("<h2>Active clients</h2>") != std::string::npos);
  CHECK(out.text.size() > out.aside);
}

// The redaction learns the names in passes before the records are written:
// a record edited in between (a household member named while the export
// ran) would go out with a name it never learnt. It is refused instead.
TEST_CASE("FilteredClients refuses a record whose texts changed after the passes read it") {
  casekit::testing::TempFolder tmp;
  fs::copy(kCaseload, tmp.path(), fs::copy_options::recursive);
  CaseFolder folder(tmp.path(), real_file_system());
  for (const std::string& partner : {std::string(), std::string("Project H.O.P.E.")}) {
    CAPTURE(partner);
    ExportFilter filter{true, partner, *Date::parse("2026-11-23"), true, std::nullopt};
    FilteredClients clients(folder, filter);
    clients.survey(folder.client_ids());
    REQUIRE(!clients.sent().empty());
    const std::string id = clients.sent().front();
    CHECK_NOTHROW(clients.filter(load_record(folder, id)));
    fs::path plan = tmp.path() / "clients" / id / "plan.yaml";
    std::string before;
    {
      std::ifstream in(plan);
      before.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::ofstream(plan, std::ios::app) << "# Her cousin Rosalind Achebe drives her.\n";
    CHECK_THROWS_WITH_AS(clients.filter(load_record(folder, id)),
                         doctest::Contains("changed while it was exported"), Error);
    std::ofstream(plan, std::ios::trunc) << before;
  }
}
