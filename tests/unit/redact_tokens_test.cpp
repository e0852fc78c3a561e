#include <doctest/doctest.h>

#include "export/redact_text.hpp"

using namespace casekit::redaction;

TEST_CASE("redact tokens: folded spellings have no case and no accents") {
  CHECK(fold("María José ÑANDÚ Zoë Łukasz") == "maria jose nandu zoe lukasz");
  CHECK(fold("Mari\xcc\x81"
             "a") == "maria");  // a combining accent
}

TEST_CASE("redact tokens: words, numbers, codes; a typographic apostrophe ends a word") {
  auto tokens = tokenize("Grace’s 4th AB12345C 555-0199");
  std::vector<std::string> texts;
  for (const auto& t : tokens) texts.emplace_back(t.text);
  CHECK(texts == std::vector<std::string>{"Grace", "’", "s", " ", "4th", " ", "AB12345C", " ",
                                          "555", "-", "0199"});
  CHECK(tokens[0].kind == Token::word);
  CHECK(tokens[4].kind == Token::code);
  CHECK(tokens[8].kind == Token::number);
}

TEST_CASE("redact tokens: a written date has every reading it can have") {
  auto readings_of = [](const std::string& text) {
    auto tokens = tokenize(text);
    std::vector<DateReading> readings;
    std::size_t end = read_date(tokens, 0, readings);
    CHECK(end == tokens.size());
    return readings;
  };
  casekit::Date july4{2001, 7, 4}, april7{2001, 4, 7};
  auto slashes = readings_of("7/4/2001");
  CHECK(slashes.size() == 2);
  CHECK(slashes[0].is(july4));
  CHECK(slashes[1].is(april7));
  for (const char* text : {"2001-07-04", "07-04-01", "July 4th, 2001", "4th of July 2001",
                           "Jul. 4 '01", "JULY 4 2001"})
    CHECK_MESSAGE(readings_of(text)[0].is(july4), text);
  CHECK(compact_date("20010704")[0].is(july4));
  // fuzz_redact found a number token with a separator inside, which
  // std::stoi refused with an exception: not a date, and no crash.
  CHECK(compact_date("12,45678").empty());
  CHECK(compact_date(",1234567").empty());
}
