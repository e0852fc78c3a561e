#include "findings/rule_catalogue.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

// The lines under "Sources:" in a rule's explanation.
std::string sources_of(const std::string& explanation) {
  auto start = explanation.find("\nSources:\n");
  REQUIRE(start != std::string::npos);
  start += 10;
  return explanation.substr(start, explanation.find("\n\n", start) - start);
}

}  // namespace

// --explain is read by workers who do not have the desk guides' files:
// every number a rule cites must come with the document's title.
TEST_CASE("rule catalogue: every rule's explanation names the documents it quotes by title") {
  for (const auto& rule : rule_catalogue()) {
    CAPTURE(rule.id);
    std::string sources = sources_of(explain_rule(rule));
    CHECK_FALSE(sources.empty());
    for (const char* number : {"000", "001", "002", "003", "004"})
      if (rule.source.find(std::string(number) + ":") != std::string::npos)
        CHECK(sources.find(std::string("    ") + number + "  ") != std::string::npos);
    CHECK(explain_rule(rule).find("shared/seeds") == std::string::npos);
  }
}

TEST_CASE("rule catalogue: a rule quoting two guides lists both, in order") {
  const RuleInfo* rule = find_rule("goal/measurable");
  REQUIRE(rule != nullptr);
  CHECK(sources_of(explain_rule(*rule)) ==
        "    000  Case Management Standards Desk Guide (NYC DYCD-funded programs)\n"
        "    001  Case Management Standards Desk Guide (MHA-NYC edition) with the Coaching Tool "
        "for Program Managers");
}
