#include "record/load.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

const fs::path kCaseload = fs::path(CASEKIT_SOURCE_DIR) / "examples" / "caseload";
const std::string kNotes = "clients/marcus-jones/notes/";

// A copy of the example caseload, to change without touching the original.
CaseFolder copy_of_caseload(const TempFolder& tmp) {
  fs::copy(kCaseload, tmp.path(), fs::copy_options::recursive);
  return CaseFolder(tmp.path(), real_file_system());
}

bool has_finding(const std::vector<Diagnostic>& found, const std::string& file_end,
                 const std::string& rule) {
  return std::any_of(found.begin(), found.end(), [&](const Diagnostic& d) {
    return d.location.file.ends_with(file_end) && d.rule == rule;
  });
}

}  // namespace

TEST_CASE("load: a valid client gives its files and its record, notes in time order") {
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  // Same minute and kind of contact: -2 was written after the first.
  tmp.write(kNotes + "2026-09-24-1400-in-person-2.yaml",
            tmp.read(kNotes + "2026-09-24-1400-in-person.yaml"));
  LoadedRecord loaded = load_record(folder, "marcus-jones");
  CHECK(loaded.valid());
  CHECK_FALSE(has_errors(loaded.files.diagnostics));
  REQUIRE(loaded.files.client);
  CHECK(loaded.files.client->parsed);
  CHECK(loaded.files.notes.size() == 5);
  const ClientRecord& record = loaded.require_valid("nothing was changed");
  CHECK(&record == &*loaded.record);
  CHECK(record.client.id == "marcus-jones");
  CHECK(record.plan.has_value());
  REQUIRE(record.notes.size() == 5);
  CHECK(record.notes[0].file_name == "2026-09-24-1400-in-person.yaml");
  CHECK(record.notes[1].file_name == "2026-09-24-1400-in-person-2.yaml");
  CHECK(record.notes[4].file_name == "2026-11-20-1430-in-person.yaml");
}

TEST_CASE("load: a warning alone leaves the record valid") {
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  tmp.write(kNotes + "readme.txt", "not a note\n");
  LoadedRecord loaded = load_record(folder, "marcus-jones");
  CHECK(has_finding(loaded.files.diagnostics, "notes/readme.txt", "format/unknown-file"));
  CHECK(loaded.valid());
  CHECK_NOTHROW(loaded.require_valid("nothing was changed"));
}

TEST_CASE("load: format errors leave no record, and require_valid lists every problem") {
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  tmp.write("clients/marcus-jones/plan.yaml", "created: 2026-02-30\n");
  tmp.write(kNotes + "2026-10-29-1530-phone.yaml", "date: [2026-10-29\n");
  tmp.write(kNotes + "readme.txt", "not a note\n");
  LoadedRecord loaded = load_record(folder, "marcus-jones");
  CHECK_FALSE(loaded.valid());
  // The files are still there, for check to report on and plan --edit to repair.
  CHECK(loaded.files.plan.has_value());
  CHECK(loaded.files.notes.size() == 4);
  // What can be read is still read, for list.
  CHECK(loaded.readable_part().client.id == "marcus-jones");
  try {
    loaded.require_valid("nothing was exported");
    FAIL("require_valid accepted a record with format errors");
  } catch (const InvalidRecord& e) {
    CHECK(std::string(e.what()) ==
          "nothing was exported: fix the problems above, then run the command again");
    CHECK(e.status() == ExitStatus::usage);
    const auto& listed = e.diagnostics();
    CHECK(has_finding(listed, "marcus-jones/plan.yaml", "format/date"));
    CHECK(has_finding(listed, "2026-10-29-1530-phone.yaml", "format/parse"));
    CHECK(has_finding(listed, "notes/readme.txt", "format/unknown-file"));
    CHECK(listed.size() == loaded.files.diagnostics.size());
  }
}

TEST_CASE("load: a missing client or a bad id is refused, with a did-you-mean") {
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  try {
    load_record(folder, "marcus-jone");
    FAIL("loaded a client that does not exist");
  } catch (const InvalidRecord&) {
    FAIL("a missing client is not an invalid record");
  } catch (const Error& e) {
    CHECK(e.status() == ExitStatus::usage);
    CHECK(e.hint().find("marcus-jones") != std::string::npos);
  }
  CHECK_THROWS_AS(load_record(folder, "../marcus-jones"), Error);
}

TEST_CASE("load: refuse_if_errors refuses errors only") {
  Diagnostic warning{{"a.yaml", 1, 1}, Severity::warning, "format/unknown-file", "w", ""};
  Diagnostic error{{"a.yaml", 2, 1}, Severity::error, "format/parse", "e", ""};
  CHECK_NOTHROW(refuse_if_errors({warning}, "nothing was changed"));
  CHECK_THROWS_WITH_AS(refuse_if_errors({warning, error}, "nothing was changed"),
                       "nothing was changed: fix the problems above, then run the command again",
                       InvalidRecord);
}

// list reads the notes' headings only (issue 18): what it shows of them,
// the last contact, must be what the whole record says, for every client
// of the sample, notes of one minute in their written order, a later
// collateral contact, and a record with an error.
TEST_CASE("load: the listing record finds the same last contact as the whole record") {
  TempFolder tmp;
  CaseFolder folder = copy_of_caseload(tmp);
  std::string later = tmp.read(kNotes + "2026-11-20-1430-in-person.yaml");
  tmp.write(kNotes + "2026-11-20-1430-in-person-2.yaml", later);
  std::string collateral = later;
  collateral.replace(collateral.find("contact: in-person"), 18, "contact: collateral");
  tmp.write(kNotes + "2026-11-21-0900-collateral.yaml", collateral);
  tmp.write("clients/dana-okafor/notes/2026-12-01-0900-phone.yaml", "date: [\n");
  for (const auto& id : folder.client_ids()) {
    CAPTURE(id);
    LoadedRecord whole = load_record(folder, id), listing = load_listing(folder, id);
    CHECK(whole.valid() == listing.valid());
    ClientRecord a = whole.readable_part();
    ClientRecord b = listing.record ? *listing.record : to_listing_record(listing.files);
    REQUIRE(a.notes.size() == b.notes.size());
    for (std::size_t i = 0; i < a.notes.size(); ++i) {
      CHECK(a.notes[i].file_name == b.notes[i].file_name);
      CHECK(a.notes[i].date == b.notes[i].date);
      CHECK(a.notes[i].time == b.notes[i].time);
      CHECK(a.notes[i].contact == b.notes[i].contact);
    }
    REQUIRE((a.last_contact() == nullptr) == (b.last_contact() == nullptr));
    if (a.last_contact()) CHECK(a.last_contact()->file_name == b.last_contact()->file_name);
    CHECK(a.client.name == b.client.name);
    CHECK(a.plan.has_value() == b.plan.has_value());
    if (!b.notes.empty()) CHECK(b.notes.back().objective.empty());
  }
  CHECK_FALSE(load_listing(folder, "dana-okafor").valid());
}
