// Spelling through hunspell and the system's dictionaries (Debian's
// hunspell-en-us): a maintained speller and word list beat any list we
// would keep ourselves.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/unaccented.hpp"

namespace casekit {

// The dictionary's path without .aff/.dic: CASEKIT_DICTIONARY, or
// Debian's dictionary of the variant (en_US, en_GB, ...). The speller and
// redaction read the same one.
std::string dictionary_base(const std::string& variant = "en_US");
// Whether that dictionary's .aff and .dic can be read: what open_default needs.
bool dictionary_installed(const std::string& variant = "en_US");

class Speller {
 public:
  // The dictionary in CASEKIT_DICTIONARY (a path without .aff/.dic), or
  // en_US from /usr/share/hunspell, knowing the program's own words (local
  // names, places, programs); nullptr when none is installed.
  static std::unique_ptr<Speller> open_default(const std::string& variant = "en_US",
                                               const std::vector<std::string>& program_words = {});
  // A loaded dictionary is kept when its speller closes, and the next
  // speller of the same dictionary and words in this process takes it
  // instead of loading it again (tens of milliseconds, more under the
  // sanitizers): the language server and the tests open many.
  Speller(const std::string& aff, const std::string& dic,
          const std::vector<std::string>& program_words = {});
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  // Words one record knows (its people and partners), until end_record():
  // one client's names never change another client's findings. Accepted in
  // any case and with or without accents: "María" accepts "maria".
  void accept_for_record(const std::string& word);
  void end_record();
  bool correct(std::string_view word);
  // The likeliest word meant, remembered for the run; nothing past the
  // record's first ten requests.
  std::optional<std::string> suggestion(const std::string& word);
  // Whether a word's suggestion is the same in any record and any order:
  // true with the suggester; false when hunspell suggests instead, since
  // its suggestions are capped per run. Loads the suggester (0.1 s) if no
  // misspelling has yet.
  bool suggests_in_any_order();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casekit
