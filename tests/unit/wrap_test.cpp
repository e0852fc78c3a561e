#include "base/wrap.hpp"

#include <doctest/doctest.h>

using namespace casekit;

TEST_CASE("wrap: words break at spaces, never inside, under the indent given") {
  CHECK(wrap_words("one two three four", 9, 2) ==
        std::vector<std::string>{"one two", "  three", "  four"});
  // A word longer than the width stands alone.
  CHECK(wrap_words("a extraordinarily b", 6, 0) ==
        std::vector<std::string>{"a", "extraordinarily", "b"});
  // Characters, not bytes.
  CHECK(wrap_words("señora Núñez está", 12, 0) == std::vector<std::string>{"señora Núñez", "está"});
  CHECK(columns("Núñez") == 5);
}

TEST_CASE("wrap: a table's spacing is kept on the line, and the line hangs under its indent") {
  CHECK(wrap_lines("  G1   active  Marcus will complete his HSE\nshort\n", 30) ==
        "  G1   active  Marcus will\n"
        "      complete his HSE\n"
        "short\n");
  // Lines that fit are left exactly as they are.
  CHECK(wrap_lines("  a    b\n", 30) == "  a    b\n");
}
