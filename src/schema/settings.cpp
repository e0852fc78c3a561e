#include "schema/settings.hpp"

#include "base/embedded.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

const YamlNode& profiles() {
  static const YamlNode root = parse_yaml(embedded_file("profiles.yaml"), "profiles.yaml");
  return *root.find("profiles");
}

void read_number(const YamlNode& from, const char* key, int& into) {
  if (const YamlNode* value = from.find(key); value && value->is_scalar())
    into = std::stoi(value->value);
}

// The numbers a profile or a casekit.yaml may set; the latter wins.
void apply_numbers(const YamlNode& from, Settings& s) {
  read_number(from, "note_deadline_days", s.note_deadline_days);
  read_number(from, "contact_interval_days", s.contact_interval_days);
  read_number(from, "plan_review_days", s.plan_review_days);
  read_number(from, "plan_due_days", s.plan_due_days);
}

}  // namespace

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const auto& key : profiles().keys) names.push_back(key.value);
  return names;
}

Settings read_settings(const YamlNode& root) {
  Settings s;
  if (const YamlNode* program = root.find("program"); program && program->is_scalar())
    s.program = program->value;
  if (const YamlNode* profile = root.find("profile"); profile && profile->is_scalar())
    s.profile = profile->value;
  if (const YamlNode* defaults = profiles().find(s.profile)) {
    apply_numbers(*defaults, s);
    s.client_signature_required = defaults->find("client_signature_required")->value == "true";
  }
  apply_numbers(root, s);
  s.services = root.texts_at("services");
  s.outcomes = root.texts_at("outcomes");
  s.dictionary = root.texts_at("dictionary");
  if (std::string spelling = root.text_at("spelling"); !spelling.empty()) s.spelling = spelling;
  if (const YamlNode* words = root.find("words"); words && words->is_mapping())
    for (std::size_t i = 0; i < words->keys.size(); ++i)
      s.extra_words["language/" + words->keys[i].value] =
          words->texts_at(words->keys[i].value.c_str());
  if (const YamlNode* rules = root.find("rules"); rules && rules->is_mapping())
    for (std::size_t i = 0; i < rules->keys.size(); ++i)
      s.rules[rules->keys[i].value] = rules->items[i].value;
  if (const YamlNode* git = root.find("git"); git && git->is_mapping())
    if (const YamlNode* commit = git->find("commit"); commit && commit->is_scalar())
      s.git_commit = commit->value == "true";
  return s;
}

}  // namespace casekit
