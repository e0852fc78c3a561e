#include "base/printable.hpp"

#include <doctest/doctest.h>

#include "findings/diagnostic.hpp"

using namespace casekit;
using namespace std::string_literals;

TEST_CASE("printable: control characters and bidirectional overrides become visible escapes") {
  CHECK(printable("Marcus \x1b[31mRED\x1b]0;TITLE\a \0 Jones"s) ==
        "Marcus \\x1b[31mRED\\x1b]0;TITLE\\x07 \\x00 Jones");
  CHECK(printable("ok\rfake") == "ok\\x0dfake");
  CHECK(printable("a\x7f"
                  "b") == "a\\x7fb");
  CHECK(printable("a\xC2\x85"
                  "b") == "a\\u0085b");                                    // C1 NEL
  CHECK(printable("x\xE2\x80\xAEy\xE2\x81\xA6z") == "x\\u202ey\\u2066z");  // RLO, LRI
  CHECK(printable("line\nnext\tcol") == "line\\x0anext\\x09col");
  CHECK(printable("line\nnext\tcol", "\t\n") == "line\nnext\tcol");
}

TEST_CASE(
    "printable: text and names that are fine are unchanged, bytes that are not UTF-8 are escaped") {
  CHECK(printable("Marcus Jones, é ü 中文 \xE2\x80\x8F") == "Marcus Jones, é ü 中文 \xE2\x80\x8F");
  CHECK(printable("name-\xff\xfe.yaml") == "name-\\xff\\xfe.yaml");
  CHECK(printable("cut \xE2\x80") == "cut \\xe2\\x80");
  std::string shown = printable("\x1b\xE2\x80\xAE\xff");
  CHECK(printable(shown) == shown);
}

TEST_CASE("printable: JSON style writes \\u escapes only") {
  CHECK(printable("a\x7f\xC2\x85\xE2\x80\xAE\xff", {}, Escapes::json) ==
        "a\\u007f\\u0085\\u202e\\ufffd");
}

TEST_CASE("find_unsafe_character: where the first one is, and which") {
  CHECK(find_unsafe_character("plain text").offset == std::string_view::npos);
  CHECK(find_unsafe_character("a\tb\nc", "\t\n").offset == std::string_view::npos);
  UnsafeCharacter tab = find_unsafe_character("a\tb");
  CHECK(tab.offset == 1);
  CHECK(tab.code == U'\t');
  UnsafeCharacter rlo = find_unsafe_character("é\xE2\x80\xAE");
  CHECK(rlo.offset == 2);
  CHECK(rlo.code == 0x202E);
  CHECK(describe_character(0x1B) == "the control character U+001B (escape)");
  CHECK(describe_character(0x202E) == "the bidirectional formatting character U+202E");
}

TEST_CASE("printable: findings and errors are escaped wherever they are printed") {
  Diagnostic d{{"clients/a/notes/x\x1b[2J\r.yaml", 0, 0},
               Severity::warning,
               "format/unknown-file",
               "a\x1b",
               "b\r"};
  CHECK(format_diagnostic(d) ==
        "clients/a/notes/x\\x1b[2J\\x0d.yaml: warning: a\\x1b (b\\x0d) [format/unknown-file]");
  std::vector<Diagnostic> all = {d};
  make_printable(all);
  CHECK(all[0].location.file == "clients/a/notes/x\\x1b[2J\\x0d.yaml");
  CHECK(format_error(Error(ExitStatus::usage, {"f\x1b", 1, 2}, "no client 'x\xE2\x80\xAE'",
                           "h\a")) == "casekit: error: f\\x1b:1:2: no client 'x\\u202e' (h\\x07)");
}
