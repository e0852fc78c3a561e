#include "views/person_filter.hpp"

#include <doctest/doctest.h>

#include "base/error.hpp"

using casekit::Error;
using casekit::fold_name;
using casekit::PersonFilter;

TEST_CASE("person filter: a name matches whatever its case and spacing") {
  CHECK(fold_name("  Alicia   Moreno ") == "alicia moreno");
  PersonFilter filter("alicia moreno");
  CHECK(filter.matches("Alicia Moreno"));
  CHECK(filter.matches("ALICIA\tMORENO"));
  CHECK_FALSE(filter.matches("Alicia Morena"));
  CHECK_NOTHROW(filter.require_known("case manager"));
}

TEST_CASE("person filter: no name lets everyone through and never refuses") {
  PersonFilter filter("");
  CHECK(filter.matches("Darnell Price"));
  CHECK(filter.matches(""));
  CHECK_NOTHROW(filter.require_known("case manager"));
}

namespace {
std::string refusal(PersonFilter& filter) {
  try {
    filter.require_known("case manager");
  } catch (const Error& e) {
    return std::string(e.what()) + " | " + e.hint();
  }
  return "accepted";
}
}  // namespace

TEST_CASE("person filter: a name no record carries is refused with the nearest") {
  PersonFilter typo("Alicia Morena");
  typo.matches("Alicia Moreno");
  typo.matches("Darnell Price");
  CHECK(refusal(typo) ==
        "no client's case manager is 'Alicia Morena' | did you mean 'Alicia Moreno'?");

  PersonFilter first_name("darnell");
  first_name.matches("Alicia Moreno");
  first_name.matches("Darnell Price");
  CHECK(refusal(first_name) ==
        "no client's case manager is 'darnell' | did you mean 'Darnell Price'?");

  PersonFilter stranger("Nobody");
  stranger.matches("Alicia Moreno");
  CHECK(refusal(stranger) ==
        "no client's case manager is 'Nobody' | `casekit list` shows each client's case manager");
}

TEST_CASE("person filter: a first name two people share suggests neither") {
  PersonFilter filter("Sam");
  filter.matches("Sam Ortiz");
  filter.matches("Sam Lee");
  CHECK(refusal(filter) ==
        "no client's case manager is 'Sam' | `casekit list` shows each client's case manager");
}
