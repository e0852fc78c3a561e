// Writing YAML the way a careful person would: block style, two-space
// indentation, plain scalars where they stay what they are, block scalars
// for long text. Used for new files and for the lines a splice inserts.
#pragma once

#include <string>

#include "yaml/yaml_tree.hpp"

namespace casekit {

// A scalar the writer must keep a string: it is quoted when, written plain,
// it would read back as a number, a boolean, a date-like word or null.
YamlNode text_node(std::string text);

// "key: value\n" (or a nested block) with the key at column `indent`.
std::string render_entry(const std::string& key, const YamlNode& value, int indent);
// "- item\n" with the dash at column `indent`.
std::string render_item(const YamlNode& item, int indent);
// What follows "key:": " value\n", or a newline and an indented block.
std::string render_after_key(const YamlNode& value, int child_indent);
// A whole mapping document.
std::string render_document(const YamlNode& root);
// A scalar or collection on one line, for splicing into flow collections.
// Returns an empty string when the node cannot be written inline.
std::string render_inline(const YamlNode& node);

}  // namespace casekit
