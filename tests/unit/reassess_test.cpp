#include <doctest/doctest.h>

#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "edit/reassess.hpp"
#include "folder_with_client.hpp"
#include "record/load.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder assessed_folder(const TempFolder& tmp) {
  CaseFolder folder = testing::folder_with_client(
      tmp,
      "name: Ana Ruiz\nopened: 2026-09-01\nassessment:\n  date: 2026-09-03\n"
      "  strengths:\n    - Reads well.\n");
  return folder;
}

}  // namespace

TEST_CASE("a reassessment becomes the latest and keeps the earlier one") {
  TempFolder tmp;
  CaseFolder folder = assessed_folder(tmp);
  {
    ClientEdit edit(folder, "ana-ruiz");
    add_assessment(edit, "strengths:\n  - Passed math.\n", "file", "2026-11-20");
    edit.save();
  }
  ClientRecord record = *load_record(folder, "ana-ruiz").record;
  CHECK(record.client.assessment.date->str() == "2026-11-20");
  CHECK(record.client.assessment.strengths == Strings{"Passed math."});
  REQUIRE(record.client.earlier_assessments.size() == 1);
  CHECK(record.client.earlier_assessments[0].date->str() == "2026-09-03");
}

TEST_CASE("the editor's text is the latest assessment with the new date") {
  YamlNode client = parse_yaml("assessment:\n  date: 2026-09-03\n  strengths:\n    - A\n", "t");
  std::string text = reassessment_text(client, "2026-11-20");
  CHECK(text.find("date: 2026-11-20") != std::string::npos);
  CHECK(text.find("- A") != std::string::npos);
}

TEST_CASE("a reassessment before the latest, or not an assessment, is refused") {
  TempFolder tmp;
  CaseFolder folder = assessed_folder(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  CHECK_THROWS_WITH_AS(add_assessment(edit, "strengths: []\n", "file", "2026-09-01"),
                       "the new assessment is dated 2026-09-01, before the latest one of "
                       "2026-09-03",
                       Error);
  CHECK_THROWS_AS(add_assessment(edit, "strenghts: []\n", "file", "2026-11-20"), InvalidRecord);
}
