// The table of rule groups against the rule catalogue: every rule of
// src/data/rules.yaml belongs to a group, and every group has rules.
#include "check/rule_groups.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "findings/rule_catalogue.hpp"

using namespace casekit;

TEST_CASE("rule groups: every rule's checklist is a row of the table") {
  REQUIRE(!rule_catalogue().empty());
  for (const RuleInfo& rule : rule_catalogue())
    CHECK_MESSAGE(find_rule_group(rule.checklist) != nullptr,
                  rule.id << " names the checklist '" << rule.checklist
                          << "', which rule_groups.cpp does not have");
}

TEST_CASE("rule groups: every row has rules, and only structure runs none of its own") {
  std::set<std::string> checklists;
  for (const RuleInfo& rule : rule_catalogue()) checklists.insert(rule.checklist);
  for (const RuleGroup& group : rule_groups()) {
    CHECK_MESSAGE(checklists.count(std::string(group.checklist)) == 1,
                  "no rule in rules.yaml for the checklist " << group.checklist);
    CHECK(static_cast<bool>(group.applies));
    CHECK(!group.title.empty());
    bool runs_nothing = group.run == nullptr;
    CHECK(runs_nothing == (group.checklist == "structure"));
  }
  CHECK(rule_groups().front().checklist == "structure");
  CHECK(find_rule_group("no-such-checklist") == nullptr);
}
