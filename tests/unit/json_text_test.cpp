#include "base/json_text.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace casekit;
using Json = nlohmann::ordered_json;

TEST_CASE("json_text: indented by two or on one line, keys in order") {
  Json document = {{"b", 1}, {"a", Json::array({"x"})}};
  CHECK(json_text(document) == "{\n  \"b\": 1,\n  \"a\": [\n    \"x\"\n  ]\n}");
  CHECK(json_text(document, -1) == "{\"b\":1,\"a\":[\"x\"]}");
}

TEST_CASE(
    "json_text: characters a terminal would obey are \\u escapes that read back as they were") {
  // A right-to-left override, DEL, a C1 control and an escape.
  std::string text =
      "a\u202Eb\x7F"
      "c\xC2\x9B"
      "d\x1B";
  std::string out = json_text(Json{{"what", text}});
  CHECK(out.find("\\u202e") != std::string::npos);
  CHECK(out.find("\\u007f") != std::string::npos);
  CHECK(out.find("\\u009b") != std::string::npos);
  CHECK(out.find("\\u001b") != std::string::npos);
  CHECK(out.find("\u202E") == std::string::npos);
  CHECK(out.find('\x7F') == std::string::npos);
  CHECK(Json::parse(out)["what"] == text);
}

TEST_CASE("json_text: a byte that is not UTF-8 becomes U+FFFD, and the document stays valid") {
  std::string out = json_text(Json{{"what", std::string("caf\xE9")}});
  CHECK(out.find("caf\xEF\xBF\xBD") != std::string::npos);
  CHECK(Json::accept(out));
}

// A document written in pieces reads as the whole document would: with no
// element, one, and several; nested lists; a marker standing in a string
// earlier in the document does not move the cut.
TEST_CASE("JsonListCut: head, elements and tail are json_text of the whole") {
  const char* marker = "elements go here";
  for (std::size_t n : {0, 1, 3}) {
    Json elements = Json::array();
    for (std::size_t i = 0; i < n; ++i)
      elements.push_back({{"id", i}, {"notes", {"a", marker}}, {"empty", Json::array()}});
    auto whole = [&](Json list) {
      return Json{{"before", marker}, {"runs", {{{"results", std::move(list)}}}}, {"after", 1}};
    };
    casekit::JsonListCut cut(whole(Json::array({marker})), marker);
    std::string pieced = cut.head();
    for (std::size_t i = 0; i < n; ++i) pieced += cut.element(elements[i], i == 0);
    pieced += cut.tail(n);
    CAPTURE(n);
    CHECK(pieced == casekit::json_text(whole(elements)));
  }
}
