// Redaction for exports (export --redact): records for case reviews,
// training and coaching, with the people in them made anonymous.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "record/case_folder.hpp"

namespace casekit {

// Rewrites the loaded files of the clients, in place: each client becomes
// "Client A", "Client B", ... (in the order given) and each staff member
// "Case manager A", ...; dates of birth and contact details are removed;
// in every text, known names become their pseudonyms, phone numbers, email
// addresses and street addresses become placeholders, and any other
// capitalised word that is not a dictionary word is taken for a name.
// Words to keep come from src/data/redaction.yaml and the settings.
void redact(std::vector<ClientFiles>& clients, const Settings& settings);

namespace redaction {
class Scrubber;
struct Policy;
}  // namespace redaction

// The same, client by client (export --all --redact streams): what is
// known of every client is learnt in three passes over the clients, in
// the order of the export, before any is rewritten; then `apply` rewrites
// each, in that order again. Only that knowledge is held (names, contact
// details, words taken for names), not the records.
class Redaction {
 public:
  explicit Redaction(Settings settings);
  ~Redaction();
  // First pass: the client's name, preferred name and signature, its
  // staff's names.
  void know_names(const ClientFiles& files);
  // Second pass: partners, people named, birth date and contact details.
  void know_details(const ClientFiles& files);
  // Third pass: names written where a word would not have a capital.
  void learn(ClientFiles& files);
  void apply(ClientFiles& files);

 private:
  static const redaction::Policy& policy();

  Settings settings_;
  const redaction::Policy& policy_;
  std::unique_ptr<redaction::Scrubber> scrubber_;
  std::set<std::string> staff_;
  bool staff_known_ = false;
  std::size_t clients_ = 0, applied_ = 0;
};

}  // namespace casekit
