// Redaction works on the files' trees, before the record is read from them:
// every scalar of every file passes through the same scrubber, so no field
// of the format can be missed, today or when the format grows.
#include "export/redact.hpp"

#include <fmt/format.h>

#include <set>

#include "base/ids.hpp"
#include "export/redact_text.hpp"

namespace casekit {
namespace {

using redaction::Scrubber;

std::string letters_for(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string pseudonymous_id(std::size_t index) {
  std::string id = "client-" + letters_for(index);
  for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return id;
}

void learn_tree(const YamlNode& node, Scrubber& scrubber) {
  if (node.is_scalar()) scrubber.learn(node.value);
  for (const auto& item : node.items) learn_tree(item, scrubber);
}

// Keys whose texts name people (a milestone's who, the interpreter): their
// capitalised words are names everywhere.
void people_in_tree(const YamlNode& node, Scrubber& scrubber, const redaction::WordSet& keys) {
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const YamlNode& value = node.items[i];
    if (keys.count(node.keys[i].value)) {
      if (value.is_scalar()) scrubber.people(value.value);
      for (const auto& item : value.items)
        if (item.is_scalar()) scrubber.people(item.value);
    }
  }
  for (const auto& item : node.items) people_in_tree(item, scrubber, keys);
}

void scrub_tree(YamlNode& node, const Scrubber& scrubber) {
  if (node.is_scalar()) node.value = scrubber.scrub(node.value);
  for (auto& item : node.items) scrub_tree(item, scrubber);
}

template <typename Files, typename Visit>
void each_tree(Files& files, Visit visit) {
  if (files.client && files.client->parsed) visit(files.client->tree);
  if (files.plan && files.plan->parsed) visit(files.plan->tree);
  for (auto& note : files.notes)
    if (note.parsed) visit(note.tree);
}

// Staff names: the case manager, note authors and the case manager's
// signature, across every client exported.
void add_staff_names(const ClientFiles& files, std::set<std::string>& staff) {
  if (files.client && files.client->parsed)
    staff.insert(files.client->tree.text_at("case_manager"));
  for (const auto& note : files.notes) staff.insert(note.tree.text_at("author"));
  if (files.plan && files.plan->parsed)
    if (const YamlNode* signatures = files.plan->tree.find("signatures"))
      if (const YamlNode* cm = signatures->find("case_manager")) staff.insert(cm->text_at("name"));
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
      for (const auto& consent : consents->items) scrubber.partner(consent.text_at("partner"));
  if (files.plan && files.plan->parsed) {
    if (const YamlNode* services = files.plan->tree.find("services"))
      for (const auto& service : services->items) scrubber.partner(service.text_at("provider"));
    if (const YamlNode* referrals = files.plan->tree.find("referrals"))
      for (const auto& referral : referrals->items) scrubber.partner(referral.text_at("to"));
  }
}

void know_identifiers(Scrubber& scrubber, const YamlNode& client) {
  scrubber.literal(client.text_at("date_of_birth"), scrubber.placeholder("date_of_birth"));
  if (auto birth = Date::parse(client.text_at("date_of_birth"))) scrubber.birth(*birth);
  if (const YamlNode* contact = client.find("contact")) {
    for (const char* key : {"phone", "email", "address"})
      scrubber.literal(contact->text_at(key), scrubber.placeholder(key));
    scrubber.phrase(contact->text_at("address"), scrubber.placeholder("address"));
  }
}

void forget_identifiers(ClientFiles& files) {
  // Coaching reviews are internal supervision: a redacted export leaves
  // them out rather than scrub them (no renderer reads them anyway).
  files.reviews.clear();
  if (!files.client || !files.client->parsed) return;
  YamlNode& client = files.client->tree;
  client.erase("date_of_birth");
  client.erase("contact");
  client.erase("preferred_name");
  // A document's file name and note are free text, and the files are
  // scans of signed forms: never in a redacted export.
  client.erase("documents");
}

// A note's file name is free text a worker could have typed a name into;
// it becomes the name casekit itself would give the note.
void rename_notes(ClientFiles& files) {
  std::set<std::string> taken;
  for (auto& note : files.notes) {
    const YamlNode& tree = note.tree;
    std::string name =
        note_file_name(tree.text_at("date"), tree.text_at("time"), tree.text_at("contact"));
    std::string stem = name.substr(0, name.size() - 5);
    for (int n = 2; taken.count(name); ++n) name = fmt::format("{}-{}.yaml", stem, n);
    taken.insert(name);
    note.path = note.path.parent_path() / name;
  }
}

}  // namespace

Redaction::Redaction(Settings settings)
    : settings_(std::move(settings)),
      policy_(policy()),
      scrubber_(std::make_unique<Scrubber>(policy_, Speller::open_default())) {}

Redaction::~Redaction() = default;

const redaction::Policy& Redaction::policy() {
  static const redaction::Policy policy = redaction::load_policy();
  return policy;
}

void Redaction::know_names(const ClientFiles& files) {
  Scrubber& scrubber = *scrubber_;
  std::size_t i = clients_++;
  std::string pseudonym = fmt::format("{} {}", scrubber.placeholder("client"), letters_for(i));
  scrubber.literal(files.id, pseudonymous_id(i));
  if (files.client && files.client->parsed) {
    const YamlNode& tree = files.client->tree;
    scrubber.name(tree.text_at("name"), pseudonym);
    scrubber.name(tree.text_at("preferred_name"), pseudonym);
  }
  if (files.plan && files.plan->parsed)
    if (const YamlNode* signatures = files.plan->tree.find("signatures"))
      if (const YamlNode* signer = signatures->find("client"))
        scrubber.name(signer->text_at("name"), pseudonym);
  add_staff_names(files, staff_);
}

void Redaction::know_details(const ClientFiles& files) {
  // The staff's pseudonyms, once every client's staff is known.
  if (!staff_known_) {
    staff_.erase("");
    std::size_t staff_index = 0;
    for (const auto& person : staff_)
      scrubber_->name(person, fmt::format("{} {}", scrubber_->placeholder("staff"),
                                          letters_for(staff_index++)));
    staff_.clear();
    staff_known_ = true;
  }
  keep_partners(*scrubber_, files, settings_);
  each_tree(files,
            [&](const YamlNode& tree) { people_in_tree(tree, *scrubber_, policy_.people_keys); });
  if (files.client && files.client->parsed) know_identifiers(*scrubber_, files.client->tree);
}

void Redaction::learn(ClientFiles& files) {
  forget_identifiers(files);
  each_tree(files, [&](const YamlNode& tree) { learn_tree(tree, *scrubber_); });
}

void Redaction::apply(ClientFiles& files) {
  forget_identifiers(files);
  each_tree(files, [&](YamlNode& tree) { scrub_tree(tree, *scrubber_); });
  rename_notes(files);
  std::string id = pseudonymous_id(applied_++);
  if (files.client && files.client->parsed) files.client->tree.set("id", YamlNode::scalar(id));
  files.id = id;
}

void redact(std::vector<ClientFiles>& clients, const Settings& settings) {
  Redaction redaction(settings);
  for (auto& files : clients) redaction.know_names(files);
  for (auto& files : clients) redaction.know_details(files);
  for (auto& files : clients) redaction.learn(files);
  for (auto& files : clients) redaction.apply(files);
}

}  // namespace casekit
