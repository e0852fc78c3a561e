// A digest of what a signature agrees to: the plan's content, canonical so
// that layout, quoting, comments and key order do not change it, and
// without the bookkeeping that changes as the plan is carried out
// (casekit(5), SIGNED CONTENT).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "yaml/yaml_tree.hpp"

namespace casekit {

// "sha256:" and 64 hex digits.
std::string plan_digest(const YamlNode& plan);

// "sha256:" and the 64 hex digits of the SHA-256 of these bytes (the
// accounting of disclosures uses it for its chain and its documents).
std::string sha256_text(std::string_view text);

// The same, of bytes given piece by piece (an export as it is written).
class Sha256Text {
 public:
  Sha256Text();
  ~Sha256Text();
  Sha256Text(Sha256Text&& other) noexcept;
  Sha256Text& operator=(Sha256Text&&) = delete;
  void add(std::string_view text);
  std::string result() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace casekit
