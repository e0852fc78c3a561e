// The two readers behind parse_yaml, apart for the tests that hold them to
// the same trees. Everything else calls parse_yaml.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "yaml/yaml_tree.hpp"

namespace casekit {

// Plain scalars YAML reads as null.
inline bool is_null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// The tree of a file in the plain block YAML that case files are written
// in, or nothing when the file uses anything else (or is not valid): then
// libyaml must read it. Never throws.
// `plain_ascii`: the caller knows the text is printable ASCII and line
// feeds only (SourceText::plain_ascii).
std::optional<YamlNode> parse_yaml_fast(std::string_view text, bool plain_ascii = false);

// Any YAML document, through libyaml's event parser; throws Error with a
// location and a message for case workers when the file is not valid.
YamlNode parse_yaml_libyaml(std::string_view text, const std::string& file_name);

}  // namespace casekit
