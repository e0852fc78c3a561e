#include "edit/change.hpp"

#include <fmt/format.h>

#include <cctype>

namespace casekit {

std::string change_line(const Change& change) {
  std::string line = change.summary;
  if (!line.empty()) line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
  return line;
}

std::string commit_message(const Change& change) {
  return fmt::format("{}: {} for {}", change.command, change.summary, change.client);
}

}  // namespace casekit
