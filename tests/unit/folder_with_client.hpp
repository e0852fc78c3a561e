// A new case folder in a temporary folder with one client, created from
// `client_yaml` as new-client --from would: the start of most edit tests.
#pragma once

#include <string>

#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "record/case_folder.hpp"
#include "temp_folder.hpp"

namespace casekit::testing {

inline CaseFolder folder_with_client(
    const TempFolder& tmp,
    const std::string& client_yaml = "name: Ana Ruiz\nopened: 2026-11-01\n") {
  init_case_folder(real_file_system(), tmp.path(), {"Test program", "generic"});
  CaseFolder folder(tmp.path(), real_file_system());
  create_client(folder, client_yaml, "test");
  return folder;
}

}  // namespace casekit::testing
