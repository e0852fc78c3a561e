#include <doctest/doctest.h>

#include <algorithm>

#include "base/did_you_mean.hpp"
#include "schema/schema.hpp"

using namespace casekit;

namespace {

std::vector<std::string> findings(const std::string& text, FileKind kind) {
  std::vector<std::string> out;
  for (const auto& d : validate(parse_yaml(text, "f.yaml"), kind, "f.yaml"))
    out.push_back(format_diagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("an unknown key gets a did-you-mean") {
  auto out =
      findings("short_term_goals:\n  - id: G1\n    statement: x\n    targt_date: 2026-01-01\n",
               FileKind::plan);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "f.yaml:4:5: error: unknown key 'targt_date' (did you mean 'target_date'?) "
        "[format/unknown-key]");
}

TEST_CASE("dates must be real") {
  auto out = findings("created: 2026-02-30\n", FileKind::plan);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "f.yaml:1:10: error: 'created' is not a real date; found '2026-02-30' (write it as "
        "YYYY-MM-DD, for example 2026-11-20) [format/date]");
}

TEST_CASE("types, enums and required keys are checked, all at once") {
  auto out = findings("id: ana\nname: [a]\nstatus: activ\nopened: 2026-01-01\n", FileKind::client);
  REQUIRE(out.size() == 2);
  CHECK(out[0] == "f.yaml:2:7: error: 'name' should be one line of text, not a list [format/type]");
  CHECK(out[1] ==
        "f.yaml:3:9: error: 'status' should be one of: active, closed; found 'activ' (did you mean "
        "'active'?) [format/type]");
  auto missing = findings("name: Ana\n", FileKind::client);
  CHECK(missing.size() == 3);  // id, opened, status
}

TEST_CASE("duplicate ids in a list are reported with the first place") {
  auto out =
      findings("long_term_goals:\n  - id: L1\n    statement: a\n  - id: L1\n    statement: b\n",
               FileKind::plan);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "f.yaml:4:9: error: id 'L1' is used twice (first on line 2) (give this one the next free "
        "id) [format/duplicate-id]");
}

TEST_CASE("ids and references must have the right prefix") {
  auto out = findings("short_term_goals:\n  - id: N1\n    statement: a\n    needs: [G1]\n",
                      FileKind::plan);
  CHECK(out.size() == 2);
}

TEST_CASE("an empty file and a file that is not a mapping are reported") {
  CHECK(findings("", FileKind::plan).size() == 1);
  CHECK(findings("- a\n", FileKind::plan).size() == 1);
}

TEST_CASE("did_you_mean picks a close word or nothing") {
  CHECK(did_you_mean("targt_date", {"target_date", "status"}) == "target_date");
  CHECK(did_you_mean("zzz", {"target_date", "status"}).empty());
}

TEST_CASE("a value that may be private is not repeated in a message") {
  auto out = findings(
      "id: ana\nname: Ana\nstatus: active\nopened: 2026-01-01\ndate_of_birth: unknown, mother says "
      "HIV+ at birth\n",
      FileKind::client);
  REQUIRE(out.size() == 1);
  CHECK(out[0].find("HIV") == std::string::npos);
  CHECK(out[0].find("not shown") != std::string::npos);
}

TEST_CASE("control characters: a YAML escape in any value is format/control-character") {
  auto out = findings(
      "id: ana\nname: \"Ana \\e[31mRED\\e]0;TITLE\\a \\0 Lopez\"\nstatus: active\nopened: "
      "2026-01-01\n",
      FileKind::client);
  REQUIRE(out.size() == 1);
  CHECK(out[0] ==
        "f.yaml:2:7: error: 'name' holds the control character U+001B (escape) (remove it: it may "
        "come from a YAML "
        "escape such as \\e or \\u202e in quotes, or from pasted text) [format/control-character]");
  // In a list, under an unknown key, and in a key itself.
  auto listed =
      findings("id: ana\nname: Ana\nstatus: active\nopened: 2026-01-01\nlanguages: [\"a\\rb\"]\n",
               FileKind::client);
  REQUIRE(listed.size() == 2);  // languages is an unknown key too
  CHECK(listed[1].find("'languages' holds the control character U+000D (carriage return)") !=
        std::string::npos);
  auto unknown = findings("id: ana\nname: Ana\nstatus: active\nopened: 2026-01-01\n\"x\\ty\": z\n",
                          FileKind::client);
  REQUIRE(unknown.size() == 2);
  CHECK(unknown[0].find("unknown key 'x\\x09y'") != std::string::npos);  // shown escaped
  CHECK(unknown[1].find("a key holds the control character U+0009 (tab)") != std::string::npos);
}

TEST_CASE(
    "control characters: bidirectional overrides, DEL and C1 are reported, tab and newline in text "
    "are not") {
  for (const char* bad :
       {"\"\\u202e\"", "\"\\u2066x\"", "\"a\\x7f\"", "\"a\\x85b\"", "\"\\u0085\""}) {
    auto out =
        findings(std::string("id: ana\nname: ") + bad + "\nstatus: active\nopened: 2026-01-01\n",
                 FileKind::client);
    REQUIRE_MESSAGE(out.size() == 1, bad);
    CHECK(out[0].find("[format/control-character]") != std::string::npos);
  }
  // Raw in the file (valid UTF-8), not only escaped.
  CHECK(findings("id: ana\nname: Ana \xE2\x80\xAE Lopez\nstatus: active\nopened: 2026-01-01\n",
                 FileKind::client)
            .at(0)
            .find("the bidirectional formatting character U+202E") != std::string::npos);
  auto block = findings("objective: |\n  one\n  \ttwo\n", FileKind::note);
  CHECK(std::none_of(block.begin(), block.end(), [](const std::string& f) {
    return f.find("control-character") != std::string::npos;
  }));
  CHECK(findings("id: ana\nname: \"Ana\\tLopez\"\nstatus: active\nopened: 2026-01-01\n",
                 FileKind::client)
            .empty());
  CHECK(findings("date: 2026-11-02\ntime: \"10:00\"\ncontact: phone\nobjective: \"one\\ntwo\"\n",
                 FileKind::note)
            .empty());
  CHECK(findings("id: ana\nname: Ana Lopez é ü 中文\nstatus: active\nopened: 2026-01-01\n",
                 FileKind::client)
            .empty());
}

// A one-line field (`line` in schema.yaml) holds no line break, however it
// was written; prose keeps its paragraphs in any YAML style.
TEST_CASE("control characters: a line break in a name, a phone or a place is reported") {
  const std::string head = "id: ana\nstatus: active\nopened: 2026-01-01\n";
  auto quoted = findings(head + "name: \"Ana\\nchecked 0 clients\"\n", FileKind::client);
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0] ==
        "f.yaml:4:7: error: 'name' holds a line break, and is written on one line (join its lines "
        "into one) [format/control-character]");
  // A literal block and a plain scalar with a blank line both keep a break.
  CHECK(findings(head + "name: Ana\ncontact:\n  phone: |\n    555-0100\n    555-0101\n",
                 FileKind::client)
            .at(0)
            .find("'phone' holds a line break") != std::string::npos);
  CHECK(findings(head + "name: Ana\n\n  Lopez\n", FileKind::client).size() == 1);
  CHECK(findings("date: 2026-11-02\ntime: \"10:00\"\ncontact: phone\nauthor: \"A\\nB\"\n",
                 FileKind::note)
            .size() == 1);
  // Near misses: folded onto one line, or ended by a block scalar's break.
  CHECK(findings(head + "name: Ana\n  Lopez\n", FileKind::client).empty());
  CHECK(findings(head + "name: >\n  Ana Lopez\n", FileKind::client).empty());
  CHECK(findings(head + "name: Ana\ncontact:\n  address: |\n    1 Main St\n    Bronx NY\n",
                 FileKind::client)
            .empty());
  CHECK(findings("date: 2026-11-02\ntime: \"10:00\"\ncontact: phone\nobjective: |\n  a\n\n  b\n",
                 FileKind::note)
            .empty());
}
