// User-caused problems are one exception type carrying a location; main()
// catches it in one place and prints it. Programmer errors are asserts.
#pragma once

#include <stdexcept>
#include <string>

#include "casekit/exit_status.hpp"

namespace casekit {

// A place in a file. Lines and columns are 1-based; 0 means "not known".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

std::string to_string(const Location& location);

class Error : public std::runtime_error {
 public:
  Error(ExitStatus status, Location location, const std::string& message, std::string hint = {});
  Error(const std::string& message, std::string hint = {})
      : Error(ExitStatus::usage, {}, message, std::move(hint)) {}

  ExitStatus status() const { return status_; }
  const Location& location() const { return location_; }
  const std::string& hint() const { return hint_; }

 private:
  ExitStatus status_;
  Location location_;
  std::string hint_;
};

// Renders an error the way every message of casekit looks:
// "casekit: error: clients/ana/plan.yaml:12:5: unknown key 'x' (did you mean 'y'?)"
std::string format_error(const Error& error);

}  // namespace casekit
