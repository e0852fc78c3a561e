#include "base/printable.hpp"

#include <fmt/format.h>

#include "base/ascii_scan.hpp"

namespace casekit {
namespace {

struct Decoded {
  char32_t code = 0;
  std::size_t size = 1;
  bool valid = false;
};

// One UTF-8 character at `at`; an invalid or cut sequence is one byte that
// is not valid, so a file name in another encoding is still shown.
Decoded decode_at(std::string_view s, std::size_t at) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(at);
  if (c < 0x80) return {c, 1, true};
  std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || at + n > s.size()) return {c, 1, false};
  char32_t code = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) return {c, 1, false};
    code = (code << 6) | (byte(at + k) & 0x3F);
  }
  constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < least[n] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    return {c, 1, false};
  return {code, n, true};
}

bool is_unsafe(char32_t code, std::string_view allowed) {
  if (code < 0x20) return allowed.find(static_cast<char>(code)) == std::string_view::npos;
  return (code >= 0x7F && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
         (code >= 0x2066 && code <= 0x2069);
}

}  // namespace

UnsafeCharacter find_unsafe_character(std::string_view text, std::string_view allowed) {
  // Most values are printable ASCII, and the rest mostly so: runs of it
  // are skipped sixteen bytes at a time.
  for (std::size_t at = printable_ascii_end(text, 0, allowed); at < text.size();
       at = printable_ascii_end(text, at, allowed)) {
    Decoded d = decode_at(text, at);
    if (d.valid && is_unsafe(d.code, allowed)) return {at, d.code};
    at += d.size;
  }
  return {};
}

namespace {

std::string escape(const Decoded& d, Escapes style) {
  auto code = static_cast<unsigned>(d.code);
  if (style == Escapes::json) return d.valid ? fmt::format("\\u{:04x}", code) : "\\ufffd";
  return !d.valid || code < 0x80 ? fmt::format("\\x{:02x}", code) : fmt::format("\\u{:04x}", code);
}

}  // namespace

std::string printable(std::string_view text, std::string_view keep, Escapes style) {
  if (printable_ascii(text, keep)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  // What needs no escape is copied a run at a time, not a character at a
  // time: a JSON export passes every record through here. Runs of
  // printable ASCII are skipped sixteen bytes at a time (records with
  // accented names are mostly such runs), then one character is decoded.
  std::size_t copied = 0;
  for (std::size_t at = printable_ascii_end(text, 0, keep); at < text.size();
       at = printable_ascii_end(text, at, keep)) {
    Decoded d = decode_at(text, at);
    if (!d.valid || is_unsafe(d.code, keep)) {
      out.append(text.substr(copied, at - copied));
      out += escape(d, style);
      copied = at + d.size;
    }
    at += d.size;
  }
  out.append(text.substr(copied));
  return out;
}

std::string_view c0_controls() {
  static const std::string all = [] {
    std::string s;
    for (char c = 0; c < 0x20; ++c) s += c;
    return s;
  }();
  return all;
}

std::string describe_character(char32_t code) {
  static constexpr const char* c0[] = {
      "null",      "start of heading", "start of text", "end of text",    "end of transmission",
      "enquiry",   "acknowledge",      "bell",          "backspace",      "tab",
      "line feed", "vertical tab",     "form feed",     "carriage return"};
  auto number = static_cast<unsigned>(code);
  if (code >= 0xA0) return fmt::format("the bidirectional formatting character U+{:04X}", number);
  std::string name = code < std::size(c0) ? c0[code]
                     : code == 0x1B       ? "escape"
                     : code == 0x7F       ? "delete"
                                          : "";
  if (name.empty()) return fmt::format("the control character U+{:04X}", number);
  return fmt::format("the control character U+{:04X} ({})", number, name);
}

}  // namespace casekit
