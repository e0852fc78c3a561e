// What casekit(5) says of each key, read from the man page compiled into
// the binary (man/casekit.5), so that the JSON Schemas an editor shows
// carry the very words of the documentation and cannot drift from it.
#pragma once

#include <string>
#include <string_view>

namespace casekit {

// The paragraph casekit(5) gives `key` in the section of `shape`, as plain
// text on one line; empty when the page has none.
std::string key_description(std::string_view shape, std::string_view key);
// The words that open the section of `shape`, before its first key.
std::string shape_description(std::string_view shape);

}  // namespace casekit
