// The warm re-check (issue 18): `casekit check` keeps each client's report
// in .casekit/cache/check (a ClientCache, record/client_cache.hpp, which
// says how a cache never changes a result), so an unchanged client costs a
// stat of its files instead of a read. Here: what a report depends on
// beyond the client's own files (the key), and a report as bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "check/results.hpp"
#include "record/case_folder.hpp"
#include "record/client_cache.hpp"

namespace casekit {

struct CheckOptions;

// What a cached report depends on beyond the client's own files, as one
// text: the casekit binary, casekit.yaml's text, the dictionary's files and
// the spelling library, the date checked as of, the folder as messages
// name it, and the options that change what a report holds. Empty when
// the run must not use a cache.
std::string check_cache_key(const CaseFolder& folder, const Settings& settings,
                            const std::string& settings_text, const CheckOptions& options);

// A report as the cache stores it, and back; nullopt for bytes that are not one.
std::string encode_report(const ClientReport& report);
std::optional<ClientReport> decode_report(const std::string& id, std::string_view bytes);

}  // namespace casekit
