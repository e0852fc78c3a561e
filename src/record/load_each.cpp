#include "record/load_each.hpp"

namespace casekit {

void load_each(const CaseFolder& folder, const std::vector<std::string>& ids,
               const std::function<void(const std::string& id, LoadedRecord& loaded)>& visit) {
  for_each_client<LoadedRecord>(
      ids, [&](const std::string& id) { return load_record(folder, id); }, visit);
}

}  // namespace casekit
