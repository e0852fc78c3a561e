#include <doctest/doctest.h>

#include "edit/close_case.hpp"
#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "edit/reopen_case.hpp"
#include "folder_with_client.hpp"
#include "record/load.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder closed_folder(const TempFolder& tmp) {
  CaseFolder folder =
      testing::folder_with_client(tmp,
                                  "name: Ana Ruiz\nopened: 2026-03-01\nstatus: closed\nclosure:\n"
                                  "  date: 2026-06-30\n  reason: Moved\n  summary: Left.\n");
  return folder;
}

}  // namespace

TEST_CASE("reopen keeps the closed episode whole and starts a new one") {
  TempFolder tmp;
  CaseFolder folder = closed_folder(tmp);
  {
    ClientEdit edit(folder, "ana-ruiz");
    reopen_client(edit, "2026-11-20", "Came back");
    edit.save();
  }
  ClientRecord record = *load_record(folder, "ana-ruiz").record;
  CHECK(record.client.status == "active");
  CHECK(record.client.opened->str() == "2026-11-20");
  CHECK(record.client.reopen_reason == "Came back");
  CHECK_FALSE(record.client.closure.present);
  REQUIRE(record.client.episodes.size() == 1);
  CHECK(record.client.episodes[0].opened->str() == "2026-03-01");
  CHECK(record.client.episodes[0].closure.date->str() == "2026-06-30");
  CHECK(record.client.all_episodes().size() == 2);
}

TEST_CASE("reopen refuses an open case, an empty reason and a date before the closure") {
  TempFolder tmp;
  CaseFolder folder = closed_folder(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  CHECK_THROWS_WITH_AS(reopen_client(edit, "2026-11-20", " "), "a reopening needs a reason", Error);
  CHECK_THROWS_WITH_AS(reopen_client(edit, "2026-06-01", "Back"),
                       "date: the case cannot reopen on 2026-06-01, before it closed on "
                       "2026-06-30",
                       Error);
  CHECK_THROWS_WITH_AS(reopen_client(edit, "2026-13-01", "Back"),
                       "date: '2026-13-01' is not a real date", Error);
}
