// A change to one client's files: locks the client, loads and checks the
// record, lets the caller splice its edits, then validates the result and
// writes each changed file atomically. A refused change writes nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "record/case_folder.hpp"
#include "record/load.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit {

class ClientEdit {
 public:
  ClientEdit(const CaseFolder& folder, const std::string& id);

  const ClientFiles& files() const { return files_; }
  const CaseFolder& folder() const { return folder_; }
  // The record as loaded, before this change.
  const ClientRecord& record() const { return record_; }

  YamlEditor& client();
  // The plan's editor; a missing plan.yaml starts with `created: today`.
  YamlEditor& plan();
  bool has_plan() const { return files_.plan.has_value() || plan_.has_value(); }

  // The next free id for a prefix (N, L, G, S, R), counting ids in use
  // and ids referenced anywhere in the record.
  std::string next_id(char prefix) const;

  // Keeps a date that looks impossible (plausible.hpp) instead of
  // refusing the change.
  void keep_implausible(bool force) { force_ = force; }

  // Refuses the change as save() would, writing nothing: for a command
  // that writes a file of its own first (casekit attach's document).
  void verify() const;
  // Validates the edited files and writes those that changed; returns
  // their paths (for the git commit).
  std::vector<fs::path> save();

 private:
  // Puts plan.yaml back as it was read, when client.yaml could not follow.
  void restore_plan() noexcept;

  const CaseFolder& folder_;
  std::unique_ptr<Lock> lock_;
  ClientFiles files_;
  ClientRecord record_;
  std::optional<YamlEditor> client_, plan_;
  bool force_ = false;
};

// Refuses a reference to an id that the record does not have, naming the
// ids it does have.
void require_ids(const std::vector<std::string>& wanted, const std::vector<std::string>& existing,
                 const char* what);

// The text a new plan.yaml starts with.
std::string new_plan_text();

// The ids of a list of items (needs, goals, ...), in order.
std::vector<std::string> item_ids(const YamlNode* list);
// The position of the item with this id; refuses an unknown id.
std::size_t item_index(const YamlNode* list, const std::string& id, const char* what);

}  // namespace casekit
