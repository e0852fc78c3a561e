// Spelling suggestions in microseconds. Hunspell's suggest() tries
// hundreds of affix analyses and scans the whole dictionary for n-grams:
// about 35 ms a word, most of check's time on a caseload with typos. This
// expands the dictionary's words once (stems with their prefixes and
// suffixes, as the .aff file describes them) into a hash set, and looks up
// the likely edits of a misspelled word in it.
#pragma once

#include <absl/container/flat_hash_set.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "words/word_hash.hpp"

namespace casekit {

class Suggester {
 public:
  // nullptr when the .aff file uses what this reader does not know (long or
  // numeric flags, compounding beyond numbers): hunspell suggests then.
  static std::unique_ptr<Suggester> load(const std::string& aff, const std::string& dic);
  using WordSet = absl::flat_hash_set<std::string, QuickWordHash, QuickWordEqual>;
  // The likeliest word meant, or nothing when no word is two edits away;
  // `extra` are the program's own words (casekit.yaml's dictionary:).
  std::optional<std::string> suggest(const std::string& word, const WordSet& extra) const;
  std::size_t size() const { return words_.size(); }

 private:
  struct Best;
  void edits(const std::string& word, Best& best, bool only_first_class) const;

  // Only words of lower-case ASCII letters and apostrophes: the only ones
  // language/spelling checks, so the only ones worth suggesting.
  WordSet words_;
  // The .aff file's REP table: common misspellings, tried first.
  std::vector<std::pair<std::string, std::string>> replacements_;
};

}  // namespace casekit
