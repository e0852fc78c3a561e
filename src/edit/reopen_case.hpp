// `casekit reopen`: a closed case opened again. The episode that closed is
// kept whole under `episodes:` (its opening, reason and closure, exit plan
// and follow-ups), and the client's `opened`, `reopen_reason` and status
// start the new one.
#pragma once

#include <string>

#include "edit/client_edit.hpp"

namespace casekit {

// Reopens a closed case on `date` for `reason`. Refuses (nothing changed)
// an open case, a missing reason, and a date that is not real or is before
// the closure.
void reopen_client(ClientEdit& edit, const std::string& date, const std::string& reason);

}  // namespace casekit
