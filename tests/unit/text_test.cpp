#include "lsp/text.hpp"

#include <doctest/doctest.h>

using namespace casekit;
using namespace casekit::lsp;

TEST_CASE("text: a finding's range runs over the word at its column") {
  std::string text = "name: Ana\nobjective: Met at the center\n";
  Range r = finding_range(text, {"f", 2, 12}, 0);
  CHECK(r.start.line == 1);
  CHECK(r.start.character == 11);
  CHECK(r.end.character == 14);
  SUBCASE("a known length") {
    Range known = finding_range(text, {"f", 2, 12}, 6);
    CHECK(known.end.character == 17);
  }
  SUBCASE("a key") {
    Range key = finding_range(text, {"f", 2, 1}, 0);
    CHECK(key.start.character == 0);
    CHECK(key.end.character == 10);
  }
  SUBCASE("the whole file: its first line") {
    Range file = finding_range(text, {"f", 0, 0}, 0);
    CHECK(file.start.line == 0);
    CHECK(file.end.character == 5);
  }
  SUBCASE("past the end of the text") {
    Range past = finding_range(text, {"f", 9, 3}, 0);
    CHECK(past.start.line == 8);
    CHECK(past.end.character == 0);
  }
}

TEST_CASE("text: columns are code points, the protocol's characters UTF-16 units") {
  std::string line = "a: María 😀 x";
  CHECK(byte_of_code_point(line, 7) == 8);         // í is two bytes
  CHECK(utf16_of_bytes(line, line.size()) == 13);  // 😀 is two units
  CHECK(byte_of_utf16(line, 12) == line.size() - 1);
}

TEST_CASE("text: file URIs") {
  CHECK(path_of_uri("file:///home/a%20b/c.yaml") == fs::path("/home/a b/c.yaml"));
  CHECK(path_of_uri("file://localhost/x/y.yaml") == fs::path("/x/y.yaml"));
  CHECK(!path_of_uri("untitled:Untitled-1"));
  CHECK(!path_of_uri("file:///a%00b"));
  CHECK(uri_of_path("/home/a b/c.yaml") == "file:///home/a%20b/c.yaml");
  CHECK(path_of_uri(uri_of_path("/tmp/ñ #1.yaml")) == fs::path("/tmp/ñ #1.yaml"));
}
