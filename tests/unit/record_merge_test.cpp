#include <doctest/doctest.h>

#include "base/error.hpp"
#include "git/record_merge.hpp"
#include "temp_folder.hpp"

using namespace casekit;

namespace {

const char* base_plan = R"(created: 2026-11-02
long_term_goals:
  - id: L1
    statement: Marcus will become a computer technician.

short_term_goals:
  - id: G1
    statement: 'Marcus will complete his HSE'
    needs: [N1]

# Services follow.
services:
  - id: S1
    name: HSE tutoring
    goals: [G1]
)";

std::string with(std::string text, const std::string& after, const std::string& added) {
  std::size_t at = text.find(after);
  REQUIRE(at != std::string::npos);
  return text.insert(at + after.size(), added);
}

const std::string goal_end = "needs: [N1]\n";
const std::string services_end = "goals: [G1]\n";

RecordMerge merge(const std::string& base, const std::string& ours, const std::string& theirs) {
  testing::TempFolder scratch;
  TextMerger merger = [&](const std::string& o, const std::string& b, const std::string& t,
                          bool take_both) {
    return git_merge_file(scratch.path(), o, b, t, take_both);
  };
  return merge_record(FileKind::plan, base, ours, theirs, merger);
}

YamlNode tree(const std::string& text) {
  return parse_yaml(text, "test");
}

}  // namespace

TEST_CASE("merge: both copies add a goal; theirs becomes G3 and both are kept") {
  std::string ours = with(base_plan, goal_end, "  - id: G2\n    statement: Open a bank account.\n");
  std::string theirs = with(base_plan, goal_end, "  - id: G2\n    statement: Get a state ID.\n");
  RecordMerge result = merge(base_plan, ours, theirs);
  REQUIRE(result.clean);
  CHECK(result.text == with(base_plan, goal_end,
                            "  - id: G2\n    statement: Open a bank account.\n"
                            "  - id: G3\n    statement: Get a state ID.\n"));
  REQUIRE(result.renumbered.size() == 1);
  CHECK(result.renumbered[0].what == "goal");
  CHECK(result.renumbered[0].from == "G2");
  CHECK(result.renumbered[0].to == "G3");
}

TEST_CASE("merge: a service referring to the renumbered goal follows it; free text does not") {
  std::string ours = with(base_plan, goal_end, "  - id: G2\n    statement: Open a bank account.\n");
  ours = with(ours, services_end, "  - id: S2\n    name: Banking help\n    goals: [G2]\n");
  std::string theirs =
      with(base_plan, goal_end, "  - id: G2\n    statement: Get a state ID, then G2 again.\n");
  theirs = with(theirs, services_end,
                "  - id: S2\n    name: ID help for G2\n    goals:\n      - \"G2\"\n      - G1\n");
  RecordMerge result = merge(base_plan, ours, theirs);
  REQUIRE(result.clean);
  CHECK(result.text.find("  - id: G3\n    statement: Get a state ID, then G2 again.\n") !=
        std::string::npos);
  CHECK(result.text.find("  - id: S3\n    name: ID help for G2\n    goals:\n      - \"G3\"\n"
                         "      - G1\n") != std::string::npos);
  CHECK(result.text.find("  - id: S2\n    name: Banking help\n    goals: [G2]\n") !=
        std::string::npos);
  CHECK(result.renumbered.size() == 2);
}

TEST_CASE("merge: two goals sharing lines are copied whole, not interleaved line by line") {
  std::string ours = with(base_plan, goal_end,
                          "  - id: G2\n    statement: Open a bank account.\n    status: active\n");
  std::string theirs =
      with(base_plan, goal_end, "  - id: G2\n    statement: Get a state ID.\n    status: active\n");
  theirs = with(theirs, "name: HSE tutoring\n", "    provider: Bronx Adult Learning Center\n");
  RecordMerge result = merge(base_plan, ours, theirs);
  REQUIRE(result.clean);
  std::string expected =
      with(base_plan, goal_end,
           "  - id: G2\n    statement: Open a bank account.\n    status: active\n"
           "  - id: G3\n    statement: Get a state ID.\n    status: active\n");
  CHECK(result.text ==
        with(expected, "name: HSE tutoring\n", "    provider: Bronx Adult Learning Center\n"));
}

TEST_CASE("merge: one copy edits a scalar, the other appends a goal") {
  std::string ours = base_plan;
  ours.replace(ours.find("2026-11-02"), 10, "2026-11-05");
  std::string theirs = with(base_plan, goal_end, "  - id: G2\n    statement: Get a state ID.\n");
  RecordMerge result = merge(base_plan, ours, theirs);
  REQUIRE(result.clean);
  CHECK(result.renumbered.empty());
  CHECK(same_tree(tree(result.text),
                  tree(with(ours, goal_end, "  - id: G2\n    statement: Get a state ID.\n"))));
}

TEST_CASE("merge: both copies change the same scalar differently: git's conflict text") {
  std::string ours = base_plan, theirs = base_plan;
  ours.replace(ours.find("2026-11-02"), 10, "2026-11-05");
  theirs.replace(theirs.find("2026-11-02"), 10, "2026-11-06");
  RecordMerge result = merge(base_plan, ours, theirs);
  CHECK_FALSE(result.clean);
  CHECK(result.text.find("<<<<<<< ours\ncreated: 2026-11-05\n=======\ncreated: 2026-11-06\n"
                         ">>>>>>> theirs\n") != std::string::npos);
}

TEST_CASE("merge: both copies add a step to a referral's statuses: both kept") {
  const std::string referral =
      "referrals:\n  - id: R1\n    to: Legal Aid\n    date: 2026-11-03\n    statuses:\n"
      "      - status: accepted\n        date: 2026-11-04\n";
  std::string base = base_plan + referral;
  std::string ours = base + "      - status: no-show\n        date: 2026-11-10\n";
  std::string theirs =
      base + "      - status: made\n        date: 2026-11-08\n        note: Again\n";
  RecordMerge result = merge(base, ours, theirs);
  REQUIRE(result.clean);
  CHECK(result.text == base + "      - status: no-show\n        date: 2026-11-10\n" +
                           "      - status: made\n        date: 2026-11-08\n        note: Again\n");
  SUBCASE("the same step on both sides is kept once") {
    CHECK(merge(base, ours, ours).text == ours);
  }
  SUBCASE("near-miss: a common step changed on one side is git's conflict") {
    std::string changed = theirs;
    changed.replace(changed.find("accepted"), 8, "declined");
    CHECK_FALSE(merge(base, ours, changed).clean);
  }
}

TEST_CASE("merge: identical additions on both sides are kept once, not renumbered") {
  std::string both = with(base_plan, goal_end, "  - id: G2\n    statement: Get a state ID.\n");
  RecordMerge result = merge(base_plan, both, both);
  REQUIRE(result.clean);
  CHECK(result.text == both);
  CHECK(result.renumbered.empty());
}

TEST_CASE("merge: a version that is not YAML is an error, so the driver falls back to git") {
  std::string theirs = std::string(base_plan) + "  - [unclosed\n";
  CHECK_THROWS_AS(merge(base_plan, base_plan, theirs), Error);
}

TEST_CASE("merge: a need both copies added to client.yaml stays a conflict") {
  std::string base = "id: ana\nassessment:\n  needs:\n    - id: N1\n      description: Housing\n";
  std::string ours = base + "    - id: N2\n      description: Food\n";
  std::string theirs = base + "    - id: N2\n      description: Childcare\n";
  testing::TempFolder scratch;
  TextMerger merger = [&](const std::string& o, const std::string& b, const std::string& t,
                          bool take_both) {
    return git_merge_file(scratch.path(), o, b, t, take_both);
  };
  RecordMerge result = merge_record(FileKind::client, base, ours, theirs, merger);
  CHECK_FALSE(result.clean);
  CHECK(result.renumbered.empty());
  CHECK(result.text.find("<<<<<<< ours") != std::string::npos);
}

TEST_CASE("merge_trees: lists of items merge by id; removal against a change conflicts") {
  YamlNode base = tree("goals:\n  - {id: G1, s: a}\n  - {id: G2, s: b}\n");
  YamlNode ours = tree("goals:\n  - {id: G1, s: changed}\n  - {id: G2, s: b}\n");
  YamlNode theirs = tree("goals:\n  - {id: G1, s: a}\n");
  auto merged = merge_trees(&base, ours, theirs);
  REQUIRE(merged);
  CHECK(same_tree(*merged, tree("goals:\n  - {id: G1, s: changed}\n")));
  YamlNode changed_removed = tree("goals:\n  - {id: G1, s: a}\n  - {id: G2, s: other}\n");
  CHECK_FALSE(merge_trees(&base, changed_removed, theirs));
}

TEST_CASE("merge_trees: lists without ids merge only when one side changed them") {
  YamlNode base = tree("words: [a]\n");
  CHECK_FALSE(merge_trees(&base, tree("words: [a, b]\n"), tree("words: [a, c]\n")));
  auto merged = merge_trees(&base, tree("words: [a, b]\n"), base);
  REQUIRE(merged);
  CHECK(same_tree(*merged, tree("words: [a, b]\n")));
}

TEST_CASE("same_tree: key order and quoting do not matter, list order does") {
  CHECK(same_tree(tree("a: 1\nb: '2'\n"), tree("b: 2\na: 1\n")));
  CHECK_FALSE(same_tree(tree("a: [1, 2]\n"), tree("a: [2, 1]\n")));
}

TEST_CASE("mergeable_kind: only a client's plan.yaml and client.yaml") {
  CHECK(mergeable_kind("clients/ana-ruiz/plan.yaml") == FileKind::plan);
  CHECK(mergeable_kind("caseload/clients/ana-ruiz/client.yaml") == FileKind::client);
  CHECK_FALSE(mergeable_kind("clients/ana-ruiz/notes/2026-11-20-1430-phone.yaml"));
  CHECK_FALSE(mergeable_kind("casekit.yaml"));
  CHECK_FALSE(mergeable_kind("clients/../plan.yaml"));
}
