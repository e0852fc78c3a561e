// A quick test for the common case of a file that is printable ASCII, run
// on every file `check` reads. It looks at eight bytes at a time and only
// looks closer at words holding a control character or a non-ASCII byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace casekit {

// Whether every byte is printable ASCII (0x20 to 0x7E) or one of `controls`.
inline bool printable_ascii(std::string_view text, std::string_view controls) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto allowed = [&](unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || controls.find(static_cast<char>(c)) != std::string_view::npos;
  };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    // Bytes from 0x80, bytes equal to 0x7F, and bytes below 0x20 (the
    // classic has-less-than test: exact about whether any byte is).
    std::uint64_t special = (w & highs) | ((w + ones) & highs) | ((w - ones * 0x20) & ~w & highs);
    if (special == 0) continue;
    for (std::size_t k = i; k < i + 8; ++k)
      if (!allowed(static_cast<unsigned char>(text[k]))) return false;
  }
  for (; i < text.size(); ++i)
    if (!allowed(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

}  // namespace casekit
