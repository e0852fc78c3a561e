#include <doctest/doctest.h>

#include "record/disclosures.hpp"
#include "schema/schema.hpp"

using namespace casekit;

namespace {

Disclosure sent(const std::string& date, const std::string& partner) {
  return {date,   "00:00",  partner,       "2026-09-08", {"assessment", "plan"},
          "json", "worker", "sha256:0000", "",           0};
}

// A file of these entries, each chained to the one before, as
// append_disclosure writes it.
std::string file_of(std::vector<Disclosure> entries) {
  std::string text = "disclosures:\n", previous;
  for (auto& entry : entries) {
    entry.hash = disclosure_hash(previous, entry);
    previous = entry.hash;
    text += disclosure_yaml(entry);
  }
  return text;
}

std::vector<Diagnostic> findings_of(const std::string& text) {
  return disclosure_chain_findings(read_disclosures(parse_yaml(text, "d.yaml")), "d.yaml");
}

std::string three() {
  return file_of({sent("2026-11-20", "Eastside"), sent("2026-11-21", "Family Support Program"),
                  sent("2026-11-23", "Eastside")});
}

}  // namespace

TEST_CASE("disclosures: entries as written are valid, read back the same and chain") {
  std::string text = three();
  YamlNode tree = parse_yaml(text, "d.yaml");
  CHECK(validate(tree, FileKind::disclosures, "d.yaml").empty());
  auto entries = read_disclosures(tree);
  REQUIRE(entries.size() == 3);
  CHECK(entries[1].partner == "Family Support Program");
  CHECK(entries[1].shares == std::vector<std::string>{"assessment", "plan"});
  CHECK(entries[2].line == 20);
  CHECK(entries[0].hash.rfind("sha256:", 0) == 0);
  CHECK(entries[0].hash.size() == 7 + 64);
  CHECK(findings_of(text).empty());
}

TEST_CASE("disclosures: the hash covers every key and the entry before") {
  Disclosure a = sent("2026-11-20", "Eastside");
  std::string h = disclosure_hash("", a);
  CHECK(disclosure_hash("sha256:1", a) != h);
  for (auto change :
       {+[](Disclosure& d) { d.date = "2026-11-21"; }, +[](Disclosure& d) { d.time = ""; },
        +[](Disclosure& d) { d.partner = "Westside"; },
        +[](Disclosure& d) { d.release_signed = "2026-09-09"; },
        +[](Disclosure& d) { d.shares.pop_back(); }, +[](Disclosure& d) { d.format = "fhir"; },
        +[](Disclosure& d) { d.by = "someone"; }, +[](Disclosure& d) { d.output = "sha256:1"; }}) {
    Disclosure b = a;
    change(b);
    CHECK(disclosure_hash("", b) != h);
  }
  // Layout and quoting do not count: only the values do.
  Disclosure quoted = a;
  quoted.line = 40;
  CHECK(disclosure_hash("", quoted) == h);
}

TEST_CASE("disclosures: an edited, removed or moved entry is reported at its line") {
  std::string text = three();
  SUBCASE("edited") {
    std::string edited = text;
    edited.replace(edited.find("Family Support Program"), 22, "Family Support Project");
    auto found = findings_of(edited);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "format/disclosure-changed");
    CHECK(found[0].location.line == 11);
    CHECK(found[0].message.find("disclosure 2 of 3") != std::string::npos);
  }
  SUBCASE("removed") {
    std::size_t second = text.find("  - date: 2026-11-21");
    std::size_t third = text.find("  - date: 2026-11-23");
    auto found = findings_of(text.substr(0, second) + text.substr(third));
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.line == 11);
  }
  SUBCASE("moved") {
    std::size_t first = text.find("  - date: 2026-11-20");
    std::size_t second = text.find("  - date: 2026-11-21");
    std::string moved = "disclosures:\n" + text.substr(second) + text.substr(first, second - first);
    CHECK(findings_of(moved).size() == 2);  // the two that now follow another
  }
  SUBCASE("the last removed: not seen from the file alone") {
    CHECK(findings_of(text.substr(0, text.find("  - date: 2026-11-23"))).empty());
  }
}

TEST_CASE("disclosures_dropped: an entry the server has must still be there, anywhere") {
  auto before = read_disclosures(parse_yaml(three(), "d.yaml"));
  SUBCASE("appended, or the same entries chained anew in another order: nothing") {
    auto after = before;
    after.push_back(sent("2026-11-24", "Eastside"));
    CHECK(disclosures_dropped(before, after, "d.yaml").empty());
    std::swap(after[0], after[3]);
    after[1].hash = "sha256:other";
    CHECK(disclosures_dropped(before, after, "d.yaml").empty());
  }
  SUBCASE("one changed: that one, by its number, date and partner") {
    auto after = before;
    after[1].partner = "Eastside";
    auto found = disclosures_dropped(before, after, "d.yaml");
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "format/disclosure-changed");
    CHECK(found[0].message ==
          "disclosure 2 of 3 on the server (2026-11-21 to Family Support Program) is changed or "
          "missing in this push: entries are only ever appended");
  }
  SUBCASE("the last removed, or the file: each entry missing") {
    CHECK(disclosures_dropped(before, {before[0], before[1]}, "d.yaml").size() == 1);
    CHECK(disclosures_dropped(before, {}, "d.yaml").size() == 3);
  }
  SUBCASE("an entry twice on the server needs two") {
    auto twice = before;
    twice.push_back(before[2]);
    CHECK(disclosures_dropped(twice, before, "d.yaml").size() == 1);
  }
}
