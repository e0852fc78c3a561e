// Assessment rules (src/check/rules_assessment.cpp) on needs as case
// workers write them, each starting from the exemplary record.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

const char* const kImmediate = "assessment/immediate-needs";

// Marcus's record with one more open need, N6, and nothing on the plan for it.
std::size_t immediate_findings(const char* domain, const char* description) {
  Record record;
  record.append(kClient, {"assessment", "needs"}, open_need("N6", domain, description));
  return record.findings().count(kImmediate);
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("rule assessment/immediate-needs: immediate needs beyond the domain safety") {
    const char* const kImmediateNeeds[][2] = {
        {"family", "His partner has hit him twice this month and he is afraid to go home."},
        {"domestic violence", "Ex-partner keeps coming to his sister's apartment."},
        {"DV", "Reported that his girlfriend's brother threatened him."},
        {"relationships", "Experiencing domestic abuse from his partner."},
        {"housing", "Being evicted on 2026-12-05; the marshal's notice is on the door."},
        {"housing", "His aunt kicked him out; he has nowhere to stay tonight."},
        {"housing", "Homeless since Monday, sleeping in his car."},
        {"food", "No food at home since Tuesday; the family is skipping meals."},
        {"health", "Ran out of insulin and cannot pay for the refill."},
        {"mental health", "Said he has had suicidal thoughts this week."},
        {"mental health", "Told me he thought about killing himself."},
        {"health", "Went to the emergency room on 2026-11-18 after a seizure."},
    };
    for (const auto& need : kImmediateNeeds)
      CHECK_MESSAGE(immediate_findings(need[0], need[1]) == 1, need[0] << ": " << need[1]);
  }

  // Near-misses: the same words in a harmless sense, or a need that can wait.
  TEST_CASE("rule assessment/immediate-needs: needs that can wait for the plan") {
    const char* const kOrdinaryNeeds[][2] = {
        {"employment", "Needs safety boots for the warehouse job."},
        {"employment", "Needs a food safety certificate for the kitchen job."},
        {"housing", "Wants to move closer to school; his housing is stable."},
        {"food", "Wants to learn to cook on a budget."},
        {"health", "History of substance abuse; in recovery for two years."},
        {"education", "Needs to hit the target score on the math practice test."},
    };
    for (const auto& need : kOrdinaryNeeds)
      CHECK_MESSAGE(immediate_findings(need[0], need[1]) == 0, need[0] << ": " << need[1]);
  }

  TEST_CASE("rule assessment/immediate-needs: a referral or service for it") {
    Record record;
    record.append(kClient, {"assessment", "needs"},
                  open_need("N6", "family", "Experiencing domestic violence at home."));
    Diagnostic d = record.finding(kImmediate);
    CHECK(d.message.find("domestic violence") != std::string::npos);
    SUBCASE("a referral") {
      YamlNode referral = YamlNode::mapping();
      referral.set("id", YamlNode::scalar("R4"));
      referral.set("to", YamlNode::scalar("Safe Horizon hotline"));
      referral.set("needs", list_of({"N6"}));
      referral.set("shares_information", YamlNode::scalar("false"));
      record.append(kPlan, {"referrals"}, referral);
      CHECK(record.findings().count(kImmediate) == 0);
    }
    SUBCASE("a service") {
      record.append(kPlan, {"services", S1, "needs"}, YamlNode::scalar("N6"));
      CHECK(record.findings().count(kImmediate) == 0);
    }
    SUBCASE("met") {
      record.set(kClient, {"assessment", "needs", std::size_t{5}, "status"}, "met");
      CHECK(record.findings().count(kImmediate) == 0);
    }
  }
}  // TEST_SUITE("rules")
