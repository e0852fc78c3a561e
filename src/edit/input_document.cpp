#include "edit/input_document.hpp"

#include "base/error.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

YamlEditor input_document(const std::string& text, const std::string& source_name) {
  SourceText source = decode_source(text, source_name);
  YamlEditor editor(source.text, source_name);
  if (!editor.tree().is_mapping() && !editor.tree().is_null())
    throw Error(ExitStatus::usage, {source_name, 1, 1},
                "the input should be a set of keys (key: value)", "see casekit(5) for the format");
  return editor;
}

}  // namespace casekit
