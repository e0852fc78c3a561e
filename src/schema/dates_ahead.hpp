// Dates that say something happened (a milestone done, a referral made, a
// review held), found after today: a typo ("2027" for "2026") or a step
// written down before it took place. A due date, a target date, a planned
// start or the next review may be ahead, and are not read. Writes refuse
// these (edit/plausible.hpp) unless --force, and check reports them
// (case/event-ahead).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"
#include "schema/schema.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

// A date in a file, with its place.
struct DateAt {
  Date date;
  Location where;
};
// The date under `key` of a mapping; nothing when absent or not a date
// (validation reports that).
std::optional<DateAt> date_at(const YamlNode& map, const char* key, const std::string& display);

struct DateAhead {
  Location where;
  std::string message;  // "the plan's review is dated 2026-12-18, after today (2026-12-02)"
};

// Such dates in one file's tree (client.yaml or plan.yaml; none in others).
std::vector<DateAhead> events_dated_ahead(const YamlNode& tree, FileKind kind,
                                          const std::string& display, Date today);

}  // namespace casekit
