#include "schema/settings.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "base/embedded.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

const YamlNode& profiles() {
  static const YamlNode root = parse_yaml(embedded_file("profiles.yaml"), "profiles.yaml");
  return *root.find("profiles");
}

// The day counts a profile or a casekit.yaml may set.
struct NumberKey {
  const char* key;
  int Settings::*field;
};
constexpr NumberKey kNumberKeys[] = {
    {"note_deadline_days", &Settings::note_deadline_days},
    {"contact_interval_days", &Settings::contact_interval_days},
    {"plan_review_days", &Settings::plan_review_days},
    {"plan_due_days", &Settings::plan_due_days},
    {"referral_follow_up_days", &Settings::referral_follow_up_days},
};

std::map<std::string, int, std::less<>> numbers_in(const YamlNode& from) {
  std::map<std::string, int, std::less<>> numbers;
  for (const auto& [key, field] : kNumberKeys)
    if (const YamlNode* value = from.find(key); value && value->is_scalar())
      numbers[key] = std::stoi(value->value);
  return numbers;
}

std::vector<int> months_in(const YamlNode& from) {
  std::vector<int> months;
  for (const auto& month : from.texts_at("follow_up_months")) months.push_back(std::stoi(month));
  return months;
}

std::map<std::string, std::string> severities_in(const YamlNode& from) {
  std::map<std::string, std::string> severities;
  if (const YamlNode* rules = from.find("rules"); rules && rules->is_mapping())
    for (std::size_t i = 0; i < rules->keys.size(); ++i)
      severities[rules->keys[i].value] = rules->items[i].value;
  return severities;
}

// The profile's numbers, signature rule and severities, with casekit.yaml's
// `rules:` over the latter; the day counts of casekit.yaml are the caller's.
void apply_profile(Settings& s, const std::string& name) {
  const YamlNode* profile = profiles().find(name);
  if (!profile) return;
  s.profile = name;
  const Settings built_in;
  for (const auto& number : kNumberKeys) s.*number.field = built_in.*number.field;
  for (const auto& [key, value] : numbers_in(*profile))
    for (const auto& number : kNumberKeys)
      if (key == number.key) s.*number.field = value;
  s.client_signature_required = profile->find("client_signature_required")->value == "true";
  s.paper_signatures = profile->text_at("paper_signatures") != "false";
  s.follow_up_months = months_in(*profile);
  s.rules = severities_in(*profile);
  for (const auto& [rule, severity] : s.folder_rules) s.rules[rule] = severity;
}

// A count of megabytes, at most 4096: a larger one (or one too long for
// an int) is 4096, as no scan is that large.
int megabytes(const std::string& text) {
  long long value = 4096;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() ? static_cast<int>(std::min(value, 4096LL)) : 4096;
}

}  // namespace

std::string identifier_system(const Settings& settings) {
  if (!settings.fhir_identifier_system.empty()) return settings.fhir_identifier_system;
  // Lower-case letters and digits, runs of anything else one '-'.
  std::string slug;
  for (char c : settings.program) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u))
      slug += static_cast<char>(std::tolower(u));
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "urn:casekit:" + (slug.empty() ? std::string("program") : slug);
}

std::string identifier_system_problem(const Settings& settings) {
  const std::string& uri = settings.fhir_identifier_system;
  if (uri.empty()) return "";
  std::size_t colon = uri.find(':');
  bool scheme = colon != std::string::npos && colon > 0 && colon + 1 < uri.size() &&
                std::isalpha(static_cast<unsigned char>(uri[0]));
  for (std::size_t i = 0; scheme && i < colon; ++i) {
    auto c = static_cast<unsigned char>(uri[i]);
    scheme = std::isalnum(c) || c == '+' || c == '-' || c == '.';
  }
  if (scheme && uri.find_first_of(" \t") == std::string::npos) return "";
  return "fhir_identifier_system '" + uri + "' is not a URI";
}

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const auto& key : profiles().keys) names.push_back(key.value);
  return names;
}

Settings read_settings(const YamlNode& root) {
  Settings s;
  if (const YamlNode* program = root.find("program"); program && program->is_scalar())
    s.program = program->value;
  s.folder_numbers = numbers_in(root);
  s.folder_rules = severities_in(root);
  const YamlNode* profile = root.find("profile");
  apply_profile(s, profile && profile->is_scalar() ? profile->value : s.profile);
  for (const auto& [key, value] : s.folder_numbers)
    for (const auto& number : kNumberKeys)
      if (key == number.key) s.*number.field = value;
  // casekit.yaml's list, like its day counts, is its own profile's.
  if (root.find("follow_up_months")) s.follow_up_months = months_in(root);
  s.services = root.texts_at("services");
  s.outcomes = root.texts_at("outcomes");
  s.dictionary = root.texts_at("dictionary");
  if (std::string spelling = root.text_at("spelling"); !spelling.empty()) s.spelling = spelling;
  s.fhir_identifier_system = root.text_at("fhir_identifier_system");
  if (const YamlNode* mb = root.find("document_max_mb"); mb && mb->is_scalar())
    s.document_max_mb = megabytes(mb->value);
  if (const YamlNode* words = root.find("words"); words && words->is_mapping())
    for (std::size_t i = 0; i < words->keys.size(); ++i)
      s.extra_words["language/" + words->keys[i].value] =
          words->texts_at(words->keys[i].value.c_str());
  if (const YamlNode* git = root.find("git"); git && git->is_mapping())
    if (const YamlNode* commit = git->find("commit"); commit && commit->is_scalar())
      s.git_commit = commit->value == "true";
  return s;
}

std::vector<ProfileOverride> profile_overrides(const Settings& folder) {
  std::vector<ProfileOverride> out;
  const YamlNode* profile = profiles().find(folder.profile);
  if (!profile) return out;
  auto defaults = numbers_in(*profile);
  for (const auto& [key, value] : folder.folder_numbers)
    if (auto found = defaults.find(key); found != defaults.end() && found->second != value)
      out.push_back({key, value, found->second});
  return out;
}

SettingsByProfile::SettingsByProfile(const Settings& folder) : folder_profile_(folder.profile) {
  by_profile_.emplace(folder.profile, folder);
  for (const auto& name : profile_names()) {
    if (name == folder.profile) continue;
    Settings other = folder;
    apply_profile(other, name);
    by_profile_.emplace(name, std::move(other));
  }
}

const Settings& SettingsByProfile::for_client(std::string_view profile) const {
  auto found = by_profile_.find(profile);
  return found != by_profile_.end() ? found->second : by_profile_.find(folder_profile_)->second;
}

}  // namespace casekit
