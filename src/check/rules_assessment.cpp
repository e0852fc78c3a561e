// Initial assessment rules: the coaching checklist for the initial
// assessment (seed 001) and the components of a written assessment
// (seeds 000, 003, 004). See src/data/rules.yaml for each rule's source.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "base/embedded.hpp"
#include "check/blank_text.hpp"
#include "check/check.hpp"
#include "check/rule_groups.hpp"
#include "check/rule_text.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

const char* const kBasicNeeds[] = {"housing", "food",   "income",   "transportation",
                                   "health",  "safety", "childcare"};

void check_language_and_sections(RuleContext& ctx, const Assessment& a) {
  const Client& c = ctx.record.client;
  auto where = [&](const char* key) { return ctx.at(ctx.files.client, {"assessment", key}); };
  if (is_blank(a.language)) {
    ctx.report(
        "assessment/language", where("language"),
        "the assessment does not say which language it was conducted in",
        fmt::format(
            "add `language:` under assessment{}",
            c.language.empty() ? "" : fmt::format("; {} is the client's language", c.language)));
  } else if (!c.language.empty() && !share_a_language(a.language, c.language) &&
             is_blank(a.interpreter)) {
    // An assessment "in Spanish and English" is in the language of a
    // Spanish speaker, and one in English is in a bilingual client's.
    ctx.report(
        "assessment/language", where("language"),
        fmt::format("the assessment was conducted in {} while the client speaks {}, and no "
                    "interpreter is recorded",
                    a.language, c.language),
        "add `interpreter:` with who interpreted, or redo the assessment in the client's language");
  }
  if (is_blank(a.strengths))
    ctx.report("assessment/strengths", where("strengths"),
               "no strengths are noted in the assessment",
               "ask \"What are you good at? What do you feel proud of?\" and list the answers "
               "under `strengths:`");
  if (is_blank(a.resources))
    ctx.report("assessment/resources", where("resources"),
               "no resources are identified (skills, other providers, support systems)",
               "ask \"Who are the people you can rely on?\" and list them under `resources:`");
  if (is_blank(a.background))
    ctx.report("assessment/history", where("background"),
               "the assessment has no background of the challenges",
               "ask \"How long have you been managing these challenges?\" and add a short "
               "history under `background:`");
  if (!a.eligible || is_blank(a.eligibility_basis))
    ctx.report("assessment/eligibility", where("eligibility"),
               "eligibility for the program is not determined, or its basis is not recorded",
               "add `eligibility: {eligible: true, basis: ...}`");
  if (is_blank(a.readiness))
    ctx.report("assessment/readiness", where("readiness"),
               "the client's willingness and readiness to engage is not recorded",
               "add `readiness:`, in the client's words where possible");
  if (is_blank(a.challenges))
    ctx.report("assessment/challenges", where("challenges"),
               "no challenges requiring services are identified", "list them under `challenges:`");
  if (is_blank(a.barriers))
    ctx.report("assessment/barriers", where("barriers"),
               "no barriers to the client's goals are identified",
               "list what stands in the way under `barriers:`");
}

void check_whole_person(RuleContext& ctx, const Assessment& a) {
  std::size_t problems = a.challenges.size() + a.barriers.size();
  std::size_t assets = a.strengths.size() + a.resources.size();
  Location where = ctx.at(ctx.files.client, {"assessment"});
  if (a.client_words.empty())
    ctx.report("assessment/whole-person", where,
               "the assessment has none of the client's own words about their hopes and goals",
               "ask \"What do you hope for in your future?\" and add a quote or two under "
               "`client_words:`");
  else if (problems > 2 * std::max<std::size_t>(assets, 1))
    ctx.report("assessment/whole-person", where,
               fmt::format("the assessment lists {} challenges and barriers and {} strengths and "
                           "resources: it describes the "
                           "presenting problem more than the whole person",
                           problems, assets),
               "add what the client is good at and who supports them");
}

void check_basic_needs(RuleContext& ctx, const Assessment& a) {
  std::vector<std::string> missing;
  for (const char* need : kBasicNeeds) {
    auto it = a.basic_needs.find(need);
    if (it == a.basic_needs.end() || it->second == "not-assessed") missing.push_back(need);
  }
  if (!missing.empty())
    ctx.report(
        "assessment/basic-needs", ctx.at(ctx.files.client, {"assessment", "basic_needs"}),
        fmt::format("basic needs not assessed: {}", fmt::join(missing, ", ")),
        "assess each one, even those the program does not serve: ok, need or not-applicable");
}

// A need is addressed when a service or referral on the plan names it.
bool has_service_or_referral(const ClientRecord& r, const std::string& need) {
  if (!r.plan) return false;
  auto names = [&](const Strings& needs) {
    return std::find(needs.begin(), needs.end(), need) != needs.end();
  };
  return std::any_of(r.plan->services.begin(), r.plan->services.end(),
                     [&](const Service& s) { return names(s.needs); }) ||
         std::any_of(r.plan->referrals.begin(), r.plan->referrals.end(),
                     [&](const Referral& x) { return names(x.needs); });
}

// What makes a need immediate, as the worker wrote it: the first phrase of
// the immediate-needs list in its domain or description (words.yaml), or
// the domain "safety". Empty when the need can wait for the plan.
std::string immediate_reason(const Need& need) {
  if (to_lower(need.domain) == "safety") return "safety";
  const WordList* list = find_word_list("assessment/immediate-needs");
  if (!list) return {};
  return first_phrase(need.domain + ". " + need.description, *list);
}

void check_immediate_needs(RuleContext& ctx, const Assessment& a) {
  bool safety_need_recorded = false;
  for (const auto& need : a.needs) {
    std::string reason = immediate_reason(need);
    if (reason.empty()) continue;
    safety_need_recorded = true;
    if (need.status == "open" && !has_service_or_referral(ctx.record, need.id))
      ctx.report("assessment/immediate-needs", need.where,
                 fmt::format("need {} is immediate (\"{}\") and no service or referral on the "
                             "plan addresses it",
                             need.id, reason),
                 fmt::format(
                     "add a referral or service for {} now, and make sure the client can follow up",
                     need.id));
  }
  auto safety = a.basic_needs.find("safety");
  if (safety != a.basic_needs.end() && safety->second == "need" && !safety_need_recorded)
    ctx.report("assessment/immediate-needs",
               ctx.at(ctx.files.client, {"assessment", "basic_needs", "safety"}),
               "safety is assessed as a need, and no safety need is recorded to act on",
               "add it with `casekit plan CLIENT add-need --domain safety --description TEXT` and "
               "a referral or service for it");
}

// A date of birth still to come, or more than 120 years back, is a typo
// ("2030" for "2003") that every age-based rule of the program would trust.
// Writes refuse it (edit/plausible.hpp) unless --force; this finds one
// written by hand or kept.
void check_birth_date(RuleContext& ctx, const Client& c) {
  if (!c.date_of_birth) return;
  if (auto problem = birth_date_problem(*c.date_of_birth, ctx.today))
    ctx.report("assessment/demographics", ctx.at(ctx.files.client, {"date_of_birth"}), *problem,
               "correct `date_of_birth:` to the date on the client's documents");
}

// 000, Components to Include in a Written Assessment: "Basic demographic
// information". Of what client.yaml holds, the basics are the client's age
// (the date of birth: programs serve an age group, as DYCD youth 16-24),
// the language they speak, and where they live or how to reach them (an
// address, a phone or an email: a client without a home still has one of
// them). Pronouns are the client's to share and are not asked for.
void check_demographics(RuleContext& ctx, const Assessment& a) {
  const Client& c = ctx.record.client;
  check_birth_date(ctx, c);
  std::vector<std::string> missing, keys;
  auto lacks = [&](bool absent, const char* what, const char* key) {
    if (!absent) return;
    missing.push_back(what);
    keys.push_back(key);
  };
  lacks(!c.date_of_birth, "date of birth", "date_of_birth");
  // An interpreter on record ("Spanish, by phone") tells the language too.
  lacks(
      records_nothing(c.language) && records_nothing(a.language) && records_nothing(a.interpreter),
      "language", "language");
  lacks(records_nothing(c.phone) && records_nothing(c.email) && records_nothing(c.address),
        "address, phone or email", "contact");
  if (missing.empty()) return;
  std::string add;
  for (const auto& key : keys)
    add += fmt::format(
        "{}{}",
        add.empty()            ? ""
        : &key == &keys.back() ? " and "
                               : ", ",
        key == "contact" ? "a `contact:` address, phone or email" : fmt::format("`{}:`", key));
  ctx.report(
      "assessment/demographics", ctx.at(ctx.files.client, {keys.front().c_str()}),
      fmt::format("the client's basic demographic information is missing: {}",
                  fmt::join(missing, "; ")),
      fmt::format("ask the client and add {} with `casekit edit {}`", add, ctx.record.client.id));
}

// 004: "screening for specific issues such as alcohol and drug (A&D),
// mental health, domestic violence, learning needs and physical health".
// A screening is recorded when it was done (a date or a result), or when
// the client declined it and the reason is written. Off outside the
// Oregon profiles (profiles.yaml).
// Whether a screening was done (a date or a result), or declined for a
// reason the client gave: "declined" or "no" says no why (004 asks to
// narrate the reason, as for a signature).
std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    words += letter && !in_word;
    in_word = letter;
  }
  return words;
}

// The words a result starts with when it says the screening was not done
// ("Declined", "Client refused; ..."), or 0.
std::size_t not_done_words(const std::string& result) {
  static const std::vector<std::string> phrases =
      parse_yaml(embedded_file("words.yaml"), "words.yaml").texts_at("screening_not_done");
  std::string lower = to_lower(result);
  for (const auto& phrase : phrases)
    if (lower.rfind(phrase, 0) == 0 &&
        (lower.size() == phrase.size() ||
         !std::isalpha(static_cast<unsigned char>(lower[phrase.size()]))))
      return word_count(phrase);
  return 0;
}

bool screened(const Screening& s) {
  std::size_t declined_in_result = not_done_words(s.result);
  // "Declined" with a date is still not a screening: it needs its reason.
  if (!declined_in_result && (s.date || !records_nothing(s.result))) return true;
  bool reason_in_result = declined_in_result && word_count(s.result) >= declined_in_result + 3;
  return reason_in_result || (word_count(s.declined) >= 3 && !records_nothing(s.declined));
}

void check_screenings(RuleContext& ctx, const Assessment& a) {
  static const std::pair<const char*, const char*> kTopics[] = {
      {"alcohol-drug", "alcohol and drug use (A&D)"},
      {"mental-health", "mental health"},
      {"domestic-violence", "domestic violence"},
      {"learning", "learning needs"},
      {"physical-health", "physical health"}};
  std::vector<std::string> missing;
  // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
  for (const auto& entry : kTopics) {
    const auto& topic = entry.first;
    if (std::none_of(a.screenings.begin(), a.screenings.end(),
                     [&](const Screening& s) { return s.topic == topic && screened(s); }))
      missing.push_back(entry.second);
  }
  if (missing.empty()) return;
  ctx.report("assessment/screening", ctx.at(ctx.files.client, {"assessment", "screenings"}),
             fmt::format("no screening is recorded for {}", fmt::join(missing, ", ")),
             "screen with the client and add each under `screenings:` with its topic, date and "
             "result, or write the reason the client gave under `declined:`");
}

}  // namespace

void check_assessment(RuleContext& ctx) {
  const Assessment& a = ctx.record.client.assessment;
  if (!a.present) {
    ctx.report("assessment/missing", ctx.record.client.where, "no initial assessment is recorded",
               fmt::format("assess with the client: `casekit edit {} assessment` opens client.yaml "
                           "with the desk guide's questions; add `assessment:` with the keys "
                           "listed in `man 5 casekit`",
                           ctx.record.client.id));
    return;
  }
  check_language_and_sections(ctx, a);
  check_whole_person(ctx, a);
  check_basic_needs(ctx, a);
  check_immediate_needs(ctx, a);
  check_demographics(ctx, a);
  check_screenings(ctx, a);
}

}  // namespace casekit
