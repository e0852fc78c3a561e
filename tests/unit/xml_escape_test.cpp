#include "base/xml_escape.hpp"

#include <doctest/doctest.h>

using namespace casekit;

TEST_CASE("xml_escape: markup is text, and quotes and line ends are escaped in attributes only") {
  CHECK(xml_escape("<b>A & \"B\" 'c'</b>", false) == "&lt;b&gt;A &amp; \"B\" 'c'&lt;/b&gt;");
  CHECK(xml_escape("\"B\" 'c'", true) == "&quot;B&quot; &apos;c&apos;");
  CHECK(xml_escape("a\nb\tc", false) == "a\nb\tc");
  CHECK(xml_escape("a\nb\tc", true) == "a&#10;b&#9;c");
}

TEST_CASE("xml_escape: control characters XML cannot carry become '?', overrides visible") {
  CHECK(xml_escape("a\x01z\x1B", false) == "a?z?");
  CHECK(xml_escape("a\u202Eb", false) == "a\\u202eb");
}
