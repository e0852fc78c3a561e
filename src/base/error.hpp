// User-caused problems are one exception type carrying a location; main()
// catches it in one place and prints it. Programmer errors are asserts.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "casekit/exit_status.hpp"

namespace casekit {

// A place in a file. Lines and columns are 1-based; 0 means "not known".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

std::string to_string(const Location& location);

// The core names the input it refuses by its field ("target_date"), never
// by the command-line option that carried it: the same refusal reaches
// the language server, the git hooks and the tests, where no option was
// typed. input_field() marks a field inside a message or a hint; the
// caller that prints the error names it its own way (the CLI: the option,
// "--target-date"), and everyone else reads it in words ("target date").
std::string input_field(std::string_view name);
// How a caller names a field; field_in_words is the default.
using FieldNamer = std::function<std::string(const std::string& field)>;
std::string field_in_words(const std::string& field);
// A message or hint with each marked field named by `namer`.
std::string name_fields(const std::string& text, const FieldNamer& namer);

class Error : public std::runtime_error {
 public:
  Error(ExitStatus status, Location location, const std::string& message, std::string hint = {});
  Error(const std::string& message, std::string hint = {})
      : Error(ExitStatus::usage, {}, message, std::move(hint)) {}

  ExitStatus status() const { return status_; }
  const Location& location() const { return location_; }
  // what() and hint() name the fields in words.
  const std::string& hint() const { return hint_; }
  // The input fields the message and the hint name, in order, once each.
  const std::vector<std::string>& fields() const { return fields_; }
  // The message and the hint with their fields marked, for name_fields().
  const std::string& marked_message() const { return marked_message_; }
  const std::string& marked_hint() const { return marked_hint_; }

 private:
  ExitStatus status_;
  Location location_;
  std::string hint_;
  std::string marked_message_, marked_hint_;
  std::vector<std::string> fields_;
};

// Renders an error the way every message of casekit looks:
// "casekit: error: clients/ana/plan.yaml:12:5: unknown key 'x' (did you mean 'y'?)"
// with each input field named by `namer`.
std::string format_error(const Error& error, const FieldNamer& namer = field_in_words);

}  // namespace casekit
