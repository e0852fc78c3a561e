#include "base/unaccented.hpp"

namespace casekit {
namespace {

// The letter without its accent, by code point from U+00C0 (À) to U+017F
// (ſ): the Latin letters of the names casekit's clients have. '?' for the
// few that are not letters (×, ÷).
constexpr std::string_view kUnaccented =
    "aaaaaaaceeeeiiiidnooooo?ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo?ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

}  // namespace

std::string unaccented_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    unsigned code = (c & 0x1Fu) << 6 | (next & 0x3Fu);
    if (c >= 0xC3 && c <= 0xC5 && (next & 0xC0) == 0x80 && code >= 0xC0) {
      out += kUnaccented[code - 0xC0];
      ++i;
    } else {
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace casekit
