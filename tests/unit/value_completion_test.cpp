#include "lsp/value_completion.hpp"

#include <doctest/doctest.h>

using namespace casekit::lsp;

TEST_CASE("value completion: the key a value belongs to") {
  std::string text =
      "goal: G\n"
      "goals: [G1, G\n"
      "needs:\n"
      "  - N1\n"
      "  # a comment\n"
      "  - \n"
      "plan:\n"
      "  - step: Call\n"
      "    who: \n"
      "objective: text\n";
  CHECK(key_at(text, {0, 7}) == "goal");
  CHECK(key_at(text, {1, 13}) == "goals");
  CHECK(key_at(text, {3, 4}) == "needs");
  CHECK(key_at(text, {5, 4}) == "needs");
  CHECK(key_at(text, {8, 9}) == "who");
  CHECK(key_at(text, {9, 2}) == "");      // inside the key itself
  CHECK(key_at(text, {7, 4}) == "plan");  // an item of the list under plan:
}
