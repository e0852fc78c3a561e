// The case record as value types, read from validated files. Optional
// dates are empty when the key is absent; strings are empty when absent.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"
#include "record/disclosures.hpp"

namespace casekit {

using Strings = std::vector<std::string>;

struct Need {
  std::string id, domain, description, status = "open";
  std::optional<Date> identified, met_on;
  bool emergent = false;
  std::optional<bool> in_scope;
  Location where;
};

struct Consent {
  std::string partner;
  Strings scope;
  std::optional<Date> signed_on, expires, revoked;
  Location where;
  Strings shares = {};   // contact, assessment, plan, notes, documents
  std::string document;  // the release's scan among the documents (D1), if attached
};

// A file kept in clients/<id>/documents/ (casekit attach): a signed plan,
// a release, proof of eligibility, an agency form.
struct ClientDocument {
  std::string id, kind, file, note;  // kind: signed-plan release eligibility form other
  std::optional<Date> date;
  std::uintmax_t bytes = 0;
  std::string sha256;  // "sha256:" and 64 hex digits
  Location where;
};

// 004: screening "for specific issues such as alcohol and drug (A&D),
// mental health, domestic violence, learning needs and physical health".
struct Screening {
  std::string topic, result, declined;
  std::optional<Date> date;
  Location where;
};

struct Assessment {
  bool present = false;
  std::optional<Date> date;
  std::string language, interpreter, background, readiness, eligibility_basis;
  Strings methods, strengths, resources, challenges, barriers, client_words;
  std::vector<Need> needs;
  std::vector<Screening> screenings;
  std::map<std::string, std::string> basic_needs;
  std::optional<bool> eligible;
};

// A contact after exit that the program asks for (closure.follow_ups).
struct FollowUp {
  std::optional<Date> due, done;
  std::string result;
  Location where;
};

struct Closure {
  bool present = false;
  std::optional<Date> date;
  std::string reason, summary;
  std::string exit_plan = {}, releases = {};  // releases: ended, kept or empty
  std::vector<FollowUp> follow_ups = {};
};

// One episode of care: from an opening (the first, or a reopening with its
// reason) to its closure, when it is closed.
struct Episode {
  std::optional<Date> opened;
  std::string reopen_reason;
  Closure closure;
  Location where;
};

struct Client {
  std::string id, name, preferred_name, pronouns, language, case_manager, status;
  std::string phone, email, address;
  std::string profile;  // the program the client is enrolled in, when not the folder's
  std::optional<Date> date_of_birth, opened;
  Assessment assessment;
  std::vector<Consent> consents;
  std::vector<ClientDocument> documents;
  Closure closure;
  Location where;
  std::string reopen_reason = {};                    // why the current episode was opened again
  std::vector<Episode> episodes = {};                // earlier episodes, oldest first
  std::vector<Assessment> earlier_assessments = {};  // oldest first; `assessment` is the latest

  // Every episode, oldest first, the current one last.
  std::vector<Episode> all_episodes() const;
};

struct Milestone {
  std::string step, who;
  std::optional<Date> due, done;
};

struct Measure {
  std::optional<double> baseline, target;
  std::string unit;
};

struct LongTermGoal {
  std::string id, statement, client_words;
  Location where;
};

struct ShortTermGoal {
  std::string id, statement, long_term, frequency, duration, methods, responsible, program_outcome,
      status = "active";
  Strings needs, strengths_used;
  std::optional<Measure> measure;
  std::optional<Date> target_date, status_date;
  std::vector<Milestone> milestones;
  Location where;
};

struct Service {
  std::string id, name, provider, status = "planned";
  Strings needs, goals;
  std::optional<Date> start, end;
  Location where;
};

// One step of a referral's life: made, accepted, declined, attended,
// no-show or closed, on a date.
struct ReferralStatus {
  std::string status, note;
  std::optional<Date> date;
  Location where;
};

struct Referral {
  std::string id, to, outcome;
  Strings needs;
  std::optional<Date> consent, date;
  Location where;
  // False when nothing about the client goes to the partner (the client
  // is given a food pantry's address: `shares: none`, or the older
  // `shares_information: false`): no release is needed then.
  bool shares_information = true;
  // The partner of the release it relies on, as client.yaml writes it;
  // empty in records that name the release by its signing date (`consent`).
  std::string release = {};
  std::vector<ReferralStatus> statuses = {};  // oldest first, as recorded

  // Its latest step by date (the last of that day as listed), or null. A
  // merge of two copies can list a step after a later one.
  const ReferralStatus* last_step() const;
  // Where the referral stands: its latest step's status, else "made" when
  // it has a date, else "".
  std::string status() const;
  // Whether anything came of it yet: an outcome in words, or a status
  // beyond "made".
  bool answered() const;
  // The day of its latest step, else the day it was made.
  std::optional<Date> last_change() const;
};

struct Signature {
  bool present = false;
  std::string name, declined;
  std::optional<Date> date;
  std::string digest;  // of the plan as signed (plan_digest.hpp); empty in older records
};

struct Plan {
  std::optional<Date> created, reviewed, next_review;
  std::vector<LongTermGoal> long_term_goals;
  std::vector<ShortTermGoal> short_term_goals;
  std::vector<Service> services;
  std::vector<Referral> referrals;
  Strings accommodations;
  Signature client_signature, case_manager_signature;
  std::string exit_plan;
  Location where;

  // When the next review is due: next_review, unless it is not after the
  // last review (it was set before that review); else the last review (or
  // creation) plus the program's review interval.
  std::optional<Date> review_due(int plan_review_days) const;
};

struct NextStep {
  std::string step, who;
  std::optional<Date> by;
};

struct Note {
  std::string file_name;  // 2026-11-20-1430-in-person.yaml
  Date date;
  std::string time, author, contact, location, event, service;
  std::optional<Date> written;
  Strings goals, needs;
  std::string strengths, objective, assessment, data;
  std::map<std::string, double> measures;  // a goal's measure seen at this contact
  std::vector<NextStep> plan;
  Strings client_steps, worker_steps;
  Location where;
};

struct ClientRecord {
  Client client;
  std::optional<Plan> plan;
  std::vector<Note> notes;  // oldest first
  // The accounting of disclosures (disclosures.hpp); an export for a
  // partner or a redacted one leaves it out.
  std::vector<Disclosure> disclosures;

  const Note* last_contact()
      const;  // latest contact with the client (not collateral, not an attempt)
  // The release a referral relies on: signed on its consent date, for its
  // partner if several were signed that day; null when there is none.
  const Consent* consent_for(const Referral& referral) const;
};

}  // namespace casekit
