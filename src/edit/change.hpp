// What a command changed, as data. The line casekit prints and the git
// commit message are both rendered from it; neither is parsed from the
// other.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace casekit {

namespace fs = std::filesystem;

struct Change {
  std::string command;  // "plan"
  std::string client;
  // What changed, in lower case and without the client: "added goal G4",
  // "marked need N1 met".
  std::string summary;
  std::vector<fs::path> paths = {};  // the files written
};

// "Added goal G4"
std::string change_line(const Change& change);
// "plan: added goal G4 for marcus-jones"
std::string commit_message(const Change& change);

}  // namespace casekit
