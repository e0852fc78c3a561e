#include <doctest/doctest.h>

#include "base/error.hpp"
#include "yaml/yaml_edit.hpp"
#include "yaml/yaml_write.hpp"

using namespace casekit;

namespace {

YamlNode goal(const std::string& id, const std::string& statement) {
  YamlNode g = YamlNode::mapping();
  g.set("id", YamlNode::scalar(id));
  g.set("statement", text_node(statement));
  return g;
}

const char* commented_plan = R"(# Plan for Marcus, written with him on 2026-11-02.
created: 2026-11-02   # first draft
long_term_goals:
  - id: L1
    statement: Marcus will become a computer technician.

short_term_goals:
  # The HSE comes first; he asked for it.
  - id: G1
    statement: 'Marcus will complete his HSE'
    needs: [N1, N2]
    milestones:
      - {step: Register for classes, due: 2026-11-15}
    # keep checking the class schedule

# Services follow.
services:
  - id: S1
    name: HSE tutoring
signatures:
)";

}  // namespace

TEST_CASE("append to a block list adds lines only, keeping comments") {
  YamlEditor editor(commented_plan, "plan.yaml");
  editor.append({"short_term_goals"}, goal("G2", "Marcus will secure employment by 2027-03-01."));
  std::string expected = commented_plan;
  std::string anchor = "    # keep checking the class schedule\n";
  expected.insert(expected.find(anchor) + anchor.size(),
                  "  - id: G2\n    statement: Marcus will secure employment by 2027-03-01.\n");
  CHECK(editor.text() == expected);
}

TEST_CASE("an editor given the tree the loader parsed edits as one that parses the text") {
  YamlEditor parsing(commented_plan, "plan.yaml");
  YamlEditor given(commented_plan, parse_yaml(std::string_view(commented_plan), "plan.yaml"),
                   "plan.yaml");
  CHECK(same_content(given.tree(), parsing.tree()));
  for (YamlEditor* editor : {&parsing, &given}) {
    editor->append({"short_term_goals"}, goal("G2", "Marcus will secure employment."));
    editor->set({"next_review"}, YamlNode::scalar("2027-01-15"));
  }
  CHECK(given.text() == parsing.text());
}

TEST_CASE("set after non-ASCII text replaces exactly the value's bytes") {
  std::string text =
      "name: Nguyễn Thị Lan   # ễ is three bytes\nlanguage: Tiếng Việt\nstatus: active\n";
  YamlEditor editor(text, "client.yaml");
  editor.set({"status"}, YamlNode::scalar("closed"));
  CHECK(editor.text() ==
        "name: Nguyễn Thị Lan   # ễ is three bytes\nlanguage: Tiếng Việt\nstatus: closed\n");
}

TEST_CASE("set replaces an inline scalar and keeps its comment") {
  YamlEditor editor(commented_plan, "plan.yaml");
  editor.set({"created"}, YamlNode::scalar("2026-11-03"));
  std::string expected = commented_plan;
  expected.replace(expected.find("2026-11-02   #"), 10, "2026-11-03");
  CHECK(editor.text() == expected);
}

TEST_CASE("set adds a key to a flow mapping inside a list") {
  YamlEditor editor(commented_plan, "plan.yaml");
  editor.set({"short_term_goals", std::size_t{0}, "milestones", std::size_t{0}, "done"},
             YamlNode::scalar("2026-11-14"));
  CHECK(editor.text().find("{step: Register for classes, due: 2026-11-15, done: 2026-11-14}") !=
        std::string::npos);
}

TEST_CASE("append to a flow list of references") {
  YamlEditor editor(commented_plan, "plan.yaml");
  editor.append({"short_term_goals", std::size_t{0}, "needs"}, YamlNode::scalar("N3"));
  CHECK(editor.text().find("needs: [N1, N2, N3]") != std::string::npos);
}

TEST_CASE("set fills an empty key with a nested mapping") {
  YamlEditor editor(commented_plan, "plan.yaml");
  editor.set({"signatures", "client", "date"}, YamlNode::scalar("2026-11-05"));
  CHECK(editor.text() == std::string(commented_plan) + "  client:\n    date: 2026-11-05\n");
}

TEST_CASE("append creates a missing list at the end of the mapping") {
  YamlEditor editor("created: 2026-11-02\n# trailing note\n", "plan.yaml");
  YamlNode referral = YamlNode::mapping();
  referral.set("id", YamlNode::scalar("R1"));
  referral.set("to", text_node("Project H.O.P.E."));
  editor.append({"referrals"}, referral);
  CHECK(editor.text() ==
        "created: 2026-11-02\n# trailing note\nreferrals:\n  - id: R1\n    to: Project H.O.P.E.\n");
}

TEST_CASE("append to an indentless list keeps its style") {
  YamlEditor editor("needs:\n- id: N1\n  description: Housing\nother: 1\n", "client.yaml");
  YamlNode need = YamlNode::mapping();
  need.set("id", YamlNode::scalar("N2"));
  editor.append({"needs"}, need);
  CHECK(editor.text() == "needs:\n- id: N1\n  description: Housing\n- id: N2\nother: 1\n");
}

TEST_CASE("set replaces a multi-line block scalar") {
  YamlEditor editor("summary: |\n  line one\n  line two\nnext: 1\n", "client.yaml");
  editor.set({"summary"}, text_node("short"));
  CHECK(editor.text() == "summary: short\nnext: 1\n");
}

TEST_CASE("long text is written as a folded block that reads back the same") {
  std::string text(30, 'a');
  text += " then a long sentence that keeps going well past the width of a line in the file";
  YamlEditor editor("a: 1\n", "x.yaml");
  editor.set({"b"}, text_node(text));
  CHECK(editor.text().find("b: >-\n  ") != std::string::npos);
  CHECK(editor.tree().find("b")->value == text);
}

TEST_CASE("a file without a final newline gets one before appended lines") {
  YamlEditor editor("a: 1", "x.yaml");
  editor.set({"b"}, YamlNode::scalar("2"));
  CHECK(editor.text() == "a: 1\nb: 2\n");
}

TEST_CASE("an empty file becomes a mapping") {
  YamlEditor editor("", "x.yaml");
  editor.set({"a"}, YamlNode::scalar("1"));
  CHECK(editor.text() == "a: 1\n");
}

TEST_CASE("editing a list written in an unusual way is refused, not guessed") {
  YamlEditor editor("a: !!str x\n", "x.yaml");
  CHECK_THROWS_AS(editor.append({"a"}, YamlNode::scalar("y")), Error);
}

// fuzz_yaml_edit found it: an append to an empty item of a list (a path
// ending in an index) tried to set a key there, and failed an assertion.
TEST_CASE("a list cannot be appended to an empty item of a list, and the text stays") {
  const std::string text = "goals:\n  -\n  - x\n";
  YamlEditor editor(text, "x.yaml");
  CHECK_THROWS_WITH_AS(editor.append({"goals", std::size_t{0}}, YamlNode::scalar("y")),
                       doctest::Contains("a list was expected here"), Error);
  CHECK(editor.text() == text);
}

TEST_CASE("replacing a value keeps a comment line below it") {
  YamlEditor editor(
      "next_review: 2026-11-18\n  # supervisor asked to wait for the hearing\nexit_plan: x\n",
      "plan.yaml");
  editor.set({"next_review"}, YamlNode::scalar("2027-01-15"));
  CHECK(editor.text() ==
        "next_review: 2027-01-15\n  # supervisor asked to wait for the hearing\nexit_plan: x\n");
}

TEST_CASE("replacing a value keeps a comment after a tab") {
  YamlEditor editor("status: active\t# mother asked us to hold this\n", "plan.yaml");
  editor.set({"status"}, YamlNode::scalar("achieved"));
  CHECK(editor.text() == "status: achieved\t# mother asked us to hold this\n");
}

TEST_CASE("a suppression comment stays above the line it names") {
  std::string plan =
      "short_term_goals:\n  - id: G1\n    statement: a\n    # casekit: disable=goal/time-framed\n  "
      "- id: G2\n    statement: b\n";
  YamlEditor editor(plan, "plan.yaml");
  editor.set({"short_term_goals", std::size_t{0}, "status"}, YamlNode::scalar("achieved"));
  CHECK(editor.text().find(
            "    status: achieved\n    # casekit: disable=goal/time-framed\n  - id: G2") !=
        std::string::npos);
}

TEST_CASE("replacing a multi-line value keeps the comment above the next key") {
  YamlEditor editor("summary: |\n  one\n  two\n# about the next key\nnext: 1\n", "x.yaml");
  CHECK_NOTHROW(editor.set({"summary"}, text_node("short")));
  CHECK(editor.text().find("# about the next key") != std::string::npos);
}
