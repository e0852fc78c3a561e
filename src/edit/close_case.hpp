// `casekit close`: a case closed with a reason and an exit summary.
#pragma once

#include <string>
#include <vector>

#include "edit/client_edit.hpp"

namespace casekit {

// Closes a case. Returns the ids of goals still active, which the caller
// reports: the desk guide expects none at closure.
std::vector<std::string> close_client(ClientEdit& edit, const std::string& date,
                                      const std::string& reason, const std::string& summary);

}  // namespace casekit
