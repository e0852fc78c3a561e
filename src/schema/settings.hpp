// Program settings: casekit.yaml over the defaults of its profile, and the
// settings of a client enrolled in another program (a client's own
// `profile:`, as when one office runs JOBS and TA-DVS clients side by side).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/yaml_tree.hpp"

namespace casekit {

struct Settings {
  std::string program;
  std::string profile = "generic";
  int note_deadline_days = 2;
  int contact_interval_days = 30;
  int plan_review_days = 90;
  int plan_due_days = 30;
  int referral_follow_up_days = 30;
  bool client_signature_required = true;
  // The profile's `paper_signatures:`: a signed-plan document (casekit
  // attach) stands for the client's signature on the plan.
  bool paper_signatures = true;
  // casekit.yaml `document_max_mb:`: casekit attach refuses larger files.
  int document_max_mb = 20;
  // Months after exit when the program follows up a closed case (WIOA: for
  // 12 months): `close` records a follow-up due at each.
  std::vector<int> follow_up_months;
  std::vector<std::string> services, outcomes, dictionary;
  // The dictionary language/spelling reads: en_US, en_GB or en_CA
  // (casekit.yaml `spelling:`), as the program's workers spell.
  std::string spelling = "en_US";
  // Phrases the program adds to the writing rules' lists: rule -> phrases.
  std::map<std::string, std::vector<std::string>> extra_words;
  // rule id -> error|warning|info|off: casekit.yaml's `rules:` over the profile's.
  std::map<std::string, std::string> rules;
  // casekit.yaml `fhir_identifier_system:`, the URI the FHIR export names
  // its client ids with; empty: identifier_system() makes one.
  std::string fhir_identifier_system;
  bool git_commit = false;  // git: {commit: true}: each change is committed
  // What casekit.yaml itself says, apart from its profile: its day counts
  // (key -> days) belong to its own profile, its `rules:` to every client.
  std::map<std::string, int, std::less<>> folder_numbers;
  std::map<std::string, std::string> folder_rules;
};

// Settings from a validated casekit.yaml tree.
Settings read_settings(const YamlNode& root);
// The FHIR identifier system of the program's client ids: casekit.yaml's
// fhir_identifier_system, or urn:casekit:<program-slug>
// (urn:casekit:eastside-family-services), so two programs' ids stay apart.
std::string identifier_system(const Settings& settings);
// What is wrong with casekit.yaml's fhir_identifier_system, in a case
// worker's words, or "" when it is an absolute URI (a scheme, a colon,
// more) or not set. check reports it; the FHIR export refuses it.
std::string identifier_system_problem(const Settings& settings);
// How to fix it.
inline constexpr const char* kIdentifierSystemHint =
    "write a URI with a scheme, for example urn:casekit:my-program or "
    "https://example.org/client-ids";
// The names of the built-in profiles.
std::vector<std::string> profile_names();

// A day count casekit.yaml sets that differs from its profile's: check
// reports each, so that a switch of profile never keeps old numbers silently.
struct ProfileOverride {
  std::string key;
  int value = 0;          // casekit.yaml's
  int profile_value = 0;  // the profile's
};
std::vector<ProfileOverride> profile_overrides(const Settings& folder);

// The settings of each profile a client may be enrolled in, made once per
// run: the folder's own, and every built-in profile with its own day
// counts and signature rule under casekit.yaml's `rules:` and lists.
class SettingsByProfile {
 public:
  explicit SettingsByProfile(const Settings& folder);
  // A client's `profile:` (empty, or one not built in: the folder's).
  const Settings& for_client(std::string_view profile) const;
  const Settings& folder() const { return for_client(""); }

 private:
  std::map<std::string, Settings, std::less<>> by_profile_;
  std::string folder_profile_;
};

}  // namespace casekit
