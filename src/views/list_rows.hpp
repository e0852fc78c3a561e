// `list`'s rows, one client at a time in the clients' order (issue 18):
// from .casekit/cache/list when the client's folder is as the cache knows
// it (record/client_cache.hpp), else read (the client file and the plan for
// the row, every file for the "has format errors" mark, of the notes only
// their headings) on two threads, and kept for the next run.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "record/case_folder.hpp"
#include "views/views.hpp"

namespace casekit {

// What a cached row depends on beyond the client's own files; empty when
// the run must not use a cache.
std::string list_cache_key(const CaseFolder& folder);

// A row as the cache stores it, and back; nullopt for bytes that are not one.
std::string encode_row(const CaseloadRow& row);
std::optional<CaseloadRow> decode_row(std::string_view bytes);

// Calls `visit` with every client's row, in the clients' order; with
// `use_cache`, through the cache, which is then saved.
void each_caseload_row(const CaseFolder& folder, bool use_cache,
                       const std::function<void(const CaseloadRow& row)>& visit);

}  // namespace casekit
