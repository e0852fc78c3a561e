// What the desk-guide rules may read of a client whose files have format
// errors. "Report everything at once": one note with a dangling goal id
// must not hide what is wrong in the plan and the other notes.
#pragma once

#include <optional>
#include <string_view>

#include "record/case_folder.hpp"

namespace casekit {

// The client's files the rules can read: all of them when none has a
// format error; all but the notes with one, when only notes have one;
// none (nullopt) when client.yaml or plan.yaml has one, or a file could
// not be read, since nearly every rule reads those two.
std::optional<ClientFiles> files_for_rules(const ClientFiles& files);

// Rules that read every note of the client (the last contact, the notes
// near a service's dates, the emergent needs, the progress told since the
// plan and the notes of its days): with a note left out,
// what they would say could be wrong.
bool reads_every_note(std::string_view rule);

}  // namespace casekit
