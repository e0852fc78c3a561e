// Comparing mapping keys and words, which check does millions of times.
// They are short: comparing them here, eight bytes at a time with
// fixed-size reads, spares a call to memcmp for each.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace casekit {

inline bool same_key(std::string_view a, std::string_view b) {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  auto chunk = [](const char* at) {
    std::uint64_t value;
    std::memcpy(&value, at, 8);
    return value;
  };
  // The last chunk overlaps the one before it when n is not a multiple of 8.
  for (std::size_t i = 0; i + 8 < n; i += 8)
    if (chunk(a.data() + i) != chunk(b.data() + i)) return false;
  return chunk(a.data() + n - 8) == chunk(b.data() + n - 8);
}

}  // namespace casekit
