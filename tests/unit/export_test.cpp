#include <doctest/doctest.h>

#include "casekit/export.hpp"

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
  CHECK(second_line(clients_table(record_named("Lopez, Ana \"Annie\""))).rfind("ana-lopez,\"Lopez, Ana \"\"Annie\"\"\",", 0) == 0);
  std::string broken = clients_table(record_named("Ana\nLopez"));
  CHECK(broken.find("\"Ana\nLopez\"") != std::string::npos);
}

TEST_CASE("csv defuses text a spreadsheet would run as a formula, not numbers") {
  CHECK(second_line(clients_table(record_named("=HYPERLINK(\"x\")"))).find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
  CHECK(second_line(clients_table(record_named("@SUM(A1)"))).find(",'@SUM(A1),") != std::string::npos);
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

TEST_CASE("json writes every key, absent values as null") {
  std::string json = export_json({record_named("Ana")});
  CHECK(json.find("\"version\": 1") != std::string::npos);
  CHECK(json.find("\"date_of_birth\": null") != std::string::npos);
  CHECK(json.find("\"plan\": null") != std::string::npos);
  CHECK(json.find("\"notes\": []") != std::string::npos);
}

TEST_CASE("markdown leaves signature lines to sign when the plan is unsigned") {
  ClientRecord r = record_named("Ana Lopez");
  r.plan = Plan{};
  std::string md = export_markdown(r);
  CHECK(md.find("Client: ______________________________    Date: ______________") != std::string::npos);
  CHECK(md.find("Case manager: ______________________________") != std::string::npos);
}

TEST_CASE("markdown table cells escape | and keep to one line, breaking with <br>") {
  ClientRecord r = record_named("Ana Lopez");
  Need n;
  n.id = "N1";
  n.description = "Needs a | b\nand c";
  r.client.assessment.present = true;
  r.client.assessment.needs.push_back(n);
  r.plan = Plan{};
  CHECK(export_markdown(r).find("| N1 Needs a \\| b<br>and c | nothing yet |") != std::string::npos);
}
