// What completes where a record expects a value casekit knows: the ids of
// the client's goals, needs, services, referrals (and long-term goals and
// documents) where schema.yaml says a key holds a reference of that kind;
// partner names from the client's releases where a referral or release
// names a partner; the case managers' names in the folder where a note's
// author or a case manager goes. Keys themselves complete from the YAML
// language server with casekit's schemas.
#pragma once

#include <set>
#include <string>

#include "lsp/protocol.hpp"

namespace casekit::lsp {

// The key a value at `at` belongs to: the key on the line ("goal: G",
// "goals: [G1, "), or, on a list item, the key above it; "" when none.
std::string key_at(std::string_view text, const Position& at);

// The completion items (the protocol's CompletionItem[]) at `at` of the
// file `path` with `text`, a file of `session`'s case folder.
Json completion_items(FolderSession& session, const fs::path& path, std::string_view text,
                      const Position& at);

}  // namespace casekit::lsp
