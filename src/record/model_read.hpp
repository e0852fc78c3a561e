// Reading the record model from parsed, validated files.
#pragma once

#include <string>

#include "record/model.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

Client read_client(const YamlNode& root, const std::string& file);
Plan read_plan(const YamlNode& root, const std::string& file);
Note read_note(const YamlNode& root, const std::string& file, const std::string& file_name);
// Of a note, only what orders the notes and tells a contact from the rest:
// its file name, date, time and contact, read as read_note reads them.
Note read_note_heading(const YamlNode& root, const std::string& file_name);

}  // namespace casekit
