// What a partner may see (export --for PARTNER): only what the client's
// release of information with that partner allows, and only while it is
// signed, not expired and not revoked.
#pragma once

#include <string>
#include <vector>

#include "casekit/case_folder.hpp"

namespace casekit {

struct Withheld {
  std::string client;  // the client's id
  std::string reason;  // why nothing of this client is shared
};

// Keeps, of each client, only what its release with `partner` shares (the
// consent's `shares:`), in place; a client without such a release in
// force on `today` is removed from `clients` and listed in the result.
// Throws Error when no client is left.
std::vector<Withheld> keep_shared(std::vector<ClientFiles>& clients, const std::string& partner, const Date& today);

}  // namespace casekit
