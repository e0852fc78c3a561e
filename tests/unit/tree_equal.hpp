// Exact comparison of two YAML trees, positions and presentation included,
// for the tests that hold the fast reader to libyaml's trees.
#pragma once

#include <fmt/format.h>

#include <string>

#include "yaml/yaml_tree.hpp"

namespace casekit {

// "" when the trees are identical, else where and how they first differ.
inline std::string tree_difference(const YamlNode& a, const YamlNode& b,
                                   const std::string& path = "") {
  auto where = [&](const char* what) {
    return fmt::format("{} at '{}' (line {} column {} offset {} vs line {} column {} offset {})",
                       what, path, a.mark.line, a.mark.column, a.mark.offset, b.mark.line,
                       b.mark.column, b.mark.offset);
  };
  if (a.kind != b.kind) return where("kind differs");
  if (a.value != b.value) return where(fmt::format("value '{}' vs '{}'", a.value, b.value).c_str());
  if (a.plain != b.plain || a.flow != b.flow) return where("style differs");
  if (a.mark.line != b.mark.line || a.mark.column != b.mark.column ||
      a.mark.offset != b.mark.offset)
    return where("position differs");
  if (a.keys.size() != b.keys.size() || a.items.size() != b.items.size())
    return where("size differs");
  for (std::size_t i = 0; i < a.keys.size(); ++i) {
    std::string d = tree_difference(a.keys[i], b.keys[i], path + "/key" + std::to_string(i));
    if (!d.empty()) return d;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    std::string d = tree_difference(a.items[i], b.items[i], path + "/" + std::to_string(i));
    if (!d.empty()) return d;
  }
  return "";
}

}  // namespace casekit
