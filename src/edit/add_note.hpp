// `casekit note`: a progress note added to a client's notes/.
#pragma once

#include <string>
#include <vector>

#include "record/case_folder.hpp"
#include "record/model.hpp"

namespace casekit {

// Refuses references a note made from options would have that the record
// does not: goals, needs, a service.
void require_note_references(const CaseFolder& folder, const std::string& id,
                             const std::vector<std::string>& goals,
                             const std::vector<std::string>& needs, const std::string& service);

struct AddedNote {
  fs::path path;
  Client client;  // as read for the note, so callers need not read it again
};
// Adds a progress note from a YAML document; fills `written` with today
// when missing. Returns the new file's path. Refuses a note dated after
// today (plausible.hpp) unless `force`.
AddedNote add_note(const CaseFolder& folder, const std::string& id, const std::string& text,
                   const std::string& source_name, bool force = false);

}  // namespace casekit
