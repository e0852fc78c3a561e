#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "base/error.hpp"
#include "export/export.hpp"
#include "export/record_stream.hpp"
#include "temp_folder.hpp"

using namespace casekit;

namespace {

ClientRecord record_named(const std::string& name) {
  ClientRecord r;
  r.client.id = "ana-lopez";
  r.client.name = name;
  r.client.status = "active";
  return r;
}

std::string clients_table(const ClientRecord& r) {
  for (const auto& table : export_csv({r}))
    if (table.name == "clients") return table.text;
  return "";
}

std::string second_line(const std::string& text) {
  std::size_t start = text.find("\r\n") + 2;
  return text.substr(start, text.find("\r\n", start) - start);
}

}  // namespace

TEST_CASE("csv quotes commas, quotes and line breaks as RFC 4180 asks") {
  CHECK(second_line(clients_table(record_named("Lopez, Ana \"Annie\"")))
            .rfind("ana-lopez,\"Lopez, Ana \"\"Annie\"\"\",", 0) == 0);
  std::string broken = clients_table(record_named("Ana\nLopez"));
  CHECK(broken.find("\"Ana\nLopez\"") != std::string::npos);
}

TEST_CASE("csv defuses text a spreadsheet would run as a formula, not numbers") {
  CHECK(second_line(clients_table(record_named("=HYPERLINK(\"x\")")))
            .find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
  CHECK(second_line(clients_table(record_named("@SUM(A1)"))).find(",'@SUM(A1),") !=
        std::string::npos);
  ClientRecord r = record_named("Ana");
  r.plan = Plan{};
  ShortTermGoal g;
  g.id = "G1";
  g.statement = "Ana will reduce her debt.";
  g.measure = Measure{-300.0, 0.0, "dollars"};
  r.plan->short_term_goals.push_back(g);
  for (const auto& table : export_csv({r}))
    if (table.name == "goals") CHECK(table.text.find(",-300,0,dollars,") != std::string::npos);
}

TEST_CASE("csv tables have the documented columns, every row as many cells") {
  auto columns = csv_columns();
  REQUIRE(columns.size() == 6);
  auto tables = export_csv({record_named("Ana")});
  for (std::size_t i = 0; i < tables.size(); ++i) {
    CHECK(tables[i].name == columns[i].first);
    CHECK(tables[i].text.rfind(columns[i].second.front() + ",", 0) == 0);
  }
}

TEST_CASE("csv referrals say where each stands: its last step and that step's date") {
  ClientRecord r = record_named("Ana");
  r.plan = Plan{};
  Referral stepped;
  stepped.id = "R1";
  stepped.to = "Legal Aid";
  stepped.date = Date::parse("2026-10-01");
  stepped.statuses = {{"no-show", "", Date::parse("2026-10-10"), {}},
                      {"attended", "", Date::parse("2026-10-20"), {}}};
  Referral made = stepped, unmade = stepped;
  made.id = "R2";
  made.statuses.clear();
  unmade.id = "R3";
  unmade.date.reset();
  unmade.statuses.clear();
  r.plan->referrals = {stepped, made, unmade};
  for (const auto& table : export_csv({r}))
    if (table.name == "referrals")
      CHECK(table.text ==
            "client_id,referral_id,to,needs,consent,date,outcome,status,status_date\r\n"
            "ana-lopez,R1,Legal Aid,,,2026-10-01,,attended,2026-10-20\r\n"
            "ana-lopez,R2,Legal Aid,,,2026-10-01,,made,2026-10-01\r\n"
            "ana-lopez,R3,Legal Aid,,,,,,\r\n");
}

TEST_CASE("json writes every key, absent values as null") {
  std::string json = export_json({record_named("Ana")});
  CHECK(json.find("\"version\": 1") != std::string::npos);
  CHECK(json.find("\"date_of_birth\": null") != std::string::npos);
  CHECK(json.find("\"plan\": null") != std::string::npos);
  CHECK(json.find("\"notes\": []") != std::string::npos);
}

TEST_CASE("markdown leaves signature lines to sign when the plan is unsigned") {
  ClientRecord r = record_named("Ana Lopez");
  r.client.case_manager = "Alicia Moreno";
  r.plan = Plan{};
  std::string md = export_markdown(r);
  // Each line with the signer's name printed beside it, from the record.
  CHECK(md.find("Client: ______________________________    Printed name: Ana Lopez    Date: "
                "______________") != std::string::npos);
  CHECK(md.find("Case manager: ______________________________    Printed name: Alicia Moreno") !=
        std::string::npos);
}

TEST_CASE("the printed record has an intake-only client's needs; --plan-only the plan alone") {
  ClientRecord r = record_named("Xavier Brown");
  r.client.assessment.present = true;
  Need need;
  need.id = "N1";
  need.domain = "education";
  need.description = "Science";
  r.client.assessment.needs.push_back(need);
  CHECK(export_markdown(r).find("- N1 (education): Science") != std::string::npos);
  RenderOptions plan_only;
  plan_only.plan_only = true;
  CHECK(export_markdown(r, plan_only).find("N1") == std::string::npos);
  r.plan = Plan{};
  std::string html = export_html(r, plan_only);
  // Alone, the plan follows the name on the first page.
  CHECK(html.find("class=\"new-page\"") == std::string::npos);
  CHECK(html.find("Progress notes") == std::string::npos);
}

TEST_CASE("html keeps each date whole on a line and prints the footer") {
  ClientRecord r = record_named("Ana Lopez");
  RenderOptions options;
  options.printed = Date::parse("2026-11-23");
  std::string html = export_html(r, options);
  CHECK(html.find("<div class=\"running\">Ana Lopez · Confidential · Printed <span "
                  "class=\"nb\">2026-11-23</span></div>") != std::string::npos);
}

TEST_CASE("markdown table cells escape | and keep to one line, breaking with <br>") {
  ClientRecord r = record_named("Ana Lopez");
  Need n;
  n.id = "N1";
  n.description = "Needs a | b\nand c";
  r.client.assessment.present = true;
  r.client.assessment.needs.push_back(n);
  r.plan = Plan{};
  CHECK(export_markdown(r).find("| N1 Needs a \\| b<br>and c | nothing yet |") !=
        std::string::npos);
}

// ---------------------------------------------------------------------------
// Writing: whole and owner-only, whatever was there before.

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A case folder in tmp/case; exports go beside it, in tmp.
CaseFolder case_in(const testing::TempFolder& tmp) {
  tmp.write("case/casekit.yaml", "program: Test\n");
  fs::create_directories(tmp / "case/clients");
  return CaseFolder(tmp / "case", real_file_system());
}

}  // namespace

TEST_CASE("write_export: onto an existing 0644 file, the export is 0600") {
  testing::TempFolder tmp;
  CaseFolder folder = case_in(tmp);
  tmp.write("out.json", "old");
  fs::permissions(tmp / "out.json", fs::perms(0644));
  write_export(folder, tmp / "out.json", {{"caseload.json", "new"}}, true);
  CHECK(tmp.read("out.json") == "new");
  CHECK(mode_of(tmp / "out.json") == 0600);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"case", "out.json"});
}

TEST_CASE("write_export: a folder export replaces an earlier one whole, 0700 and 0600") {
  testing::TempFolder tmp;
  CaseFolder folder = case_in(tmp);
  tmp.write("out/a.csv", "old a");
  fs::permissions(tmp / "out", fs::perms(0755));
  fs::permissions(tmp / "out/a.csv", fs::perms(0644));
  write_export(folder, tmp / "out/", {{"a.csv", "new a"}, {"c.csv", "new c"}}, false);
  CHECK(names_in(tmp / "out") == std::vector<std::string>{"a.csv", "c.csv"});
  CHECK(tmp.read("out/a.csv") == "new a");
  CHECK(mode_of(tmp / "out") == 0700);
  CHECK(mode_of(tmp / "out/a.csv") == 0600);
  CHECK(mode_of(tmp / "out/c.csv") == 0600);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"case", "out"});
}

TEST_CASE("write_export: a file that cannot be written leaves no part of the export") {
  testing::TempFolder tmp;
  CaseFolder folder = case_in(tmp);
  // A name in a folder that does not exist fails after the first file.
  std::vector<ExportFile> documents{{"a.csv", "new a"}, {"missing/b.csv", "new b"}};
  CHECK_THROWS_AS(write_export(folder, tmp / "out", documents, false), Error);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"case"});
  tmp.write("out/a.csv", "old a");
  CHECK_THROWS_AS(write_export(folder, tmp / "out", documents, false), Error);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"case", "out"});
  CHECK(names_in(tmp / "out") == std::vector<std::string>{"a.csv"});
  CHECK(tmp.read("out/a.csv") == "old a");
}

TEST_CASE("write_export: several files need a folder of their own, not the current one") {
  testing::TempFolder tmp;
  CaseFolder folder = case_in(tmp);
  for (const fs::path& here : {fs::path("."), fs::path("./"), fs::current_path()})
    CHECK_THROWS_WITH_AS(write_export(folder, here, {{"a.csv", "a"}}, false),
                         "an export of several files needs a folder of its own", Error);
}

TEST_CASE("write_export_streamed: a failure half-way leaves the earlier export as it was") {
  testing::TempFolder tmp;
  CaseFolder folder = case_in(tmp);
  tmp.write("out/a.md", "old a");
  auto half = [](ExportWriter& out) {
    out.write("a.md", "new a");
    out.close("a.md");
    out.write("b.md", "new ");
    throw Error("the record could not be read");
  };
  CHECK_THROWS_WITH_AS(write_export_streamed(folder, tmp / "out", false, "", half),
                       "the record could not be read", Error);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"case", "out"});
  CHECK(names_in(tmp / "out") == std::vector<std::string>{"a.md"});
  CHECK(tmp.read("out/a.md") == "old a");
  CHECK_THROWS_AS(write_export_streamed(folder, tmp / "one.json", true, "caseload.json", half),
                  Error);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"case", "out"});
}

TEST_CASE("write_export_streamed: files are appended to as they are made, several at once") {
  testing::TempFolder tmp;
  CaseFolder folder = case_in(tmp);
  write_export_streamed(folder, tmp / "out", false, "", [](ExportWriter& out) {
    for (int i = 0; i < 3; ++i) {
      out.write("clients.csv", std::to_string(i));
      out.write("notes.csv", "n");
    }
  });
  CHECK(tmp.read("out/clients.csv") == "012");
  CHECK(tmp.read("out/notes.csv") == "nnn");
  CHECK(mode_of(tmp / "out/notes.csv") == 0600);
}

TEST_CASE("the JSON and CSV streams write what the whole-caseload renderers write") {
  struct Held : ExportWriter {
    std::map<std::string, std::string> files;
    void write(const std::string& name, std::string_view data) override { files[name] += data; }
    void close(const std::string&) override {}
  };
  std::vector<ClientRecord> records = {record_named("Ana"), record_named("Zoë, \"Z\"")};
  for (std::size_t n : {0, 1, 2}) {
    std::vector<ClientRecord> some(records.begin(), records.begin() + static_cast<long>(n));
    Held json, csv;
    auto stream = json_stream(json, "caseload.json");
    // Nothing is written before the first record: a refusal leaves no output.
    CHECK(json.files.empty());
    auto tables = csv_stream(csv, {}, ".csv");
    for (const auto& r : some) {
      stream->add(r);
      tables->add(r);
    }
    stream->finish();
    tables->finish();
    CHECK(json.files["caseload.json"] == export_json(some));
    for (const auto& table : export_csv(some)) CHECK(csv.files[table.name + ".csv"] == table.text);
  }
}
