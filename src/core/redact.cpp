// Redaction works on the files' trees, before the record is read from them:
// every scalar of every file passes through the same scrubber, so no field
// of the format can be missed, today or when the format grows.
#include "casekit/redact.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "casekit/records.hpp"
#include "casekit/schema.hpp"
#include "casekit/speller.hpp"

namespace casekit {
namespace {

std::string letters_for(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string pseudonymous_id(std::size_t index) {
  std::string id = "client-" + letters_for(index);
  for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return id;
}

bool letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (letter(static_cast<unsigned char>(c))) {
      word += c;
    } else {
      if (word.size() >= 2) words.push_back(word);
      word.clear();
    }
  }
  return words;
}

struct Policy {
  std::set<std::string> keep, organisation_words;
  std::map<std::string, std::string> placeholders;
};

Policy load_policy() {
  YamlNode root = parse_yaml(embedded_file("redaction.yaml"), "redaction.yaml");
  Policy policy;
  for (const auto& word : root.texts_at("keep")) policy.keep.insert(word);
  for (const auto& word : root.texts_at("organisation_words")) policy.organisation_words.insert(word);
  const YamlNode& placeholders = *root.find("placeholders");
  for (std::size_t i = 0; i < placeholders.keys.size(); ++i)
    policy.placeholders[placeholders.keys[i].value] = placeholders.items[i].value;
  return policy;
}

class Scrubber {
 public:
  Scrubber(Policy policy, std::unique_ptr<Speller> speller) : policy_(std::move(policy)), speller_(std::move(speller)) {}

  const std::string& placeholder(const std::string& what) const { return policy_.placeholders.at(what); }
  void keep_words_of(const std::string& text) {
    for (const auto& word : words_of(text)) policy_.keep.insert(word);
  }
  // A partner is kept whole when its name says it is an organisation
  // ("Bronx Adult Learning Center"); otherwise it may be a person ("Tanya
  // Brooks (sister)"), whose names are removed everywhere.
  void keep_partner(const std::string& partner) {
    auto words = words_of(partner);
    bool organisation = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return policy_.organisation_words.count(w) > 0;
    });
    if (organisation) {
      known_.emplace(partner, partner);
      return;
    }
    // A person: the capitalised words are names wherever they appear,
    // even those that are also words of the language ("Brooks").
    for (const auto& word : words) {
      auto first = static_cast<unsigned char>(word[0]);
      if ((first >= 'A' && first <= 'Z') || first >= 0x80) known_.emplace(word, placeholder("name"));
    }
  }
  // A person's name, whole and word by word, becomes `pseudonym` in text.
  void name(const std::string& full, const std::string& pseudonym) {
    if (full.empty()) return;
    known_.emplace(full, pseudonym);
    for (const auto& word : words_of(full)) known_.emplace(word, pseudonym);
  }
  // A name written with a capital anywhere is a name everywhere, also in
  // lower case ("Keisha", then "keisha").
  void learn_names(const std::string& text) {
    for (const auto& word : words_of(text))
      if (is_name(word)) known_.emplace(word, placeholder("name"));
  }
  void literal(const std::string& text, const std::string& replacement) {
    if (!text.empty()) literals_.emplace_back(text, replacement);
  }

  std::string scrub(std::string text) const {
    for (const auto& [from, to] : literals_)
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    text = std::regex_replace(text, email_, placeholder("email"));
    text = std::regex_replace(text, ssn_, placeholder("id_number"));
    text = std::regex_replace(text, phone_, placeholder("phone"));
    text = std::regex_replace(text, address_, placeholder("address"));
    text = std::regex_replace(text, born_, "$1 " + placeholder("date_of_birth"));
    return replace_names(text);
  }

 private:
  // Known names first (longest first, so "Marcus Jones" before "Marcus"),
  // then every other capitalised word that is not a word of the language.
  std::string replace_names(const std::string& text) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      auto c = static_cast<unsigned char>(text[i]);
      if (!letter(c) || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
        out += text[i++];
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && letter(static_cast<unsigned char>(text[end]))) ++end;
      if (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) {
        out += text.substr(i, end - i);  // part of an id or a code such as G1
        i = end;
        continue;
      }
      auto known = longest_known(text, i);
      if (known.first > 0) {
        out += known.second;
        i += known.first;
        continue;
      }
      std::string word = text.substr(i, end - i);
      out += is_name(word) ? placeholder("name") : word;
      i = end;
    }
    return out;
  }

  // Names are matched without regard to case: "DENISE JONES", "keisha".
  static bool same_letters(std::string_view text, std::size_t at, std::string_view name) {
    if (text.size() - at < name.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(text[at + i])) != std::tolower(static_cast<unsigned char>(name[i])))
        return false;
    return true;
  }

  std::pair<std::size_t, std::string> longest_known(const std::string& text, std::size_t at) const {
    std::pair<std::size_t, std::string> best{0, ""};
    for (const auto& [name, pseudonym] : known_) {
      if (name.size() <= best.first || !same_letters(text, at, name)) continue;
      std::size_t end = at + name.size();
      if (end < text.size() && letter(static_cast<unsigned char>(text[end]))) continue;
      best = {name.size(), pseudonym};
    }
    return best;
  }

  bool is_name(const std::string& word) const {
    auto first = static_cast<unsigned char>(word[0]);
    bool capital = (first >= 'A' && first <= 'Z') || first >= 0x80;
    // Words in capitals are names too ("DENISE"), unless kept ("HSE").
    bool plural_kept = word.back() == 's' && policy_.keep.count(word.substr(0, word.size() - 1));
    if (!capital || word.size() < 2 || policy_.keep.count(word) || plural_kept) return false;
    std::string lower = word;
    for (auto& ch : lower)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return !(speller_ && first < 0x80 && speller_->correct(lower));
  }

  Policy policy_;
  std::unique_ptr<Speller> speller_;
  std::map<std::string, std::string> known_;
  std::vector<std::pair<std::string, std::string>> literals_;
  // A date next to "born" is someone's birth date, whoever's it is.
  std::regex born_{
      R"(\b((?:[Bb]orn|[Bb]irth(?:day| date)?|DOB|[Dd]ate of birth)(?: on| in|:)?) (?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}))"};
  std::regex ssn_{R"(\b[0-9]{3}-[0-9]{2}-[0-9]{4}\b)"};
  std::regex email_{R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"};
  std::regex phone_{R"((\+?1[ .-]?)?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}\b)"};
  std::regex address_{
      R"([0-9]{1,6}( [A-Z][A-Za-z]*\.?){1,4} (Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Place|Pl|Lane|Ln|Drive|Dr|Court|Ct|Parkway|Pkwy|Way|Terrace|Concourse)\b\.?)"};
};

void learn_tree(const YamlNode& node, Scrubber& scrubber) {
  if (node.is_scalar()) scrubber.learn_names(node.value);
  for (const auto& item : node.items) learn_tree(item, scrubber);
}

void scrub_tree(YamlNode& node, const Scrubber& scrubber) {
  if (node.is_scalar()) node.value = scrubber.scrub(node.value);
  for (auto& item : node.items) scrub_tree(item, scrubber);
}

template <typename Visit>
void each_tree(ClientFiles& files, Visit visit) {
  if (files.client && files.client->parsed) visit(files.client->tree);
  if (files.plan && files.plan->parsed) visit(files.plan->tree);
  for (auto& note : files.notes)
    if (note.parsed) visit(note.tree);
}

// Staff names: the case manager, note authors and the case manager's
// signature, across every client exported.
std::set<std::string> staff_names(std::vector<ClientFiles>& clients) {
  std::set<std::string> staff;
  for (auto& files : clients) {
    if (files.client && files.client->parsed) staff.insert(files.client->tree.text_at("case_manager"));
    for (const auto& note : files.notes) staff.insert(note.tree.text_at("author"));
    if (files.plan && files.plan->parsed)
      if (const YamlNode* signatures = files.plan->tree.find("signatures"))
        if (const YamlNode* cm = signatures->find("case_manager")) staff.insert(cm->text_at("name"));
  }
  staff.erase("");
  return staff;
}

// Organisations the client works with are named, so the plan can be read.
void keep_partners(Scrubber& scrubber, const ClientFiles& files, const Settings& settings) {
  for (const auto* text : {&settings.program}) scrubber.keep_words_of(*text);
  // Not the `dictionary:`: it lists local words for the speller, and those
  // are often the names of clients' family and places.
  for (const auto* list : {&settings.services, &settings.outcomes})
    for (const auto& text : *list) scrubber.keep_words_of(text);
  if (files.client && files.client->parsed)
    if (const YamlNode* consents = files.client->tree.find("consents"))
      for (const auto& consent : consents->items) scrubber.keep_partner(consent.text_at("partner"));
  if (files.plan && files.plan->parsed) {
    if (const YamlNode* services = files.plan->tree.find("services"))
      for (const auto& service : services->items) scrubber.keep_partner(service.text_at("provider"));
    if (const YamlNode* referrals = files.plan->tree.find("referrals"))
      for (const auto& referral : referrals->items) scrubber.keep_partner(referral.text_at("to"));
  }
}

void forget_identifiers(Scrubber& scrubber, YamlNode& client) {
  scrubber.literal(client.text_at("date_of_birth"), scrubber.placeholder("date_of_birth"));
  if (const YamlNode* contact = client.find("contact"))
    for (const char* key : {"phone", "email", "address"}) scrubber.literal(contact->text_at(key), scrubber.placeholder(key));
  client.erase("date_of_birth");
  client.erase("contact");
  client.erase("preferred_name");
}

// A note's file name is free text a worker could have typed a name into;
// it becomes the name casekit itself would give the note.
void rename_notes(ClientFiles& files) {
  std::set<std::string> taken;
  for (auto& note : files.notes) {
    const YamlNode& tree = note.tree;
    std::string name = note_file_name(tree.text_at("date"), tree.text_at("time"), tree.text_at("contact"));
    std::string stem = name.substr(0, name.size() - 5);
    for (int n = 2; taken.count(name); ++n) name = fmt::format("{}-{}.yaml", stem, n);
    taken.insert(name);
    note.path = note.path.parent_path() / name;
  }
}

}  // namespace

void redact(std::vector<ClientFiles>& clients, const Settings& settings) {
  static const Policy policy = load_policy();
  Scrubber scrubber(policy, Speller::open_default());
  std::vector<std::string> pseudonyms;
  for (std::size_t i = 0; i < clients.size(); ++i) {
    pseudonyms.push_back(fmt::format("{} {}", scrubber.placeholder("client"), letters_for(i)));
    scrubber.literal(clients[i].id, pseudonymous_id(i));
    if (clients[i].client && clients[i].client->parsed) {
      const YamlNode& tree = clients[i].client->tree;
      scrubber.name(tree.text_at("name"), pseudonyms.back());
      scrubber.name(tree.text_at("preferred_name"), pseudonyms.back());
    }
  }
  std::size_t staff_index = 0;
  for (const auto& person : staff_names(clients))
    scrubber.name(person, fmt::format("{} {}", scrubber.placeholder("staff"), letters_for(staff_index++)));
  for (auto& files : clients) {
    keep_partners(scrubber, files, settings);
    if (files.client && files.client->parsed) forget_identifiers(scrubber, files.client->tree);
  }
  for (auto& files : clients) each_tree(files, [&](YamlNode& tree) { learn_tree(tree, scrubber); });
  for (std::size_t i = 0; i < clients.size(); ++i) {
    each_tree(clients[i], [&](YamlNode& tree) { scrub_tree(tree, scrubber); });
    rename_notes(clients[i]);
    std::string id = pseudonymous_id(i);
    if (clients[i].client && clients[i].client->parsed)
      clients[i].client->tree.set("id", YamlNode::scalar(id));
    clients[i].id = id;
  }
}

}  // namespace casekit
