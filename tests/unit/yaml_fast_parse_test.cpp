// The fast reader must give libyaml's very tree, positions included, or
// nothing. These tests hold it to that on every example and fixture, and
// on small documents for each construct it reads and each it must leave to
// libyaml.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.hpp"
#include "tree_equal.hpp"
#include "yaml/yaml_parsers.hpp"

namespace fs = std::filesystem;
using casekit::parse_yaml_fast;
using casekit::parse_yaml_libyaml;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Whether the fast reader took the text and agreed with libyaml.
bool fast_agrees(const std::string& text) {
  auto fast = parse_yaml_fast(text);
  if (!fast) return false;
  casekit::YamlNode slow = parse_yaml_libyaml(text, "t.yaml");
  std::string difference = casekit::tree_difference(*fast, slow);
  INFO(difference);
  CHECK(difference.empty());
  return difference.empty();
}

}  // namespace

TEST_CASE("the fast YAML reader reads every example and test file as libyaml does") {
  int files = 0;
  int fast = 0;
  for (const char* root : {"examples", "tests/e2e"}) {
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(CASEKIT_SOURCE_DIR) / root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      std::string text = read_all(entry.path());
      CAPTURE(entry.path().string());
      ++files;
      try {
        parse_yaml_libyaml(text, "t.yaml");
      } catch (const casekit::Error&) {
        CHECK_FALSE(parse_yaml_fast(text).has_value());
        continue;
      }
      if (fast_agrees(text)) ++fast;
    }
  }
  // Most files are written the way casekit writes them, so the fast reader
  // must take most of them; otherwise it helps nobody.
  MESSAGE(fmt::format("{} of {} files read by the fast reader", fast, files));
  CHECK(files > 500);
  CHECK(fast * 10 >= files * 8);
}

TEST_CASE("the fast YAML reader agrees with libyaml on each construct it reads") {
  const char* documents[] = {
      "a: 1\nb: two words\nc:\nd: ~\ne: null\n",
      "# comment\n\nkey: value # comment\n  # indented comment\nother: 'it''s'\n",
      "q: \"say \\\"hi\\\"\\n\\ttab \\\\ \"\nr: \"\"\ns: ''\n",
      "list:\n  - a\n  - b c\n  -   spaced\nnext: 1\n",
      "list:\n- a\n- b\nnext: 1\n",
      ("items:\n  - id: G1\n    statement: x\n    needs:\n      - N1\n"
       "  - id: G2\n    needs:\n    - N2\n"),
      "flow: [a, b c, 'd', \"e\"]\nempty: []\nmap: {G1: 77, G2: 'x'}\nnone: {}\n",
      "text: >-\n  one\n  two\n\n  three\n\n\n  four\nafter: 1\n",
      "text: >\n  one\n  two\n\nafter: 1\n",
      "text: |\n  one\n    indented\n\n  # not a comment\nafter: 1\n",
      "text: |-\n  one\n  two   \n",
      "- a\n- b: 1\n  c: 2\n- |\n  block\n- >-\n  folded\n",
      "a:\n  b:\n    c: 1\n  d: 2\ne: 3",
      "name: José Müller\nnote: café — “quoted” ✓ 😀\nkey: Ωmega\n",
      "url: http://example.org/a#b\ntime: 09:30\nk: a:b\n",
      "k: x [y] {z}, w\n",
      "k:    # comment after key\n  n: 1\n",
      "a: |\n  no line break at the end",  // found by fuzz_yaml_load
      "a: >\n  x\n\n  y\n\n\n",
      "a: 1",
      // Columns outside ASCII, counted on from the mark before on the line.
      "place: Café\ngoals: [G1, é, G2, ü, G3]\nmap: {a: ä, b: ö}\n",
  };
  for (const char* text : documents) {
    std::string shown(text);
    CAPTURE(shown);
    CHECK(fast_agrees(text));
  }
}

// Plain scalars over several lines, as PyYAML's dump and hand-editing
// write prose: folded into one line, blank lines kept as line breaks.
TEST_CASE("the fast YAML reader agrees with libyaml on plain scalars over several lines") {
  const char* documents[] = {
      "a: multi\n  line plain\nb: 1\n",
      "objective: Met for 40 minutes and talked\n  about the job fair.   \n  Next week.\n",
      "a: one\n\n  two\n\n\n  three\nb: 1\n",
      "a: one\n   \n  two\n",             // a blank line of spaces
      "a: one\n  two # comment\nb: 1\n",  // a comment ends it
      "a: one\n  two\n  # comment\nb: 1\n",
      "a: one\n  - two [x] {y} ? z\n",  // indicators inside are text
      "a: 1\n - b\n",                   // a list entry under a value is text too
      "a: one\n  two#three a:b\n",
      "a: one\n two\n",  // one space past the column
      "a: one\n  two",   // no line break at the end
      "a: one\n  two\n\n\n",
      "a: null\n  more\n",  // not a null any more
      "- one\n  two\n- three\n",
      "k:\n- one\n  two\n- three\n",  // a list at its key's column
      "k:\n  - id: G1\n    statement: get a job\n      in retail\n    n: 1\n",
      "name: José\n  Müller\nnote: café —\n  “quoted” ✓\nafter: é\n",
      "a:\n  b: one\n    two\n  c: 2\nd: 3\n",
  };
  for (const char* text : documents) {
    std::string shown(text);
    CAPTURE(shown);
    CHECK(fast_agrees(text));
  }
}

TEST_CASE("the fast YAML reader leaves everything else to libyaml") {
  const char* documents[] = {
      "a: &x 1\nb: *x\n",  // anchors and aliases
      "a: !!str 1\n",      // tags
      "---\na: 1\n",       // document markers
      "a: 1\n---\nb: 2\n",
      "a: \"multi\n  line\"\n",  // multi-line quoted scalar
      "a: b\n  c: d\n",          // a mapping on a plain scalar's next line
      "a: b\n  c:\n", "- a\n  b: c\n",
      "a: b\n  # comment\n  c\n",   // more text after a comment ends it
      "a: [1,\n  2]\n",             // multi-line flow
      "a: [[1]]\n",                 // nested flow
      "a: |+\n  keep\n\n",          // keep chomping
      "a: |2\n   x\n",              // indentation indicator
      "a: >\n\n  leading blank\n",  // leading blank line
      "a: >\n  x\n    more\n",      // more-indented folded line
      "? a\n: 1\n",                 // explicit key
      "a: 1\na: 2\n",               // duplicate key (libyaml path words it)
      "a:\tb\n",                    // tab
      "a: b\u2028c\n",              // line separator
      "a: b: c\n",                  // mapping in a plain scalar
      "a: \"\\x41\"\n",             // escapes the fast reader does not know
      "  a: 1\n",                   // indented root
      "plain\n",                    // scalar root
      "",                           // empty document
      "- - a\n",                    // nested list on one line
      "-\n  a: 1\n",                // list item on the next line
      "a: -1\n",                    // plain starting with an indicator
      // A duplicate key past the short list, searched in a hash set.
      ("k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk11: 11\n"
       "k12: 12\nk13: 13\nk14: 14\nk15: 15\nk16: 16\nk17: 17\nk3: again\n"),
      "m: {a: 1, b: 2, a: 3}\n",  // duplicate key in a flow mapping
  };
  for (const char* text : documents) {
    std::string shown(text);
    CAPTURE(shown);
    CHECK_FALSE(parse_yaml_fast(text).has_value());
  }
}
