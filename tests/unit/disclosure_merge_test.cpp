#include "git/disclosure_merge.hpp"

#include <doctest/doctest.h>

#include "record/disclosures.hpp"
#include "schema/schema.hpp"

using namespace casekit;

namespace {

Disclosure sent(const std::string& date, const std::string& time, const std::string& partner) {
  return {date, time, partner, "2026-09-08", {"plan"}, "json", "worker", "sha256:0000", "", 0};
}

const char* kHeader = "# written by casekit\ndisclosures:\n";

// A file of these entries, each chained to the one before.
std::string file_of(std::vector<Disclosure> entries) {
  std::string text = kHeader, previous;
  for (auto& entry : entries) {
    entry.hash = disclosure_hash(previous, entry);
    previous = entry.hash;
    text += disclosure_yaml(entry);
  }
  return text;
}

std::vector<Disclosure> entries_of(const std::string& text) {
  YamlNode tree = parse_yaml(text, "merged");
  CHECK(validate(tree, FileKind::disclosures, "merged").empty());
  auto entries = read_disclosures(tree);
  CHECK(disclosure_chain_findings(entries, "merged").empty());
  return entries;
}

const Disclosure first = sent("2026-11-20", "09:00", "Eastside");
const Disclosure alicia = sent("2026-11-23", "10:15", "Project H.O.P.E.");
const Disclosure alicia_later = sent("2026-11-23", "16:00", "Eastside");
const Disclosure darnell = sent("2026-11-23", "11:30", "Family Support Program");

}  // namespace

TEST_CASE("merge_disclosures: both copies' new entries by date and time, one unbroken chain") {
  auto merged = merge_disclosures(file_of({first}), file_of({first, alicia, alicia_later}),
                                  file_of({first, darnell}));
  REQUIRE(merged);
  CHECK(merged->rfind(kHeader, 0) == 0);
  auto entries = entries_of(*merged);
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].hash == read_disclosures(parse_yaml(file_of({first}), "b"))[0].hash);
  CHECK(entries[1].partner == "Project H.O.P.E.");
  CHECK(entries[2].partner == "Family Support Program");
  CHECK(entries[3].time == "16:00");
  // Merged from the other side, the same entries in the same order.
  auto other = merge_disclosures(file_of({first}), file_of({first, darnell}),
                                 file_of({first, alicia, alicia_later}));
  REQUIRE(other);
  CHECK(*other == *merged);
}

TEST_CASE("merge_disclosures: a file new in both copies, and an entry both have") {
  auto merged = merge_disclosures("", file_of({alicia}), file_of({darnell}));
  REQUIRE(merged);
  CHECK(entries_of(*merged).size() == 2);
  auto once = merge_disclosures(file_of({first}), file_of({first, alicia}),
                                file_of({first, alicia, darnell}));
  REQUIRE(once);
  CHECK(entries_of(*once).size() == 3);
}

TEST_CASE("merge_disclosures: a copy whose common entries changed is git's to merge") {
  Disclosure edited = first;
  edited.partner = "Someone else";
  CHECK_FALSE(
      merge_disclosures(file_of({first}), file_of({edited, alicia}), file_of({first, darnell})));
  CHECK_FALSE(merge_disclosures(file_of({first, darnell}), file_of({first, alicia}),
                                file_of({first, darnell})));
  std::string broken = file_of({first, darnell});
  broken.replace(broken.find("Family Support"), 6, "Famous");
  CHECK_FALSE(merge_disclosures(file_of({first}), file_of({first, alicia}), broken));
  CHECK_FALSE(merge_disclosures(file_of({first}), "disclosures: [", file_of({first, darnell})));
}
