#include "record/coaching.hpp"

#include <doctest/doctest.h>

#include <set>

#include "findings/rule_catalogue.hpp"

using namespace casekit;

TEST_CASE("coaching: the three checklists of seed 001, in its order, with its judgement items") {
  const auto& lists = coaching_checklists();
  REQUIRE(lists.size() == 3);
  CHECK(lists[0].id == "initial-assessment");
  CHECK(lists[1].id == "isp-short-term-goal");
  CHECK(lists[2].id == "progress-note");
  const CoachingChecklist* goal = find_coaching_checklist("isp-short-term-goal");
  REQUIRE(goal != nullptr);
  CHECK(goal->items.size() == 10);
  CHECK(goal->find("achievable")->judgement);
  CHECK(goal->find("realistic")->judgement);
  CHECK_FALSE(goal->find("specific")->judgement);
  CHECK(goal->find("specific")->rules == std::vector<std::string>{"goal/specific"});
  CHECK(find_coaching_checklist("initial-assessment")->find("whole-person")->judgement);
  CHECK(find_coaching_checklist("initial-assessment")->find("culturally-competent")->judgement);
  CHECK(find_coaching_checklist("service-plan") == nullptr);
  CHECK(coaching_tips().size() == 10);
  CHECK(coaching_tips()[5] == "Start with a positive statement.");
}

TEST_CASE("coaching: every item has an id once, words, and rules that exist or is a judgement") {
  for (const auto& list : coaching_checklists()) {
    std::set<std::string> ids;
    for (const auto& item : list.items) {
      CAPTURE(item.id);
      CHECK(ids.insert(item.id).second);
      CHECK_FALSE(item.text.empty());
      CHECK((item.judgement || !item.rules.empty()));
      for (const auto& rule : item.rules) CHECK_MESSAGE(find_rule(rule) != nullptr, rule);
    }
  }
}
