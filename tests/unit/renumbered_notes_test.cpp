#include <doctest/doctest.h>

#include "base/error.hpp"
#include "git/renumbered_notes.hpp"
#include "yaml/yaml_edit.hpp"

using namespace casekit;

namespace {

const std::map<std::string, std::string> g4_to_g5 = {{"G4", "G5"}, {"S6", "S7"}};

const char* note = R"(# Darnell's note about the ID.
date: 2026-11-23
time: "11:00"
contact: in-person
goals: [G1, G4]   # the ID goal
service: 'S6'
needs:
  - N2
objective: Met Marcus about G4, his ID.
measures:
  G4: 2  # documents gathered
  G1: 7
plan:
  - step: Bring the G4 papers
    who: Marcus
)";

const std::string blob(40, 'a');

}  // namespace

TEST_CASE("a note's references to renumbered items change in place, free text does not") {
  std::string fixed = renumber_note_text(note, "note.yaml", g4_to_g5);
  CHECK(fixed == R"(# Darnell's note about the ID.
date: 2026-11-23
time: "11:00"
contact: in-person
goals: [G1, G5]   # the ID goal
service: 'S7'
needs:
  - N2
objective: Met Marcus about G4, his ID.
measures:
  G5: 2  # documents gathered
  G1: 7
plan:
  - step: Bring the G4 papers
    who: Marcus
)");
}

TEST_CASE("a block list of goals and a flow map of measures are rewritten too") {
  std::string text = "date: 2026-11-23\ngoals:\n  - G4\n  - \"G2\"\nmeasures: {G2: 1, G4: 3}\n";
  CHECK(renumber_note_text(text, "n.yaml", g4_to_g5) ==
        "date: 2026-11-23\ngoals:\n  - G5\n  - \"G2\"\nmeasures: {G2: 1, G5: 3}\n");
}

TEST_CASE("an id of another kind is not rewritten: a need N4 is not goal G4") {
  std::map<std::string, std::string> ids = {{"G4", "G5"}};
  std::string text = "needs: [N4]\nservice: S4\nevent: G4\n";
  CHECK(renumber_note_text(text, "n.yaml", ids) == text);
}

TEST_CASE("a note without references to the renumbered items is returned unchanged") {
  std::string text = "# hello\ngoals: [G1]\nobjective: G4 G4 G4\n";
  CHECK(renumber_note_text(text, "n.yaml", g4_to_g5) == text);
}

TEST_CASE("a measure key that would clash with one the note has is refused") {
  std::string text = "measures:\n  G4: 1\n  G5: 2\n";
  CHECK_THROWS_AS(renumber_note_text(text, "n.yaml", g4_to_g5), Error);
}

TEST_CASE("replace_scalar refuses a reference written as a block scalar") {
  YamlEditor editor("goals:\n  - >-\n    G4\n", "n.yaml");
  CHECK_THROWS_AS(editor.replace_scalar({"goals", std::size_t{0}}, "G5"), Error);
  CHECK(editor.text() == "goals:\n  - >-\n    G4\n");
}

TEST_CASE("rename_key keeps the value and the comment on the line") {
  YamlEditor editor("m:\n  a: 1 # one\n  b: 2\n", "m.yaml");
  editor.rename_key({"m", "a"}, "c");
  CHECK(editor.text() == "m:\n  c: 1 # one\n  b: 2\n");
  CHECK_THROWS_AS(editor.rename_key({"m", "c"}, "b"), Error);
}

TEST_CASE("the record of renumberings reads back what was written") {
  std::vector<RenumberEntry> entries = {
      {blob, std::string(40, 'b'), "clients/marcus-jones/plan.yaml", "goal", "G4", "G5"},
      {blob, std::string(64, 'c'), "cases/clients/ana/plan.yaml", "long-term goal", "L2", "L3"}};
  CHECK(parse_entries(format_entries(entries), "r") == entries);
  CHECK(parse_entries("", "r").empty());
}

TEST_CASE("a damaged record of renumberings is refused with its line") {
  std::string good =
      format_entries({{blob, blob, "clients/marcus-jones/plan.yaml", "goal", "G4", "G5"}});
  for (const std::string& bad :
       {std::string("garbage\n"),
        blob + "\t" + blob + "\tclients/marcus-jones/plan.yaml\tgoal\tG4\tS5\n",
        blob + "\t" + blob + "\tclients/../plan.yaml\tgoal\tG4\tG5\n",
        blob + "\t" + blob + "\tclients/marcus-jones/notes.yaml\tgoal\tG4\tG5\n",
        blob + "\tXYZ\tclients/marcus-jones/plan.yaml\tgoal\tG4\tG5\n",
        blob + "\t" + blob + "\tclients/marcus-jones/plan.yaml\tgoal\tG4\tG4\n",
        blob + "\t" + blob + "\tclients/marcus-jones/plan.yaml\tgoal\tG4\tG5\textra\n"}) {
    CAPTURE(bad);
    try {
      parse_entries(good + bad, "renumbered");
      FAIL("accepted");
    } catch (const Error& error) {
      CHECK(error.location().line == 2);
    }
  }
}
