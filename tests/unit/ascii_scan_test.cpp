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

TEST_CASE("printable_ascii_end stops at the first other byte, from any start") {
  const unsigned char values[] = {0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xFF};
  auto byte_ok = [](unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n'; };
  for (unsigned char other : values)
    for (std::size_t length : {0u, 1u, 15u, 16u, 17u, 33u, 40u})
      for (std::size_t at = 0; at <= length; ++at)
        for (std::size_t from : {0u, 1u, 5u, 16u, 18u}) {
          if (from > length) continue;
          std::string text(length, 'x');
          if (at < length) text[at] = static_cast<char>(other);
          std::size_t expected = from;
          while (expected < length && byte_ok(static_cast<unsigned char>(text[expected])))
            ++expected;
          CAPTURE(int(other));
          CAPTURE(length);
          CAPTURE(at);
          CAPTURE(from);
          CHECK(casekit::printable_ascii_end(text, from, "\n") == expected);
        }
}

TEST_CASE("yaml_plain_text finds a bad character after long runs of ASCII and good UTF-8") {
  std::string good =
      std::string(40, 'a') + "caf\xC3\xA9 \xE2\x80\x99" + std::string(20, 'b') + "\n";
  CHECK(casekit::yaml_plain_text(good));
  for (std::string bad : {"\t", "\x7F", "\x01", "\xC3", "\xE2\x80\xA8", "\xEF\xBB\xBF", "\xC2\x85"})
    for (std::size_t at : {std::size_t{0}, std::size_t{17}, std::size_t{40}, good.size()}) {
      std::string text = good;
      text.insert(at, bad);
      CAPTURE(at);
      CHECK_FALSE(casekit::yaml_plain_text(text));
    }
}
