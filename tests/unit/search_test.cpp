#include "views/search.hpp"

#include <doctest/doctest.h>

#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

const char* kNote = R"(date: 2026-11-20
time: "14:30"
contact: in-person
objective: |
  Met at the library with José: we went over
  the HOUSING application.
client_steps:
  - Called the housing office.
)";

CaseFolder sample(const TempFolder& tmp) {
  init_case_folder(real_file_system(), tmp.path(), {"Test program", "generic"});
  CaseFolder folder(tmp.path(), real_file_system());
  create_client(folder, "name: José Ruiz\nopened: 2026-11-01\n", "test");
  tmp.write("clients/jose-ruiz/notes/2026-11-20-1430-in-person.yaml", kNote);
  tmp.write("clients/jose-ruiz/notes/2026-10-01-1000-phone.yaml",
            "date: 2026-10-01\ntime: \"10:00\"\ncontact: phone\nobjective: Housing call.\n");
  return folder;
}

std::vector<std::string> lines(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits)
    out.push_back(hit.file.substr(hit.file.find("clients/")) + ":" + std::to_string(hit.line) +
                  ": " + hit.field + ": " + hit.text);
  return out;
}

}  // namespace

TEST_CASE("search finds text whatever its case and accents, with line and key") {
  auto hits = search_text(kNote, "jose", "");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].line == 5);
  CHECK(hits[0].field == "objective");
  CHECK(hits[0].text == "Met at the library with José: we went over");
  hits = search_text(kNote, "housing", "");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].line == 6);
  CHECK(hits[1].field == "client_steps");
}

TEST_CASE("search: a key's own name is no hit, and --field keeps one key") {
  CHECK(search_text(kNote, "objective", "").empty());
  CHECK(search_text(kNote, "housing", "client_steps").size() == 1);
  CHECK(search_text(kNote, "housing", "strengths").empty());
}

TEST_CASE("search: a file that is not YAML is still searched, under no key") {
  auto hits = search_text("a: [broken\nhousing here\n", "housing", "");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].field == "");
  CHECK(hits[0].line == 2);
}

TEST_CASE("search: a long line is cut whole characters at a time") {
  std::string line = "objective: " + std::string(150, 'a') + "ééééé housing";
  auto hits = search_text(line, "housing", "");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].text.ends_with("..."));
  CHECK(hits[0].text.find("\xc3...") == std::string::npos);
}

TEST_CASE("search across the caseload: every client, --client, --since") {
  TempFolder tmp;
  CaseFolder folder = sample(tmp);
  SearchQuery query{"HOUSING", "", std::nullopt, ""};
  CHECK(lines(search_caseload(folder, query)) ==
        std::vector<std::string>{"clients/jose-ruiz/notes/2026-10-01-1000-phone.yaml:4: objective: "
                                 "objective: Housing call.",
                                 "clients/jose-ruiz/notes/2026-11-20-1430-in-person.yaml:6: "
                                 "objective: the HOUSING application.",
                                 "clients/jose-ruiz/notes/2026-11-20-1430-in-person.yaml:8: "
                                 "client_steps: - Called the housing office."});
  query.since = Date{2026, 11, 1};
  CHECK(search_caseload(folder, query).hits.size() == 2);
  query.text = "jose ruiz";
  CHECK(search_caseload(folder, query).hits.empty());  // client.yaml is not a note
  query.since.reset();
  CHECK(search_caseload(folder, query).hits.size() == 1);
}

TEST_CASE("search refuses nothing to find and a key no record has") {
  CHECK_THROWS_WITH(require_valid(SearchQuery{" ", "", std::nullopt, ""}),
                    "there is nothing to search for");
  CHECK_THROWS_WITH(require_valid(SearchQuery{"x", "", std::nullopt, "objectiv"}),
                    "field: no record has a key 'objectiv'");
}

TEST_CASE("search follows no symbolic link and says what it left out") {
  TempFolder tmp;
  CaseFolder folder = sample(tmp);
  tmp.write("outside.yaml", "objective: housing secret\n");
  fs::create_symlink(tmp / "outside.yaml",
                     tmp / "clients/jose-ruiz/notes/2026-11-21-1000-phone.yaml");
  SearchResult result = search_caseload(folder, {"secret", "", std::nullopt, ""});
  CHECK(result.hits.empty());
  REQUIRE(result.skipped.size() == 1);
  CHECK(result.skipped[0].find("symbolic link") != std::string::npos);
  CHECK(result.skipped[0].find("secret") == std::string::npos);
}
