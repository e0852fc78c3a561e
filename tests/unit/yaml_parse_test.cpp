#include <doctest/doctest.h>

#include <string>

#include "base/error.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;

namespace {

// The message and location of the error parsing `text` raises.
std::string error_of(const std::string& text) {
  try {
    parse_yaml(text, "f.yaml");
  } catch (const Error& e) {
    return format_error(e);
  }
  return "no error";
}

}  // namespace

TEST_CASE("parse keeps scalars as text with their positions") {
  YamlNode root = parse_yaml("a: 1\nb:\n  - x\n  - 'y'\n", "f.yaml");
  REQUIRE(root.is_mapping());
  CHECK(root.find("a")->value == "1");
  CHECK(root.find("a")->plain);
  const YamlNode* b = root.find("b");
  REQUIRE(b->is_sequence());
  CHECK(b->items[1].value == "y");
  CHECK_FALSE(b->items[1].plain);
  CHECK(b->items[1].mark.line == 3);
  CHECK(b->items[1].mark.column == 4);
}

TEST_CASE("parse gives byte offsets and character columns after non-ASCII text") {
  std::string text = "name: Nguyễn Thị\nnote: 'é x'\nnext: [é, b]\n";
  YamlNode root = parse_yaml(text, "f.yaml");
  const YamlNode& b = root.find("next")->items[1];
  CHECK(b.value == "b");
  CHECK(b.mark.column == 10);
  CHECK(text.substr(static_cast<std::size_t>(b.mark.offset), 2) == "b]");
  CHECK(text.substr(static_cast<std::size_t>(root.keys[1].mark.offset), 5) == "note:");
}

TEST_CASE("parse finds byte offsets after line separators libyaml counts as line ends") {
  std::string text = "a: \"x\xE2\x80\xA8y\"\nc: \"p\xC2\x85q\"\nnext: [a, b]\n";
  YamlNode root = parse_yaml(text, "f.yaml");
  const YamlNode& b = root.find("next")->items[1];
  REQUIRE(b.value == "b");
  CHECK(text.substr(static_cast<std::size_t>(b.mark.offset), 2) == "b]");
}

TEST_CASE("empty and null-word plain scalars are null; quoted ones are text") {
  YamlNode root = parse_yaml("a:\nb: ~\nc: null\nd: ''\ne: 'null'\n", "f.yaml");
  CHECK(root.find("a")->is_null());
  CHECK(root.find("b")->is_null());
  CHECK(root.find("c")->is_null());
  CHECK(root.find("d")->is_scalar());
  CHECK(root.find("e")->value == "null");
}

TEST_CASE("parse refuses aliases and anchors, naming the place") {
  CHECK(error_of("a: &x 1\nb: *x\n") ==
        "casekit: error: f.yaml:1:4: YAML anchors (&name) are not allowed in case files (write the "
        "value out in full)");
  std::string bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
  CHECK(error_of(bomb).find("anchors (&name) are not allowed") != std::string::npos);
}

TEST_CASE("parse refuses duplicate keys") {
  CHECK(error_of("name: a\nname: b\n") ==
        "casekit: error: f.yaml:2:1: duplicate key 'name' (each key may appear once in a mapping; "
        "merge the two entries)");
}

TEST_CASE("parse refuses deep nesting with a clear message") {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  CHECK(error_of(deep).find("nested more than 64 levels deep") != std::string::npos);
  std::string nested;
  for (int i = 0; i < 70; ++i) nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  CHECK(error_of(nested).find("nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("parse refuses a second document, tags and complex keys") {
  CHECK(error_of("a: 1\n---\nb: 2\n").find("more than one YAML document") != std::string::npos);
  CHECK(error_of("a: !custom 1\n").find("YAML tag '!custom' is not allowed") != std::string::npos);
  CHECK(error_of("? [a]\n: 1\n").find("a mapping key must be a plain word") != std::string::npos);
}

TEST_CASE("parse errors say 'not valid YAML' with the place") {
  CHECK(error_of("a: [1, 2\n").find("f.yaml:") != std::string::npos);
  CHECK(error_of("a: [1, 2\n").find("not valid YAML") != std::string::npos);
  CHECK(error_of("a:\n\tb: 1\n").find("indent with spaces") != std::string::npos);
  CHECK(error_of("a: 'x\nb: 1\n") ==
        "casekit: error: f.yaml:1:4: not valid YAML: a quotation mark opened here is never closed "
        "(close the quotation, or remove it; or write the text as a block: the key, a colon and "
        "| at the end of its line, then the text on the next lines, indented two spaces more "
        "than the key)");
  CHECK(error_of("a: b\n  c: d\n") ==
        "casekit: error: f.yaml:2:4: not valid YAML: this line is not `key: value` where one is "
        "expected (check its indentation, or put text with a colon in quotes)");
  CHECK(error_of("a: \"\\q\"\n").find("unknown escape") != std::string::npos);
}

// Prose typed as a plain value is the commonest mistake in --edit: the
// advice says how to write it as a block, whatever libyaml stopped at.
TEST_CASE("parse errors on prose in a plain value advise a block") {
  const std::string block =
      "(write the text as a block: the key, a colon and | at the end of its line, then the text "
      "on the next lines, indented two spaces more than the key)";
  CHECK(error_of("date: 2026-11-23\nobjective: Met for 40 minutes: we went\n") ==
        "casekit: error: f.yaml:2:30: not valid YAML: a colon followed by a space inside this "
        "text reads as the start of another key " +
            block);
  CHECK(error_of("a: x\nobjective: \"Fine\" she said\n") ==
        "casekit: error: f.yaml:2:19: not valid YAML: the text goes on after a closing quotation "
        "mark or bracket, which ended the value " +
            block);
  CHECK(error_of("objective: `ls` ran\n").find(block) != std::string::npos);
  // A key that is only misplaced keeps the advice about indentation.
  CHECK(error_of("a:\n  b: 1\n c: 2\n").find("check its indentation") != std::string::npos);
}

TEST_CASE("decode_source refuses what is not UTF-8 text") {
  CHECK_THROWS_WITH_AS(decode_source("a: \xff\n", "f.yaml"), "the file is not valid UTF-8 text",
                       Error);
  CHECK_THROWS_WITH_AS(decode_source(std::string("a: x\0y\n", 7), "f.yaml"),
                       "the file contains a NUL byte", Error);
  CHECK_THROWS_WITH_AS(decode_source("a: \x01\n", "f.yaml"),
                       "the file contains the control character U+0001", Error);
  CHECK_THROWS_AS(decode_source("a: \xc0\xaf\n", "f.yaml"), Error);  // overlong '/'
  CHECK_THROWS_AS(decode_source(std::string(max_file_bytes + 1, 'a'), "f.yaml"), Error);
}

TEST_CASE("decode_source strips a byte order mark and CRLF, and encode puts them back") {
  SourceText source = decode_source(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: 2\r\n",
      "f.yaml");
  CHECK(source.had_bom);
  CHECK(source.crlf);
  CHECK(source.text == "a: 1\nb: 2\n");
  CHECK(encode_source(source, "a: 1\nb: 3\n") ==
        "\xEF\xBB\xBF"
        "a: 1\r\nb: 3\r\n");
  CHECK_THROWS_AS(decode_source("a: 1\rb: 2\n", "f.yaml"), Error);
  CHECK(decode_source("name: José\n", "f.yaml").text == "name: José\n");
}

TEST_CASE("decode_source marks plain ASCII files, and parsing a decoded file gives the same tree") {
  CHECK(decode_source("a: 1\nb: two words\n", "f.yaml").plain_ascii);
  for (std::string text : {"a: 1\r\nb: 2\r\n", "a: \"x\ty\"\n", "a: café\nb: 2\n",
                           "\xEF\xBB\xBF"
                           "a: 1\n"}) {
    CAPTURE(text);
    SourceText source = decode_source(text, "f.yaml");
    // Only the file with a byte order mark is plain ASCII once it is gone.
    CHECK(source.plain_ascii == (text.rfind("\xEF\xBB\xBF", 0) == 0));
    YamlNode from_source = parse_yaml(source, "f.yaml");
    YamlNode from_text = parse_yaml(source.text, "f.yaml");
    REQUIRE(from_source.keys.size() == from_text.keys.size());
    for (std::size_t i = 0; i < from_text.keys.size(); ++i) {
      CHECK(from_source.items[i].value == from_text.items[i].value);
      CHECK(from_source.items[i].mark.column == from_text.items[i].mark.column);
      CHECK(from_source.keys[i].mark.offset == from_text.keys[i].mark.offset);
    }
  }
}
