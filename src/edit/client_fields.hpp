// `casekit edit CLIENT --phone ...`: demographics, contacts, household
// members and the result of a follow-up after exit, set from options
// through the comment-keeping editor, so nobody has to write YAML for them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "edit/client_edit.hpp"

namespace casekit {

struct HouseholdMemberInput {
  std::string name, relationship, date_of_birth;
};

// The result of a follow-up after exit, found by its due date.
struct FollowUpResult {
  std::string due, done, result;
};

struct ClientFieldEdits {
  // (field, value) for each key set: {"phone", "555-0100"}; the field
  // names its key (client_field_keys()).
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<HouseholdMemberInput> household;
  std::optional<FollowUpResult> follow_up;
  bool empty() const { return fields.empty() && household.empty() && !follow_up; }
};

// The input fields that set one key of client.yaml, and the key's path
// there: {"phone", "contact.phone"}. `casekit edit` has an option for each
// (--phone).
const std::vector<std::pair<std::string, std::string>>& client_field_keys();

// Applies the edits; refuses (nothing changed) a date that is not real,
// naming its field, and a follow-up the closure does not list. The rest is
// checked when the edit is saved.
void apply_field_edits(ClientEdit& edit, const ClientFieldEdits& edits);

}  // namespace casekit
