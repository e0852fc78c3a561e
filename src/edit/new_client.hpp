// `casekit new-client`: a client's folder and client.yaml.
#pragma once

#include <string>

#include "record/case_folder.hpp"

namespace casekit {

// Creates clients/<id>/client.yaml from a YAML document. A missing id is
// derived from the name; missing status and opened get `active` and today.
// Returns the id. Refuses an implausible date (plausible.hpp) unless
// `force`.
std::string create_client(const CaseFolder& folder, const std::string& text,
                          const std::string& source_name, bool force = false);

}  // namespace casekit
