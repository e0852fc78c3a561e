#include <doctest/doctest.h>

#include "edit/client_fields.hpp"
#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "folder_with_client.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder sample_folder(const TempFolder& tmp) {
  CaseFolder folder =
      testing::folder_with_client(tmp, "# Ana's intake\nname: Ana Ruiz\nopened: 2026-09-01\n");
  return folder;
}

}  // namespace

TEST_CASE("options set contacts and household members, keeping comments") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  ClientFieldEdits edits;
  edits.fields = {{"phone", "555-0100"}, {"language", "Spanish"}};
  edits.household = {{"Rosa Ruiz", "aunt", "1970-05-01"}};
  apply_field_edits(edit, edits);
  edit.save();
  std::string text = tmp.read("clients/ana-ruiz/client.yaml");
  CHECK(text.find("# Ana's intake") == 0);
  // Quoted: written plain, it could read back as something else.
  CHECK(text.find("contact:\n  phone: \"555-0100\"") != std::string::npos);
  CHECK(text.find("language: Spanish") != std::string::npos);
  CHECK(text.find("- name: Rosa Ruiz\n    relationship: aunt") != std::string::npos);
}

TEST_CASE("a date that is not real is refused with its field, and nothing changes") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  ClientEdit edit(folder, "ana-ruiz");
  ClientFieldEdits edits;
  edits.fields = {{"date_of_birth", "2006-02-30"}};
  CHECK_THROWS_WITH_AS(apply_field_edits(edit, edits),
                       "date of birth: '2006-02-30' is not a real date", Error);
  ClientFieldEdits follow_up;
  follow_up.follow_up = FollowUpResult{"2027-01-01", "2027-01-05", ""};
  CHECK_THROWS_WITH_AS(apply_field_edits(edit, follow_up),
                       "follow up: the closure lists no follow-up due 2027-01-01", Error);
}
