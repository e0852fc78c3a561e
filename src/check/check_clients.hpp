// The clients of a run, checked on two workers and handed on in their
// order, each from the cache (check_cache.hpp) when its folder is as the
// cache knows it, else read and checked anew.
#pragma once

#include <string>
#include <vector>

#include "check/check_cache.hpp"
#include "check/results.hpp"
#include "record/case_folder.hpp"
#include "schema/settings.hpp"

namespace casekit {

struct CheckOptions;

// `cache` may be null: every client is read.
void check_clients(const CaseFolder& folder, const std::vector<std::string>& ids,
                   const SettingsByProfile& program, const CheckOptions& options,
                   CheckResult& result, CheckCache* cache);

}  // namespace casekit
