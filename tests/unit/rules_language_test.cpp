// The writing rules (src/check/rules_language.cpp, src/data/words.yaml) on
// sentences a case worker writes in a progress note: the flagged wording,
// the fix, and the near miss that must stay silent. Each starts from
// Marcus Jones's exemplary record.
#include <doctest/doctest.h>

#include <string>

#include "rule_record.hpp"

using namespace casekit;
using namespace casekit::testing;

namespace {

// How often `rule` fires when the latest note's objective starts with
// `sentence` (the rest of the note is the exemplary one).
std::size_t in_note(const char* rule, const std::string& sentence) {
  Record r;
  r.replace(kNote, "Met with Marcus for 45 minutes", sentence + " Met with Marcus for 45 minutes");
  return r.findings().count(rule);
}

void fires(const char* rule, std::initializer_list<const char*> sentences) {
  for (const char* sentence : sentences) {
    std::string text = sentence;
    CAPTURE(text);
    CHECK(in_note(rule, sentence) >= 1);
  }
}

void silent(const char* rule, std::initializer_list<const char*> sentences) {
  for (const char* sentence : sentences) {
    std::string text = sentence;
    CAPTURE(text);
    CHECK(in_note(rule, sentence) == 0);
  }
}

}  // namespace

TEST_SUITE("rules") {
  TEST_CASE("language/label: labels, blaming phrases and diagnoses used as labels") {
    fires("language/label", {
                                "Marcus was difficult during the session.",
                                "He has been very difficult with front desk staff.",
                                "A difficult client today.",
                                "He was hostile when asked about his court date.",
                                "Staff at the clinic describe him as drug-seeking.",
                                "He is bipolar and was yelling.",
                                "His brother is a schizophrenic.",
                                "Marcus is ADHD and could not sit still.",
                                "He refuses to sign the release.",
                                "Marcus is non-compliant with his plan.",
                                "He would not cooperate with the intake worker.",
                                "She is manipulative.",
                            });
    silent("language/label", {
                                 "Marcus finds it difficult to get to classes without a MetroCard.",
                                 "The paperwork was difficult, so we completed it together.",
                                 "It has been difficult for him to reach the landlord.",
                                 "He was diagnosed with bipolar disorder by Dr. Lee in 2024.",
                                 "He was diagnosed with ADHD by his pediatrician in 2012.",
                                 "He takes his ADHD medication every morning.",
                                 "He left a hostile work environment in 2025.",
                             });
  }

  TEST_CASE("language/label: scare quotes are the worker's words; a client's quote is exempt") {
    fires("language/label", {
                                "He was \"difficult\" at the front desk.",
                                "Marcus was \u201chostile\u201d when we met.",
                                "He is \"non-compliant\" with the plan.",
                            });
    silent("language/label", {
                                 "Marcus said, \"I was difficult with my mom when I was 15.\"",
                                 "\"My brother says I'm difficult,\" Marcus said.",
                                 "Marcus described himself as \"hostile\" when he was younger.",
                             });
  }

  TEST_CASE("language/*: a goal's responsible: and a milestone's who: are read too") {
    Record r;
    r.set(kPlan, {"short_term_goals", G1, "responsible"},
          "Marcus (unless he is difficult); Alicia Moreno");
    CHECK(r.findings().count("language/label") == 1);
    Record who;
    who.set(kPlan, {"short_term_goals", G1, "milestones", std::size_t{2}, "who"},
            "Marcus and me gonna do it");
    CHECK(who.findings().count("language/slang") == 1);
  }

  TEST_CASE("language/slang: casual speech in its inflections") {
    fires("language/slang", {
                                "Marcus was chillin at his sister's place.",
                                "He freaked out when the judge called his name.",
                                "He is freaking out about the hearing.",
                                "Marcus lost it at the landlord.",
                                "His ex messed up the visit schedule.",
                                "He was stoked about the interview.",
                            });
    silent("language/slang", {
                                 "Marcus was relaxing at his sister's apartment.",
                                 "He became upset when the judge called his name.",
                                 "The eviction notice had a chilling effect on the tenants.",
                             });
  }

  TEST_CASE("language/over-promise: promising an outcome the worker does not control") {
    fires("language/over-promise", {
                                       "We will get him a job by March.",
                                       "I'll find her an apartment before the holidays.",
                                       "We'll get them housed by January.",
                                       "I will get you approved for SNAP.",
                                   });
    silent("language/over-promise", {
                                        "I will research job openings and refer him by March.",
                                        "Marcus will get a job of at least 20 hours a week.",
                                        "We will get back to him about the open house.",
                                    });
  }

  TEST_CASE("language/grammar: the common errors of case notes, and their fixes") {
    fires("language/grammar", {
                                  "Marcus and me goes over the resume.",
                                  "Keisha and me met at the school.",
                                  "He don't have a printer.",
                                  "They was late to the hearing.",
                                  "We was able to reach the landlord.",
                                  "He could of applied sooner.",
                                  "He should have went to the clinic.",
                                  "There is several openings at the store.",
                                  "More then half of his applications were online.",
                                  "We reviewed the the budget.",
                              });
    silent("language/grammar", {
                                   "Marcus and I went over the resume.",
                                   "He gave the form to Keisha and me.",
                                   "He does not have a printer.",
                                   "They were late to the hearing.",
                                   "He could have applied sooner.",
                                   "He should have gone to the clinic.",
                                   "There are several openings at the store.",
                                   "He had had the form since May.",
                                   "He said that that was the last one.",
                                   "If he were working, he could pay.",
                               });
  }

  TEST_CASE("language/grammar: discus is a word, but not the one meant") {
    fires("language/grammar",
          {"We met to discus his resume.", "Will discus the budget with Keisha."});
    silent("language/grammar", {"We met to discuss his resume.", "He threw the discus in 2019."});
  }

  TEST_CASE("language/spelling: the dictionary variant is a setting (casekit.yaml spelling:)") {
    std::unique_ptr<Speller> us = Speller::open_default("en_US"),
                             gb = Speller::open_default("en_GB");
    if (!us || !gb) {
      MESSAGE("hunspell-en-gb or hunspell-en-us is not installed: not tested here");
      return;
    }
    CHECK_FALSE(us->correct("centre"));  // en_US, the default
    CHECK(gb->correct("centre"));
    CHECK(us->correct("center"));
    // check reads the setting: Marcus's record, in US spelling, is clean
    // under en_US and has words en_GB spells otherwise.
    Record r;
    r.set(kSettings, {"spelling"}, "en_US");
    CHECK(r.rules() == "(none)");
    r.set(kSettings, {"spelling"}, "en_GB");
    CHECK(r.rules() == "language/spelling");
  }
}
