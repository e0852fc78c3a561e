// Quick scans of a file's text, run on every file `check` reads. The test
// for printable ASCII looks at eight bytes at a time and only looks closer
// at words holding a control character or a non-ASCII byte.
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
