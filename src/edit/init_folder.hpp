// `casekit init`: a new, empty case folder.
#pragma once

#include <string>

#include "storage/file_system.hpp"

namespace casekit {

struct InitOptions {
  std::string program;
  std::string profile = "generic";
};

// Makes casekit.yaml and clients/ in `dir` (created if missing), and the
// schemas for editors (editor_setup.hpp); refuses a folder that already
// is a case folder.
void init_case_folder(FileSystem& files, const fs::path& dir, const InitOptions& options);

}  // namespace casekit
