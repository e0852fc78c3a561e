// Redaction for exports (export --redact): records for case reviews,
// training and coaching, with the people in them made anonymous.
#pragma once

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

}  // namespace casekit
