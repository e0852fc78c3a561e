// What `due` needs of each client, one client at a time in the clients'
// order (issue 18): from .casekit/cache/due when the client's folder is as
// the cache knows it (record/client_cache.hpp), else read (the plan, the
// notes, the releases and the coaching reviews) and its items made, on two
// threads, and kept for the next run. The items depend on the day and the
// window, so a cache serves the runs of one --as-of day and --within.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "record/case_folder.hpp"
#include "record/model.hpp"
#include "schema/settings.hpp"
#include "views/due_item.hpp"
#include "views/due_reviews.hpp"

namespace casekit {

// One client's part of the tickler, before the --case-manager and
// --reviewer filters, which due_list applies.
struct ClientDue {
  std::string id;
  bool valid = true;         // false when the record has format errors
  std::string case_manager;  // what can be read of it, also when not valid
  bool active = false;
  std::vector<DueItem> items;           // of the record (none when not valid)
  std::vector<ReviewDue> review_items;  // of each coaching review
};

// What a client's due depends on beyond its own files: the binary, the
// folder, casekit.yaml's text, the day and the window. Empty when the run
// must not use a cache.
std::string due_cache_key(const CaseFolder& folder, const std::string& settings_text,
                          const DueOptions& options);

// A client's due as the cache stores it, and back; nullopt for bytes that
// are not one.
std::string encode_client_due(const ClientDue& due);
std::optional<ClientDue> decode_client_due(std::string_view bytes);

// The items of one valid record (due.hpp's due_items).
using RecordItems = std::vector<DueItem> (*)(const ClientRecord& record, const Settings& settings,
                                             const DueOptions& options);

// Calls `visit` with every client's due, its items made by `items`, in the
// clients' order; with options.use_cache, through the cache, which is then
// saved.
void each_client_due(const CaseFolder& folder, const DueOptions& options, RecordItems items,
                     const std::function<void(const ClientDue& due)>& visit);

}  // namespace casekit
