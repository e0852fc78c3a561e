// A digest of what a signature agrees to: the plan's content, canonical so
// that layout, quoting, comments and key order do not change it, and
// without the bookkeeping that changes as the plan is carried out
// (casekit(5), SIGNED CONTENT).
#pragma once

#include <string>

#include "yaml/yaml_tree.hpp"

namespace casekit {

// "sha256:" and 64 hex digits.
std::string plan_digest(const YamlNode& plan);

}  // namespace casekit
