// Reading a whole caseload at the speed of two cores (issue 18): the
// records are loaded on two threads, as check's two workers read them,
// and handed on one by one in the clients' order on the calling thread, so
// what a command does with them (list's rows, due's items) stays as it was.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "record/load.hpp"

namespace casekit {

// Calls `visit` with each client's loaded record, in the order of `ids`. A
// failure to load one (load_record's exceptions) is thrown when its turn
// comes, after the clients before it were visited, as a plain loop would.
void load_each(const CaseFolder& folder, const std::vector<std::string>& ids,
               const std::function<void(const std::string& id, LoadedRecord& loaded)>& visit);

// The same, with each record loaded by `load` on the workers instead of
// load_record: for a command that needs less of a record than all of it.
void load_each(const std::vector<std::string>& ids,
               const std::function<LoadedRecord(const std::string& id)>& load,
               const std::function<void(const std::string& id, LoadedRecord& loaded)>& visit);

}  // namespace casekit
