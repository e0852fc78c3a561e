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

  TEST_CASE("rule assessment/demographics: date of birth, language, a way to reach the client") {
    const char* const kDemographics = "assessment/demographics";
    SUBCASE("no language anywhere") {
      Record record;
      record.remove(kClient, {"language"});
      record.set(kClient, {"assessment", "language"}, "n/a");
      CHECK(record.findings().count(kDemographics) == 1);
      CHECK(record.finding(kDemographics).message.find("language") != std::string::npos);
    }
    SUBCASE("the assessment's language is the client's") {
      Record record;
      record.remove(kClient, {"language"});
      CHECK(record.findings().count(kDemographics) == 0);
    }
    SUBCASE("an interpreter on record tells the client's language") {
      Record record;
      record.remove(kClient, {"language"});
      record.set(kClient, {"assessment", "language"}, "n/a");
      record.set(kClient, {"assessment", "interpreter"}, "Spanish, Language Line by phone");
      CHECK(record.findings().count(kDemographics) == 0);
      record.set(kClient, {"assessment", "interpreter"}, "none");
      CHECK(record.findings().count(kDemographics) == 1);
    }
    SUBCASE("no way to reach the client") {
      Record record;
      record.remove(kClient, {"contact"});
      CHECK(record.findings().count(kDemographics) == 1);
    }
    SUBCASE("a phone alone is a way to reach a client without a home") {
      Record record;
      record.remove(kClient, {"contact", "address"});
      record.remove(kClient, {"contact", "email"});
      CHECK(record.findings().count(kDemographics) == 0);
    }
    SUBCASE("an address of \"unknown\" records none") {
      Record record;
      record.remove(kClient, {"contact", "phone"});
      record.remove(kClient, {"contact", "email"});
      record.set(kClient, {"contact", "address"}, "Unknown");
      CHECK(record.findings().count(kDemographics) == 1);
    }
    SUBCASE("a date of birth after today (a typo for 2003)") {
      Record record;
      record.set(kClient, {"date_of_birth"}, "2030-03-14");
      CHECK(record.finding(kDemographics)
                .message.find("the date of birth 2030-03-14 is after today") == 0);
    }
    SUBCASE("a date of birth more than 120 years back") {
      Record record;
      record.set(kClient, {"date_of_birth"}, "1904-03-14");
      CHECK(record.finding(kDemographics).message ==
            "the date of birth 1904-03-14 is more than 120 years ago");
    }
    SUBCASE("an elder's date of birth is plausible") {
      Record record;
      record.set(kClient, {"date_of_birth"}, "1931-03-14");
      CHECK(record.findings().count(kDemographics) == 0);
    }
    SUBCASE("everything missing is one finding naming each") {
      Record record;
      record.remove(kClient, {"date_of_birth"});
      record.remove(kClient, {"contact"});
      CHECK(record.finding(kDemographics).message ==
            "the client's basic demographic information is missing: date of birth; address, "
            "phone or email");
      CHECK(record.finding(kDemographics).hint ==
            "ask the client and add `date_of_birth:` and a `contact:` address, phone or email "
            "with `casekit edit marcus-jones`");
    }
  }

  TEST_CASE("rule assessment/screening: five topics under the Oregon profiles") {
    const char* const kScreening = "assessment/screening";
    auto screening = [](const char* topic, const char* key, const char* value) {
      YamlNode s = YamlNode::mapping();
      s.set("topic", YamlNode::scalar(topic));
      s.set(key, YamlNode::scalar(value));
      return s;
    };
    const char* kReason = "Did not want to talk about home today; offered again at the review.";
    auto screened = [&](Record& record, bool physical_health = true,
                        const char* declined = nullptr) {
      YamlNode list = YamlNode::sequence();
      list.items.push_back(screening("alcohol-drug", "date", "2026-09-10"));
      list.items.push_back(screening("mental-health", "result", "No concerns reported."));
      list.items.push_back(
          screening("domestic-violence", "declined", declined ? declined : kReason));
      list.items.push_back(screening("learning", "date", "2026-09-10"));
      if (physical_health) list.items.push_back(screening("physical-health", "date", "2026-09-10"));
      record.set(kClient, {"assessment", "screenings"}, list);
    };
    // Every topic screened, domestic violence as `dv` says.
    auto with_dv = [&](Record& record, const YamlNode& dv) {
      YamlNode list = YamlNode::sequence();
      for (const char* topic : {"alcohol-drug", "mental-health", "learning", "physical-health"})
        list.items.push_back(screening(topic, "date", "2026-09-10"));
      list.items.push_back(dv);
      record.set(kClient, {"profile"}, "oregon-jobs");
      record.set(kClient, {"assessment", "screenings"}, list);
    };
    SUBCASE("off for a DYCD program") {
      Record record;
      record.remove(kClient, {"assessment", "screenings"});
      CHECK(record.findings().count(kScreening) == 0);
    }
    SUBCASE("a TA-DVS client with none") {
      Record record;
      record.set(kClient, {"profile"}, "ta-dvs");
      CHECK(record.findings().count(kScreening) == 0);  // Marcus was screened
      record.remove(kClient, {"assessment", "screenings"});
      CHECK(record.findings().count(kScreening) == 1);
    }
    SUBCASE("each topic screened or declined with a reason") {
      Record record;
      record.set(kClient, {"profile"}, "oregon-jobs");
      screened(record);
      CHECK(record.findings().count(kScreening) == 0);
    }
    SUBCASE("a topic left out, and one declined with no reason") {
      Record record;
      record.set(kClient, {"profile"}, "oregon-jobs");
      screened(record, false, "Declined.");
      CHECK(record.finding(kScreening).message ==
            "no screening is recorded for domestic violence, physical health");
    }
    // A result that says the screening was not done is a decline, and
    // needs the client's reason as much as `declined:` does.
    SUBCASE("a result of 'Declined', with a date and no reason, is not a screening") {
      for (const char* result :
           {"Declined", "Client refused.", "not screened", "Deferred", "She declined"}) {
        CAPTURE(result);
        Record record;
        YamlNode dv = screening("domestic-violence", "result", result);
        dv.set("date", YamlNode::scalar("2026-09-10"));
        with_dv(record, dv);
        CHECK(record.finding(kScreening).message ==
              "no screening is recorded for domestic violence");
      }
    }
    SUBCASE("a declined result with its reason, or a result that is not a decline") {
      for (const char* result :
           {"Declined: not ready to talk about home with her mother in the room",
            "Client refused, says she will talk about it at the next meeting",
            "Declines reported; no concerns", "Denied any concerns", "No risk identified",
            "Refused services elsewhere in 2024, screened negative today"}) {
        CAPTURE(result);
        Record record;
        with_dv(record, screening("domestic-violence", "result", result));
        CHECK(record.findings().count(kScreening) == 0);
      }
    }
    SUBCASE("a folder of another program turns it on in casekit.yaml") {
      Record record;
      record.replace(kSettings, "profile: dycd\n",
                     "profile: dycd\nrules:\n  assessment/screening: warning\n");
      record.remove(kClient, {"assessment", "screenings"});
      CHECK(record.findings().count(kScreening) == 1);
    }
  }
}  // TEST_SUITE("rules")
