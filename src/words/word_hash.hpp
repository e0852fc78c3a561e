// Hashing the words of a text, for the sets and maps looked up once per
// word of a caseload (the speller's cache, the writing rules' phrases).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "base/same_key.hpp"

namespace casekit {

// A quick hash for the short words of a text: fixed-size reads (the last
// ones overlapping, as wyhash does for short keys) and a multiply each.
// Abseil's general string hash was a third of each lookup. The sets hold
// a caseload's vocabulary and the word lists; nobody chooses their keys
// to collide.
struct QuickWordHash {
  using is_transparent = void;
  static std::uint64_t mix(std::uint64_t x) {
    __uint128_t product = static_cast<__uint128_t>(x) * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::uint64_t>(product >> 64) ^ static_cast<std::uint64_t>(product);
  }
  template <typename T>
  static std::uint64_t read(const char* at) {
    T value;
    std::memcpy(&value, at, sizeof value);
    return value;
  }
  std::size_t operator()(std::string_view word) const {
    const char* p = word.data();
    std::size_t n = word.size();
    std::uint64_t hash = mix(n + 1);
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) hash = mix(hash ^ read<std::uint64_t>(p + i));
      return mix(hash ^ read<std::uint64_t>(p + n - 8));
    }
    if (n >= 4) return mix(hash ^ (read<std::uint32_t>(p) << 32 | read<std::uint32_t>(p + n - 4)));
    if (n == 0) return hash;
    auto byte = [&](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
    };
    return mix(hash ^ (byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1)));
  }
};

struct QuickWordEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return same_key(a, b); }
};

}  // namespace casekit
