// What a partner may see (export --for PARTNER): only what the client's
// release of information with that partner allows, and only while it is
// signed, not expired and not revoked.
#pragma once

#include <string>
#include <vector>

#include "record/case_folder.hpp"

namespace casekit {

struct Withheld {
  std::string client;  // the client's id
  std::string reason;  // why nothing of this client is shared
};

// The sharing category of a key of a shape (schema.yaml, `sharing:`):
// "always" or a word of a consent's `shares:`. With an empty key, the
// shape's own category when all its keys share one. "" when there is none:
// the key is unknown, or its value's shape gives each of its keys one.
std::string share_category(const std::string& shape, const std::string& key);

// Keeps, of each client, only what its release with `partner` shares (the
// consent's `shares:`), in place; a client without such a release in
// force on `today` is removed from `clients` and listed in the result.
// Throws Error when no client is left.
std::vector<Withheld> keep_shared(std::vector<ClientFiles>& clients, const std::string& partner,
                                  const Date& today);

// The same for one client: false, with the reason, when nothing of it
// may be shared. Adds the partners its releases name to `partners`.
bool keep_shared(ClientFiles& files, const std::string& partner, const Date& today,
                 std::string& reason, std::vector<std::string>& partners);
// The refusal when no client is left: `partners`, for a did-you-mean.
[[noreturn]] void refuse_nothing_shared(const std::string& partner,
                                        const std::vector<Withheld>& withheld,
                                        const std::vector<std::string>& partners);

// export --for PARTNER --since DATE: keeps, of each client, what changed on
// or after `since`: the notes dated then or later, and the plan only when
// it was created, reviewed or signed then or later, or an item of it has
// a date then or later, up to today (a start, an end, a status's date, a milestone
// done, a referral made or a step of its statuses). The client's identity
// and the release go as always. Run after keep_shared().
void keep_changed_since(std::vector<ClientFiles>& clients, const Date& since, const Date& today);
void keep_changed_since(ClientFiles& files, const Date& since, const Date& today);

}  // namespace casekit
