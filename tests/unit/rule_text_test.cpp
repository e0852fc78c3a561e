// Names typed by hand in casekit.yaml and the records, compared as a case
// worker reads them.
#include "check/rule_text.hpp"

#include <doctest/doctest.h>

using namespace casekit;

TEST_SUITE("rule_text") {
  TEST_CASE("same_name: case and spacing do not matter, words and punctuation do") {
    CHECK(same_name("Work readiness training", "work READINESS training"));
    CHECK(same_name(" Work  readiness\ttraining ", "Work readiness training"));
    CHECK_FALSE(same_name("Work readiness", "Work readiness training"));
    CHECK_FALSE(same_name("Workreadiness training", "Work readiness training"));
    CHECK_FALSE(same_name("Tutoring.", "Tutoring"));
    CHECK(is_one_of("tutoring", {"Case management", "Tutoring"}));
    CHECK_FALSE(is_one_of("Tutoring", {}));
  }

  TEST_CASE("language_names: the languages one value names") {
    using Names = std::vector<std::string>;
    CHECK(language_names("Spanish") == Names{"spanish"});
    CHECK(language_names("Spanish and English") == Names{"spanish", "english"});
    CHECK(language_names("Spanish/English") == Names{"spanish", "english"});
    CHECK(language_names("English, Haitian Creole & French") ==
          Names{"english", "haitian creole", "french"});
    CHECK(language_names("Spanish (some English)") == Names{"spanish", "some english"});
    CHECK(language_names("Mandarin or Cantonese") == Names{"mandarin", "cantonese"});
    CHECK(language_names("  ") == Names{});
    // "and" inside a word is not a separator.
    CHECK(language_names("Rwandan Kinyarwanda") == Names{"rwandan kinyarwanda"});
  }

  TEST_CASE("share_a_language: one language in common is enough, half a name is not") {
    CHECK(share_a_language("Spanish and English", "spanish"));
    CHECK(share_a_language("English", "Spanish/English"));
    CHECK_FALSE(share_a_language("Creole", "Haitian Creole"));
    CHECK_FALSE(share_a_language("Spanglish", "Spanish"));
    CHECK_FALSE(share_a_language("", "Spanish"));
  }
}
