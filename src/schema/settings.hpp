// Program settings: casekit.yaml over the defaults of its profile.
#pragma once

#include <map>
#include <string>
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
  bool client_signature_required = true;
  std::vector<std::string> services, outcomes, dictionary;
  // The dictionary language/spelling reads: en_US, en_GB or en_CA
  // (casekit.yaml `spelling:`), as the program's workers spell.
  std::string spelling = "en_US";
  // Phrases the program adds to the writing rules' lists: rule -> phrases.
  std::map<std::string, std::vector<std::string>> extra_words;
  std::map<std::string, std::string> rules;  // rule id -> error|warning|info|off
  bool git_commit = false;                   // git: {commit: true}: each change is committed
};

// Settings from a validated casekit.yaml tree.
Settings read_settings(const YamlNode& root);
// The names of the built-in profiles.
std::vector<std::string> profile_names();

}  // namespace casekit
