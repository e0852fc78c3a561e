// The one way to make a finding. Validation, references, the case folder
// and the rule groups all report through it, so a finding's severity is
// always its rule's in src/data/rules.yaml (before `casekit.yaml`'s
// `rules:`), and a rule reported from code must be in the catalogue.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "findings/diagnostic.hpp"

namespace casekit {

// A finding of `rule`, about `subject`, at `where`.
Diagnostic finding(std::string_view rule, Location where, Subject subject, std::string message,
                   std::string hint = {});
// A finding about no one item of the record.
Diagnostic finding(std::string_view rule, Location where, std::string message,
                   std::string hint = {});

// Adds findings to a list a validator or a rule group owns.
class FindingSink {
 public:
  explicit FindingSink(std::vector<Diagnostic>& out) : out_(&out) {}

  void report(std::string_view rule, Location where, Subject subject, std::string message,
              std::string hint = {}) {
    out_->push_back(
        finding(rule, std::move(where), std::move(subject), std::move(message), std::move(hint)));
  }
  void report(std::string_view rule, Location where, std::string message, std::string hint = {}) {
    out_->push_back(finding(rule, std::move(where), std::move(message), std::move(hint)));
  }

 private:
  std::vector<Diagnostic>* out_;
};

}  // namespace casekit
