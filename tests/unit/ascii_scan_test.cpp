// printable_ascii tests eight bytes at a time; each byte value at each
// place of a word, and in the tail, must get the answer a byte loop gives.
#include <doctest/doctest.h>

#include <string>

#include "ascii_scan.hpp"

TEST_CASE("printable_ascii agrees with a byte-by-byte test for every byte at every place") {
  for (int value = 0; value < 256; ++value) {
    auto c = static_cast<unsigned char>(value);
    bool expected = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
    for (std::size_t length : {1u, 7u, 8u, 9u, 16u, 19u}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = static_cast<char>(c);
        CAPTURE(value);
        CAPTURE(length);
        CAPTURE(at);
        CHECK(casekit::printable_ascii(text, "\n\t") == expected);
      }
    }
  }
  CHECK(casekit::printable_ascii("", ""));
}
