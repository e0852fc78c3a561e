// One way to make a finding: its severity is always its rule's in the
// catalogue, and a subject travels with it.
#include "findings/finding_sink.hpp"

#include <doctest/doctest.h>

#include "findings/rule_catalogue.hpp"

using namespace casekit;

TEST_CASE("finding: the severity is the catalogue's, for every rule") {
  REQUIRE(!rule_catalogue().empty());
  for (const RuleInfo& rule : rule_catalogue()) {
    Diagnostic d = finding(rule.id, {"a.yaml", 3, 4}, "message", "hint");
    CHECK_MESSAGE(d.severity == rule.severity, rule.id);
    CHECK(d.rule == rule.id);
    CHECK(d.subject == Subject{});
  }
  CHECK(finding("format/note-name", {}, "m").severity == Severity::warning);
  CHECK(finding("format/parse", {}, "m").severity == Severity::error);
  CHECK(finding("language/spelling", {}, "m").severity == Severity::info);
}

TEST_CASE("finding sink: adds findings with their place, subject, message and hint") {
  std::vector<Diagnostic> out;
  FindingSink sink(out);
  sink.report("goal/time-framed", {"clients/a/plan.yaml", 20, 5}, {SubjectKind::goal, "G2"},
              "short-term goal G2 has no target date", "add `target_date: YYYY-MM-DD`");
  sink.report("format/unknown-file", {"clients/x", 0, 0}, "x is not a client folder");
  REQUIRE(out.size() == 2);
  CHECK(out[0].location.line == 20);
  CHECK(out[0].location.column == 5);
  CHECK(out[0].subject == Subject{SubjectKind::goal, "G2"});
  CHECK(out[0].severity == Severity::warning);
  CHECK(out[0].hint == "add `target_date: YYYY-MM-DD`");
  CHECK(out[1].subject.kind == SubjectKind::none);
  CHECK(out[1].hint.empty());
}

TEST_CASE("find_rule: every rule by its id, and nothing for another") {
  for (const RuleInfo& rule : rule_catalogue()) CHECK(find_rule(rule.id) == &rule);
  CHECK(find_rule("format/no-such-rule") == nullptr);
  CHECK(find_rule("") == nullptr);
}
