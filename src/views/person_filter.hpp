// `--case-manager NAME` in list and due: a filter by a person's name as
// people type it ("alicia moreno", "Alicia  Moreno"), which refuses a
// name no record carries instead of reporting an empty, all-clear list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

class PersonFilter {
 public:
  // An empty name lets every record through.
  explicit PersonFilter(std::string name);

  // Whether a record whose person is `name` passes. Call it for every
  // record, whatever the other filters say, so that require_known() knows
  // the names in the folder.
  bool matches(std::string_view name);

  // Throws a usage error when a name was given and no record carried it,
  // naming the nearest name that records do carry. `role` names the
  // person in the message: "case manager".
  void require_known(std::string_view role) const;

 private:
  std::string given_;
  std::string wanted_;  // given_, folded
  std::vector<std::string> seen_;
  bool matched_ = false;
};

// A name folded for comparison: ASCII letters in lower case, runs of
// spaces as one, no space at either end.
std::string fold_name(std::string_view name);

}  // namespace casekit
