#include "lsp/framing.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "base/error.hpp"

using namespace casekit;
using namespace casekit::lsp;

TEST_CASE("framing: a body gets its Content-Length header") {
  CHECK(frame("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(frame("é") == "Content-Length: 2\r\n\r\né");  // bytes, not characters
}

TEST_CASE("framing: messages come out whole, however the bytes arrive") {
  std::string two = frame(R"({"a":1})") + frame(R"({"b":2})");
  SUBCASE("all at once") {
    FrameReader reader;
    reader.feed(two);
    CHECK(reader.next() == R"({"a":1})");
    CHECK(reader.next() == R"({"b":2})");
    CHECK(!reader.next());
    CHECK(reader.pending() == 0);
  }
  SUBCASE("a byte at a time") {
    FrameReader reader;
    std::vector<std::string> bodies;
    for (char c : two) {
      reader.feed(std::string_view(&c, 1));
      while (auto body = reader.next()) bodies.push_back(*body);
    }
    CHECK(bodies == std::vector<std::string>{R"({"a":1})", R"({"b":2})"});
  }
}

TEST_CASE("framing: other headers and the header's case are accepted") {
  FrameReader reader;
  reader.feed(
      "content-length:  3 \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[1]");
  CHECK(reader.next() == "[1]");
}

TEST_CASE("framing: a broken header is an error, not a guess") {
  FrameReader reader;
  SUBCASE("no Content-Length") {
    reader.feed("Content-Type: x\r\n\r\n{}");
    CHECK_THROWS_WITH_AS(reader.next(), "a message came without a Content-Length header", Error);
  }
  SUBCASE("not a number") {
    reader.feed("Content-Length: 1x\r\n\r\n{}");
    CHECK_THROWS_WITH_AS(reader.next(), "a message header's Content-Length is not a number", Error);
  }
  SUBCASE("too large") {
    reader.feed("Content-Length: 999999999999\r\n\r\n");
    CHECK_THROWS_WITH_AS(reader.next(),
                         "a message of 999999999999 bytes is larger than the 64 MB casekit takes",
                         Error);
  }
  SUBCASE("a header without end") {
    reader.feed(std::string(70 * 1024, 'x'));
    CHECK_THROWS_WITH_AS(reader.next(), "a message header runs past 64 KB", Error);
  }
}
