// Values no record can truly hold, refused when a command writes them:
// a note of a day still to come, a birth date ahead of today or more than
// 120 years back, a case opened in the future, a plan signed before it was
// written or after today. A typo in a date is the usual cause ("2027" for
// "2026"), and a wrong date misleads every deadline that counts from it.
// `--force` keeps such a value (and warns); check reports it afterwards
// (note/future-date, plan/signature, assessment/demographics).
#pragma once

#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"
#include "schema/schema.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

struct Implausible {
  Location where;
  std::string message;
};

// The implausible values of one file's tree, as of `today`.
std::vector<Implausible> implausible_values(const YamlNode& tree, FileKind kind,
                                            const std::string& display, Date today);

// Refuses (a usage error, nothing written) the implausible values of
// `after` that `before` did not already hold, so an old mistake elsewhere
// in the file does not block an unrelated change. With `force`, prints
// them as warnings instead.
void refuse_implausible(const YamlNode* before, const YamlNode& after, FileKind kind,
                        const std::string& display, bool force);

}  // namespace casekit
