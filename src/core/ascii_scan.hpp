// Quick scans of a file's text, run on every file `check` reads. The test
// for printable ASCII looks at eight bytes at a time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace casekit {

namespace ascii_detail {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

// 0x80 in each byte of x that is zero, and nothing else: no byte borrows
// from its neighbour, so the answer is exact for every byte.
inline std::uint64_t zero_bytes(std::uint64_t x) {
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

inline bool allowed(unsigned char c, std::string_view controls) {
  if (c >= 0x20 && c < 0x7F) return true;
  for (char k : controls)
    if (c == static_cast<unsigned char>(k)) return true;
  return false;
}

}  // namespace ascii_detail

// Whether every byte is printable ASCII (0x20 to 0x7E) or one of `controls`.
inline bool printable_ascii(std::string_view text, std::string_view controls) {
  using namespace ascii_detail;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    std::uint64_t high = w & kHighs;                         // 0x80 and up
    std::uint64_t del = zero_bytes(w ^ (kOnes * 0x7F));      // 0x7F
    std::uint64_t control = zero_bytes(w & (kOnes * 0xE0));  // below 0x20
    if ((high | del | control) == 0) continue;
    if ((high | del) != 0) return false;
    for (char k : controls) control &= ~zero_bytes(w ^ (kOnes * static_cast<unsigned char>(k)));
    if (control != 0) return false;
  }
  for (; i < text.size(); ++i)
    if (!allowed(static_cast<unsigned char>(text[i]), controls)) return false;
  return true;
}

// Whether the text is valid UTF-8 free of what libyaml treats specially:
// control characters, tabs, the line separators NEL, LS and PS, byte order
// marks and non-characters.
inline bool yaml_plain_text(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  if (printable_ascii(text, "\n")) return true;
  for (std::size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
      ++i;
      continue;
    }
    int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || i + length > n) return false;
    for (int k = 1; k < length; ++k)
      if ((s[i + k] & 0xC0) != 0x80) return false;
    unsigned char d = s[i + 1];
    if (c == 0xC2 && d < 0xA0) return false;
    if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F)) return false;
    if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F)) return false;
    if (c == 0xE2 && d == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) return false;
    if (c == 0xEF && ((d == 0xBB && s[i + 2] == 0xBF) || (d == 0xBF && s[i + 2] >= 0xBE)))
      return false;
    i += length;
  }
  return true;
}

}  // namespace casekit
