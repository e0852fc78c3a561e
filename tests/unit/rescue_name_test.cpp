#include "record/rescue_name.hpp"

#include <doctest/doctest.h>

using namespace casekit;

TEST_CASE("rescue names: say the command, the client and the day, and read back") {
  RescueOwner note{"note", "ana-lopez"};
  CHECK(rescue_file_name(note, "2026-11-23", 1) == "note-ana-lopez-2026-11-23.yaml");
  CHECK(rescue_file_name(note, "2026-11-23", 3) == "note-ana-lopez-2026-11-23-3.yaml");
  CHECK(rescue_file_name({"new-client", ""}, "2026-11-23", 1) == "new-client-2026-11-23.yaml");
  for (const RescueOwner& owner :
       {note, RescueOwner{"new-client", ""}, RescueOwner{"plan", "x-2026-11-23"},
        RescueOwner{"note", "ana-lopez-2"}, RescueOwner{"plan", "client"}}) {
    for (int number : {1, 2, 12}) {
      CAPTURE(owner.client);
      CAPTURE(number);
      auto name = parse_rescue_name(rescue_file_name(owner, "2026-11-23", number));
      REQUIRE(name);
      CHECK(name->owner == owner);
      CHECK(name->day == "2026-11-23");
      CHECK(name->number == number);
    }
  }
}

TEST_CASE("rescue names: a name casekit did not give is not read as one") {
  for (const char* name :
       {"edit-Ab12Cd.yaml", "note-ana-lopez.yaml", "note-ana-lopez-2026-11-23.yml",
        "note-ana-lopez-2026-02-30.yaml", "note-Ana-2026-11-23.yaml", "note--2026-11-23.yaml",
        "new-2026-11-23.yaml", "note-ana-2026-11-23-1.yaml", "note-ana-2026-11-23-02.yaml",
        "note-ana-2026-11-23-x.yaml", "notes-ana-2026-11-23.yaml", ".yaml", "2026-11-23.yaml"}) {
    CAPTURE(name);
    CHECK(!parse_rescue_name(name));
  }
}

TEST_CASE("rescue names: the command lines that made a text and resume it") {
  CHECK(edit_command({"note", "ana-lopez"}) == "casekit note ana-lopez --edit");
  CHECK(resume_command({"plan", "ana-lopez"}) == "casekit plan ana-lopez --edit --resume");
  CHECK(resume_command({"new-client", ""}) == "casekit new-client --edit --resume");
  CHECK(resume_command({"edit", "ana-lopez"}) == "casekit edit ana-lopez --resume");
  CHECK(parse_rescue_name("edit-ana-lopez-2026-11-23.yaml")->owner ==
        RescueOwner{"edit", "ana-lopez"});
  CHECK(!parse_rescue_name("edit-Ab12Cd.yaml"));
}
