#include "base/ids.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/error.hpp"

namespace casekit {

bool is_client_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return id[0] != '-' && std::all_of(id.begin(), id.end(), ok);
}

namespace {

// Plain letters for the accented Latin letters of names (U+00C0 to U+017F),
// so that "José Núñez" becomes jose-nunez; a space stands for "no letter".
constexpr std::string_view latin1 =
    "AAAAAA?CEEEEIIII"
    "DNOOOOO OUUUUY??"
    "aaaaaa?ceeeeiiii"
    "dnooooo ouuuuy?y";
constexpr std::string_view latin_extended_a =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo??"
    "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

std::string plain_letters(char32_t c) {
  switch (c) {
    case U'\u00C6':
    case U'\u00E6':
      return "ae";
    case U'\u00DE':
    case U'\u00FE':
      return "th";
    case U'\u00DF':
      return "ss";
    case U'\u0132':
    case U'\u0133':
      return "ij";
    case U'\u0152':
    case U'\u0153':
      return "oe";
  }
  char plain = ' ';
  if (c >= 0xC0 && c <= 0xFF) plain = latin1[c - 0xC0];
  if (c >= 0x100 && c <= 0x17F) plain = latin_extended_a[c - 0x100];
  return plain == ' ' || plain == '?' ? "" : std::string(1, plain);
}

// The name with accented letters made plain; other non-ASCII letters drop.
std::string transliterate(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      out += name[i];
    } else if ((b >> 5) == 0x6 && i + 1 < name.size()) {
      char32_t c = static_cast<char32_t>(((b & 0x1F) << 6) |
                                         (static_cast<unsigned char>(name[i + 1]) & 0x3F));
      std::string plain = plain_letters(c);
      out += plain.empty() ? " " : plain;
      ++i;
    } else {
      out += ' ';
    }
  }
  return out;
}

}  // namespace

std::string client_id_from_name(std::string_view name) {
  std::string ascii = transliterate(name);
  std::string id;
  for (char c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '-' && c != '\'' && c != '.') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 64) id.resize(64);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

bool is_item_id(std::string_view id, char prefix) {
  if (id.size() < 2 || id.size() > 7 || id[0] != prefix || id[1] == '0') return false;
  return std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int item_number(std::string_view id) {
  if (id.size() < 2 || !is_item_id(id, id[0])) return 0;
  return std::stoi(std::string(id.substr(1)));
}

std::string item_kind(char prefix) {
  switch (prefix) {
    case 'N':
      return "need";
    case 'L':
      return "long-term goal";
    case 'G':
      return "goal";
    case 'S':
      return "service";
    case 'R':
      return "referral";
  }
  return "item";
}

std::string next_item_id(char prefix, const std::vector<std::string>& used) {
  int highest = 0;
  for (const auto& id : used)
    if (is_item_id(id, prefix)) highest = std::max(highest, item_number(id));
  std::string id = std::string(1, prefix) + std::to_string(highest + 1);
  // A hand-written id can take the last number: the next one would be too
  // long to be an id, and the record would be refused for it.
  if (!is_item_id(id, prefix))
    throw Error(ExitStatus::usage, {},
                fmt::format("no {} id is left to give: this record uses {}{}, and ids have at most "
                            "six digits",
                            item_kind(prefix), prefix, highest),
                fmt::format("give the {} with id {}{} a smaller unused id, in the plan and in the "
                            "notes that name it",
                            item_kind(prefix), prefix, highest));
  return id;
}

std::string note_file_name(const std::string& date, const std::string& time,
                           const std::string& contact) {
  std::string hhmm = time.size() == 5 ? time.substr(0, 2) + time.substr(3, 2) : "0000";
  return fmt::format("{}-{}-{}.yaml", date, hhmm, contact);
}

}  // namespace casekit
