// Did-you-mean suggestions for a mistyped key, value, command or id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// The closest of `candidates` to `word` by edit distance, or empty when
// none is close (within a third of the word's length, at least 2).
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace casekit
