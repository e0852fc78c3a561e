#include "base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

#include "base/printable.hpp"

namespace casekit {
namespace {

// A field is marked by two control characters no message is written
// with; format_error() makes any that came from the user's input visible.
constexpr char kFieldStart = '\x1e';
constexpr char kFieldEnd = '\x1f';

// Calls on_text with each text between the marks and on_field with each
// field marked, in order.
template <typename Text, typename Field>
void walk_fields(const std::string& text, Text on_text, Field on_field) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t start = text.find(kFieldStart, at);
    std::size_t end = start == std::string::npos ? start : text.find(kFieldEnd, start);
    if (end == std::string::npos) break;
    on_text(text.substr(at, start - at));
    on_field(text.substr(start + 1, end - start - 1));
    at = end + 1;
  }
  if (at < text.size()) on_text(text.substr(at));
}

std::vector<std::string> fields_in(const std::string& message, const std::string& hint) {
  std::vector<std::string> fields;
  auto add = [&](const std::string& field) {
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
  };
  walk_fields(
      message, [](const std::string&) {}, add);
  walk_fields(
      hint, [](const std::string&) {}, add);
  return fields;
}

}  // namespace

std::string to_string(const Location& location) {
  if (location.file.empty()) return {};
  if (location.line == 0) return location.file;
  if (location.column == 0) return fmt::format("{}:{}", location.file, location.line);
  return fmt::format("{}:{}:{}", location.file, location.line, location.column);
}

std::string input_field(std::string_view name) {
  assert(!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == name.npos);
  return kFieldStart + std::string(name) + kFieldEnd;
}

std::string field_in_words(const std::string& field) {
  std::string words = field;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string name_fields(const std::string& text, const FieldNamer& namer) {
  std::string out;
  walk_fields(
      text, [&](const std::string& part) { out += part; },
      [&](const std::string& field) { out += namer(field); });
  return out;
}

Error::Error(ExitStatus status, Location location, const std::string& message, std::string hint)
    : std::runtime_error(name_fields(message, field_in_words)),
      status_(status),
      location_(std::move(location)),
      hint_(name_fields(hint, field_in_words)),
      marked_message_(message),
      marked_hint_(std::move(hint)),
      fields_(fields_in(marked_message_, marked_hint_)) {}

std::string format_error(const Error& error, const FieldNamer& namer) {
  std::string where = to_string(error.location());
  std::string text = "casekit: error: ";
  if (!where.empty()) text += where + ": ";
  text += name_fields(error.marked_message(), namer);
  std::string hint = name_fields(error.marked_hint(), namer);
  if (!hint.empty()) text += " (" + hint + ")";
  // Messages quote what the user typed and file names found on disk.
  return printable(text);
}

}  // namespace casekit
