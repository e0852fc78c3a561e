// Editing a hand-written YAML file without re-emitting it. yaml-cpp drops
// comments, so casekit splices new text into the original at positions the
// parser reports, then parses the result and checks that it holds exactly
// the intended change. Anything else is refused before it reaches the disk.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "yaml/yaml_tree.hpp"

namespace casekit {

// A step into a document: a mapping key or a sequence index.
using PathStep = std::variant<std::string, std::size_t>;
using YamlPath = std::vector<PathStep>;

class YamlEditor {
 public:
  YamlEditor(std::string text, std::string file_name);
  // From a tree parse_yaml already made of `text` (the record as loaded):
  // a command parses each file once, and each splice once more to verify it.
  YamlEditor(std::string text, YamlNode parsed, std::string file_name);

  const YamlNode& tree() const { return tree_; }
  const std::string& text() const { return text_; }

  // Sets a mapping entry: the last step is the key. Missing mappings on the
  // way are created; an existing value is replaced in place.
  void set(const YamlPath& path, const YamlNode& value);
  // Appends an item to the sequence at path; a missing, null or empty
  // sequence is created.
  void append(const YamlPath& path, const YamlNode& item);
  // Removes a mapping entry (the last step is the key); nothing when absent.
  void remove(const YamlPath& path);
  // Replaces a scalar written on one line (a mapping value or a list item,
  // block or flow style) in place, keeping its quotes and the rest of the
  // line. Refuses a scalar whose text is not exactly its value.
  void replace_scalar(const YamlPath& path, const std::string& value);
  // Renames a mapping key in place (the last step is the key); refuses a
  // key the mapping has already.
  void rename_key(const YamlPath& path, const std::string& key);

 private:
  struct Splice {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
  };

  void apply(const Splice& splice, const YamlNode& expected, bool removing = false);
  Splice splice_for_set(const YamlPath& path, const YamlNode& value) const;
  Splice splice_for_append(const YamlPath& path, const YamlNode& item) const;
  Splice insert_entry(const YamlPath& map_path, const std::string& key,
                      const YamlNode& value) const;
  Splice replace_value(const YamlPath& path, const YamlNode& value) const;
  Splice replace_flow_value(const YamlNode& node, const YamlNode& value) const;
  Splice splice_for_remove(const YamlPath& path) const;
  Splice splice_for_scalar(const YamlNode& scalar, const std::string& value) const;
  std::size_t content_end(const YamlPath& path) const;
  std::size_t region_limit(const YamlPath& path) const;
  int entry_column(const YamlPath& path) const;

  std::string text_;
  std::string file_name_;
  YamlNode tree_;
};

const YamlNode* node_at(const YamlNode& root, const YamlPath& path);

}  // namespace casekit
