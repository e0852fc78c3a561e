// A note's prose in plain words, and the names it is searched for.
#include "check/note_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "record/model.hpp"

namespace {

bool names_any(const std::string& prose, const std::vector<std::string>& names) {
  casekit::Note note;
  note.objective = prose;
  casekit::NoteText text{&note};
  return text.names_any(names);
}

}  // namespace

TEST_CASE("names_any finds a name in plain words only where a word starts") {
  CHECK(names_any("Met about Goal 2 at the office.", {" goal 2 "}));
  CHECK(names_any("Called the HSE prep class", {" nothing ", " hse prep "}));
  CHECK_FALSE(names_any("Met about Goal 2.", {" oal 2 "}));
  CHECK_FALSE(names_any("Met about Goal 2.", {" goal 3 ", " goal 22 "}));
  // A later occurrence counts when the first is inside a word.
  CHECK(names_any("the goaltender, then goal 2", {" goal 2 "}));
  // The prose starts with a space in plain words, so its first word counts.
  CHECK(names_any("Goal 2 went well", {" goal 2 "}));
  // Names not in plain words are found as they are.
  CHECK(names_any("Met about Goal 2.", {"oal 2"}));
}
