// Every YAML file in the examples and test fixtures is read by casekit's
// parser (libyaml) and by yaml-cpp: the two trees must agree, so a team's
// own scripts reading the case folder with another library see the same
// record.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "yaml/yaml_tree.hpp"

namespace fs = std::filesystem;

namespace {

bool is_null_word(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Compares content only: yaml-cpp's nodes do not say how a scalar was quoted.
bool agree(const casekit::YamlNode& ours, const YAML::Node& theirs) {
  switch (ours.kind) {
    case casekit::NodeKind::null:
      return theirs.IsNull() || (theirs.IsScalar() && is_null_word(theirs.Scalar()));
    case casekit::NodeKind::scalar:
      return theirs.IsScalar() && theirs.Scalar() == ours.value;
    case casekit::NodeKind::sequence:
      if (!theirs.IsSequence() || theirs.size() != ours.items.size()) return false;
      for (std::size_t i = 0; i < ours.items.size(); ++i)
        if (!agree(ours.items[i], theirs[i])) return false;
      return true;
    case casekit::NodeKind::mapping:
      if (!theirs.IsMap() || theirs.size() != ours.keys.size()) return false;
      for (std::size_t i = 0; i < ours.keys.size(); ++i) {
        YAML::Node value = theirs[ours.keys[i].value];
        if (!value.IsDefined() || !agree(ours.items[i], value)) return false;
      }
      return true;
  }
  return false;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("casekit's parser and yaml-cpp read every example and fixture the same") {
  int compared = 0;
  for (const char* root : {"examples", "tests/e2e/fixtures"}) {
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(CASEKIT_SOURCE_DIR) / root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      std::string name = entry.path().string();
      CAPTURE(name);
      casekit::SourceText source = casekit::decode_source(read_all(entry.path()), name);
      casekit::YamlNode ours = casekit::parse_yaml(source.text, name);
      CHECK(agree(ours, YAML::Load(source.text)));
      ++compared;
    }
  }
  CHECK(compared > 30);
}
