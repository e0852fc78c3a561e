// Text from records and file names on its way to a terminal or a document.
// A YAML escape ("\e[2J") or a file name can hold characters that move the
// cursor, retitle the window or reorder a line, so a record could fake a
// clean summary line. Every text output passes what it prints through
// printable(), and check reports such characters in records
// (format/control-character).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// A character that must not reach a reader as it is.
struct UnsafeCharacter {
  std::size_t offset = std::string_view::npos;  // npos: there is none
  char32_t code = 0;
};

// The first control character (C0 other than those in `allowed`, DEL, C1)
// or bidirectional override or isolate (U+202A to U+202E, U+2066 to
// U+2069) in `text`. Bytes that are not UTF-8 are not looked at.
UnsafeCharacter find_unsafe_character(std::string_view text, std::string_view allowed = {});

// How an escaped character is written: \x1b and \u202e, the way a C or
// YAML string would (bytes that are not UTF-8 as \xHH too); or as a JSON
// string's \u001b (and U+FFFD for a byte that is not UTF-8).
enum class Escapes { c, json };

// `text` with every such character written as a visible escape. Characters
// in `keep` (tab and newline, for block text) stay as they are.
std::string printable(std::string_view text, std::string_view keep = {},
                      Escapes style = Escapes::c);

// Every C0 control character, as `keep` for a format that deals with them
// itself (XML).
std::string_view c0_controls();

// A character for messages: "the control character U+001B (escape)".
std::string describe_character(char32_t code);

}  // namespace casekit
