// Quick scans of a file's text, run on every file `check` reads. The test
// for printable ASCII looks at sixteen bytes at a time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace casekit {

namespace ascii_detail {

// Sixteen bytes as one value (GCC and clang vector extensions): the
// comparisons below become SSE2 instructions, sixteen bytes at a time.
using Bytes16 = unsigned char __attribute__((vector_size(16)));
using Mask16 = signed char __attribute__((vector_size(16)));

inline bool any(Mask16 mask) {
  std::uint64_t halves[2];
  std::memcpy(halves, &mask, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

inline bool allowed(unsigned char c, std::string_view controls) {
  if (c >= 0x20 && c < 0x7F) return true;
  for (char k : controls)
    if (c == static_cast<unsigned char>(k)) return true;
  return false;
}

}  // namespace ascii_detail

// Where the run of printable ASCII (0x20 to 0x7E) and `controls` that
// starts at `from` ends: the first other byte, or the text's size. Files
// with a few accented letters or curly quotes are mostly such runs, and
// the careful walks over them skip each run this way.
inline std::size_t printable_ascii_end(std::string_view text, std::size_t from,
                                       std::string_view controls) {
  using namespace ascii_detail;
  std::size_t i = from;
  for (; i + 16 <= text.size(); i += 16) {
    Bytes16 bytes;
    std::memcpy(&bytes, text.data() + i, 16);
    // Below 0x20, and 0x7F or above (unsigned, so non-ASCII too).
    auto outside = reinterpret_cast<Mask16>((bytes < 0x20) | (bytes >= 0x7F));
    if (!any(outside)) continue;
    for (char k : controls)
      outside &= ~reinterpret_cast<Mask16>(bytes == static_cast<unsigned char>(k));
    if (any(outside)) break;
  }
  while (i < text.size() && allowed(static_cast<unsigned char>(text[i]), controls)) ++i;
  return i;
}

// Whether every byte is printable ASCII (0x20 to 0x7E) or one of `controls`.
inline bool printable_ascii(std::string_view text, std::string_view controls) {
  return printable_ascii_end(text, 0, controls) == text.size();
}

// Whether the text is valid UTF-8 free of what libyaml treats specially:
// control characters, tabs, the line separators NEL, LS and PS, byte order
// marks and non-characters.
inline bool yaml_plain_text(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  for (std::size_t i = printable_ascii_end(text, 0, "\n"); i < n;
       i = printable_ascii_end(text, i, "\n")) {
    unsigned char c = s[i];
    if (c < 0x80) return false;  // a control character: the run skipped the rest
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
