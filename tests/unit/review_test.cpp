#include "record/review.hpp"

#include <doctest/doctest.h>

#include "schema/schema.hpp"

using namespace casekit;

namespace {

Review goal_review() {
  Review r;
  r.reviewer = "Ruth Adler";
  r.date = "2026-11-23";
  r.checklist = "isp-short-term-goal";
  r.case_manager = "Alicia Moreno";
  r.goal = "G1";
  r.marks = {{"specific", "met", ""},
             {"measurable", "not-met", "G1 has no measure: what: with a target"},
             {"achievable", "unmarked", ""}};
  r.feedback = "G1 says what Marcus wants, and a measure would show his progress.";
  r.follow_up = "2026-12-07";
  return r;
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& found) {
  std::vector<std::string> out;
  for (const auto& d : found) out.push_back(d.rule);
  return out;
}

}  // namespace

TEST_CASE("review: written, it is valid and reads back the same") {
  Review r = goal_review();
  std::string text = review_yaml(r);
  YamlNode tree = parse_yaml(text, "r.yaml");
  CHECK(validate(tree, FileKind::review, "r.yaml").empty());
  CHECK(review_findings(tree, "r.yaml", {"G1"}, {}).empty());
  Review back = read_review(tree, "x.yaml");
  CHECK(back.reviewer == r.reviewer);
  CHECK(back.goal == "G1");
  CHECK(back.follow_up == "2026-12-07");
  REQUIRE(back.marks.size() == 3);
  CHECK(back.marks[1].comment == r.marks[1].comment);
  CHECK(back.count("unmarked") == 1);
  CHECK_FALSE(back.acknowledged());
  // Each item's words from the checklist stand above its mark.
  CHECK(text.find("  # Specific: Clearly specifies what client wants to achieve.\n  specific:") !=
        std::string::npos);
  CHECK(text.find("casekit-edit") == std::string::npos);
}

TEST_CASE("review: the editor's form has the coaching tips, on lines the editor removes") {
  std::string form = review_yaml(goal_review(), true);
  CHECK(form.find("# casekit-edit:   - Start with a positive statement.\n") != std::string::npos);
  CHECK(form.find("# casekit-edit: achievable is for you to judge: met, not-met or n/a\n"
                  "  achievable:") != std::string::npos);
  CHECK(validate(parse_yaml(form, "f.yaml"), FileKind::review, "f.yaml").empty());
}

TEST_CASE("review: file names say the day, the checklist and what was reviewed") {
  Review r = goal_review();
  CHECK(review_file_name(r) == "2026-11-23-isp-short-term-goal-G1.yaml");
  r.goal.clear();
  r.checklist = "progress-note";
  r.note = "2026-11-20-1430-in-person.yaml";
  CHECK(review_file_name(r) == "2026-11-23-progress-note-2026-11-20-1430-in-person.yaml");
  CHECK(r.subject() == "note 2026-11-20-1430-in-person.yaml");
  r.note.clear();
  r.checklist = "initial-assessment";
  CHECK(review_file_name(r) == "2026-11-23-initial-assessment.yaml");
  CHECK(r.subject() == "the assessment");
}

TEST_CASE(
    "review: an unknown item, a missing goal or note, and a bad mark are found at their line") {
  std::string text =
      "reviewer: Ruth Adler\ndate: 2026-11-23\nchecklist: isp-short-term-goal\ngoal: G9\n"
      "marks:\n  specifc:\n    mark: met\n  measurable:\n    mark: good\n";
  YamlNode tree = parse_yaml(text, "r.yaml");
  auto schema = validate(tree, FileKind::review, "r.yaml");
  REQUIRE(schema.size() == 1);
  CHECK(schema[0].rule == "format/type");
  CHECK(schema[0].location.line == 9);
  auto found = review_findings(tree, "r.yaml", {"G1", "G2"}, {});
  CHECK(rules_of(found) == std::vector<std::string>{"format/unknown-key", "format/dangling-ref"});
  CHECK(found[0].location.line == 6);
  CHECK(found[0].hint == "did you mean 'specific'?");
  CHECK(found[1].location.line == 4);
}

TEST_CASE("review: a goal review needs its goal, a note review its note, and neither takes both") {
  auto found_for = [](const std::string& tail) {
    YamlNode tree = parse_yaml("reviewer: R\ndate: 2026-11-23\n" + tail + "marks: {}\n", "r.yaml");
    return rules_of(review_findings(tree, "r.yaml", {"G1"}, {"n.yaml"}));
  };
  CHECK(found_for("checklist: isp-short-term-goal\n") ==
        std::vector<std::string>{"format/missing-key"});
  CHECK(found_for("checklist: progress-note\nnote: n.yaml\n").empty());
  CHECK(found_for("checklist: progress-note\nnote: m.yaml\n") ==
        std::vector<std::string>{"format/dangling-ref"});
  CHECK(found_for("checklist: initial-assessment\ngoal: G1\n") ==
        std::vector<std::string>{"format/unknown-key"});
  CHECK(found_for("checklist: progress-note\nnote: n.yaml\ngoal: G1\n") ==
        std::vector<std::string>{"format/unknown-key"});
}
