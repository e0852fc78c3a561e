#include "base/error.hpp"

#include <fmt/format.h>

#include "base/printable.hpp"

namespace casekit {

std::string to_string(const Location& location) {
  if (location.file.empty()) return {};
  if (location.line == 0) return location.file;
  if (location.column == 0) return fmt::format("{}:{}", location.file, location.line);
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

Error::Error(ExitStatus status, Location location, const std::string& message, std::string hint)
    : std::runtime_error(message),
      status_(status),
      location_(std::move(location)),
      hint_(std::move(hint)) {}

std::string format_error(const Error& error) {
  std::string where = to_string(error.location());
  std::string text = "casekit: error: ";
  if (!where.empty()) text += where + ": ";
  text += error.what();
  if (!error.hint().empty()) text += " (" + error.hint() + ")";
  // Messages quote what the user typed and file names found on disk.
  return printable(text);
}

}  // namespace casekit
