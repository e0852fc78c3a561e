// Comparing mapping keys and words, which check does millions of times.
// Most candidates differ in length or first letter; testing those inline
// spares a call to memcmp for each.
#pragma once

#include <string_view>

namespace casekit {

inline bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

}  // namespace casekit
