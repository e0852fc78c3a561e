#include "words/rewordings.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "words/word_lists.hpp"

using namespace casekit;

TEST_CASE("rewordings: words.yaml's replace_with, found at the start of a text") {
  const Rewording* r = rewording_at("language/label", "Tested clean at the clinic");
  REQUIRE(r != nullptr);
  CHECK(r->phrase == "tested clean");
  CHECK(r->with == std::vector<std::string>{"tested negative"});
  CHECK(rewording_at("language/label", "tested cleaner") == nullptr);  // a whole word only
  CHECK(rewording_at("language/label", "clean") == nullptr);
  CHECK(rewording_at("language/opinion", "Tested clean") == nullptr);  // another rule's list
}

TEST_CASE("rewordings: the longest phrase wins") {
  const Rewording* r = rewording_at("language/label", "confined to a wheelchair since");
  REQUIRE(r != nullptr);
  CHECK(r->phrase == "confined to a wheelchair");
}

TEST_CASE("rewordings: every phrase with replace_with is a phrase its rule flags") {
  for (const auto& list : word_lists())
    for (const auto& r : rewordings(list.rule)) {
      CAPTURE(r.phrase);
      bool listed = std::any_of(list.entries.begin(), list.entries.end(),
                                [&](const WordEntry& e) { return e.phrase == r.phrase; });
      CHECK(listed);
      CHECK(!r.with.empty());
    }
}
