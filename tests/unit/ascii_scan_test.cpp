// printable_ascii tests eight bytes at a time; each byte value at each
// place of a word, and in the tail, must get the answer a byte loop gives.
#include <doctest/doctest.h>

#include <string>

#include "base/ascii_scan.hpp"

TEST_CASE("printable_ascii agrees with a byte-by-byte test for every byte at every place") {
  for (int value = 0; value < 256; ++value) {
    auto c = static_cast<unsigned char>(value);
    bool expected = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
    for (std::size_t length : {1u, 7u, 8u, 9u, 15u, 16u, 17u, 19u, 32u, 35u}) {
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

TEST_CASE("printable_ascii agrees with a byte-by-byte test for two chosen bytes at any places") {
  const unsigned char values[] = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F,
                                  0x20, 0x7E, 0x7F, 0x80, 0xFF, 'a'};
  auto byte_ok = [](unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r'; };
  for (unsigned char first : values)
    for (unsigned char second : values)
      for (std::size_t at = 0; at < 34; ++at)
        for (std::size_t other = 0; other < 34; ++other) {
          if (at == other) continue;
          std::string text(34, 'x');
          text[at] = static_cast<char>(first);
          text[other] = static_cast<char>(second);
          CAPTURE(int(first));
          CAPTURE(int(second));
          CAPTURE(at);
          CAPTURE(other);
          CHECK(casekit::printable_ascii(text, "\n\r") == (byte_ok(first) && byte_ok(second)));
        }
}
