// The speller: what it accepts for one record, and how good and how
// cheap its suggestions are (src/core/speller.cpp, suggester*.cpp).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "temp_folder.hpp"
#include "words/speller.hpp"
#include "words/suggester.hpp"

using casekit::Speller;
using casekit::Suggester;

namespace {

namespace fs = std::filesystem;

// The system's dictionary, or nullptr (the tests that need it skip).
std::unique_ptr<Speller> speller() {
  auto opened = Speller::open_default();
  if (!opened) MESSAGE("no dictionary is installed here (hunspell en_US): skipped");
  return opened;
}

// tests/data/typos.tsv: real case-note typos and the word meant.
std::vector<std::pair<std::string, std::string>> typos() {
  std::ifstream in(fs::path(CASEKIT_SOURCE_DIR) / "tests" / "data" / "typos.tsv");
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#')
      out.emplace_back(line.substr(0, line.find('\t')), line.substr(line.find('\t') + 1));
  return out;
}

}  // namespace

TEST_CASE("speller: a record's names in any case, with or without accents") {
  auto s = speller();
  if (!s) return;
  for (const char* name : {"Rosa", "María", "Delgado", "Ruiz", "O'Brien", "Łukasz", "Zoë"})
    s->accept_for_record(name);
  for (const char* word :
       {"rosa", "maria", "delgado", "ruiz", "delgado's", "o'brien", "lukasz", "zoe"})
    CHECK_MESSAGE(s->correct(word), std::string(word));
  s->end_record();
  // The next record does not know them.
  for (const char* word : {"rosa", "delgado", "lukasz", "o'brien"}) CHECK_FALSE(s->correct(word));
}

TEST_CASE("speller: a record's names are never suggested, in it or in another record") {
  auto s = speller();
  if (!s) return;
  auto suggested = [&] {
    return casekit::unaccented_lower(s->suggestion("delgadilo").value_or(""));
  };
  s->accept_for_record("Delgadillo");
  CHECK(suggested() != "delgadillo");
  s->end_record();
  CHECK(suggested() != "delgadillo");
}

TEST_CASE("speller: unaccented_lower takes the accents off Latin letters") {
  CHECK(casekit::unaccented_lower("María José Núñez") == "maria jose nunez");
  CHECK(casekit::unaccented_lower("ŁUKASZ Øster Ærø") == "lukasz oster aro");
  CHECK(casekit::unaccented_lower("Nguyễn") == "nguyễn");  // beyond U+017F: kept
  CHECK(casekit::unaccented_lower("\xC3") == "\xC3");      // a cut sequence: kept
}

// The first suggestion is the word meant for at least this share of the
// typos the dictionary rejects: 118 of 141 (83.7%) on 2026-12-02, where
// hunspell's suggest() had 111 (78.7%) and with MAXNGRAMSUGS 0 107 (75.9%).
TEST_CASE("speller: suggestion quality on real case-note typos") {
  auto s = speller();
  if (!s) return;
  int rejected = 0, right = 0;
  for (const auto& [typo, meant] : typos()) {
    if (s->correct(typo)) continue;
    ++rejected;
    auto got = s->suggestion(typo);
    s->end_record();  // the per-record limit does not apply here
    if (got && *got == meant) ++right;
  }
  CHECK(typos().size() >= 100);
  REQUIRE(rejected >= 100);
  MESSAGE("first suggestion right for " << right << " of " << rejected);
  CHECK(right * 100 >= 83 * rejected);
}

// A dictionary the Suggester cannot read (long flags) is left to hunspell.
TEST_CASE("suggester: gives up on an affix file it does not know") {
  casekit::testing::TempFolder tmp;
  std::ofstream(tmp.path() / "x.aff") << "SET UTF-8\nFLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\n";
  std::ofstream(tmp.path() / "x.dic") << "1\nword/Aa\n";
  CHECK(Suggester::load((tmp.path() / "x.aff").string(), (tmp.path() / "x.dic").string()) ==
        nullptr);
}

TEST_CASE("suggester: expands prefixes and suffixes, with their conditions") {
  casekit::testing::TempFolder tmp;
  std::ofstream(tmp.path() / "x.aff") << "SET UTF-8\n"
                                         "PFX A Y 1\nPFX A 0 re .\n"
                                         "SFX D Y 2\nSFX D 0 d e\nSFX D 0 ed [^e]\n"
                                         "REP 1\nREP ei ie\n";
  std::ofstream(tmp.path() / "x.dic") << "2\nreceive/AD\nwalk/D\n";
  auto s = Suggester::load((tmp.path() / "x.aff").string(), (tmp.path() / "x.dic").string());
  REQUIRE(s);
  const Suggester::WordSet none;
  CHECK(s->size() == 6);  // receive received rereceive rereceived walk walked
  CHECK(s->suggest("recieved", none) == std::optional<std::string>("received"));
  CHECK(s->suggest("walkde", none) == std::optional<std::string>("walked"));
  CHECK(s->suggest("rereceivd", none) == std::optional<std::string>("rereceived"));
  CHECK(s->suggest("zzzzzz", none) == std::nullopt);
}

// CASEKIT_DICTIONARY may name any file: a broken .aff gives no Suggester
// or a smaller one, never a crash.
TEST_CASE("suggester: broken affix lines") {
  casekit::testing::TempFolder tmp;
  const Suggester::WordSet none;
  std::ofstream(tmp.path() / "x.aff") << "SFX X Y 2\nSFX X 0 s [abc\nSFX X abcdefgh\nREP\nREP 1\n";
  std::ofstream(tmp.path() / "x.dic") << "not a count\ncab/X\nc/XX\n\n/X\n";
  auto s = Suggester::load((tmp.path() / "x.aff").string(), (tmp.path() / "x.dic").string());
  REQUIRE(s);
  CHECK(s->suggest("cbas", none) == std::optional<std::string>("cabs"));
  std::ofstream(tmp.path() / "y.aff") << "PFX\n";
  CHECK(Suggester::load((tmp.path() / "y.aff").string(), (tmp.path() / "x.dic").string()) ==
        nullptr);
  CHECK(Suggester::load((tmp.path() / "none.aff").string(), (tmp.path() / "x.dic").string()) ==
        nullptr);
}

// A closed speller's dictionary is taken by the next speller of the same
// dictionary and program words; another program's words never come with it.
TEST_CASE("speller: a kept dictionary serves only spellers with the same program words") {
  if (!casekit::dictionary_installed()) return;
  {
    auto first = Speller::open_default("en_US", {"Zeltwood"});
    CHECK(first->correct("Zeltwood"));
    CHECK_FALSE(first->correct("Quorrin"));
  }
  auto other = Speller::open_default("en_US", {"Quorrin"});
  CHECK(other->correct("Quorrin"));
  CHECK_FALSE(other->correct("Zeltwood"));
  auto none = Speller::open_default();
  CHECK_FALSE(none->correct("Zeltwood"));
  CHECK_FALSE(none->correct("Quorrin"));
  auto again = Speller::open_default("en_US", {"Zeltwood"});
  CHECK(again->correct("Zeltwood"));
  CHECK(again->correct("house"));
}
