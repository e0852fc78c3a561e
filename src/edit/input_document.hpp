// A document a person wrote (from options, a file, standard input or an
// editor) as an editor, so every way in goes through the same checks and
// keeps the writer's text.
#pragma once

#include <string>

#include "yaml/yaml_edit.hpp"

namespace casekit {

// Parses the text into an editor; refuses anything that is not a set of keys.
YamlEditor input_document(const std::string& text, const std::string& source_name);

}  // namespace casekit
