#include "base/error.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

// What the command line does with a field: names it by its option.
std::string as_option(const std::string& field) {
  return field == "target_date" ? "--target-date" : "--" + field;
}

Error refused_date() {
  return Error(input_field("target_date") + ": '2026-13-01' is not a real date",
               "add " + input_field("description") + " TEXT, or " + input_field("target_date"));
}

}  // namespace

TEST_CASE("an error keeps the input fields it names, in order, once each") {
  Error e = refused_date();
  CHECK(e.fields() == std::vector<std::string>{"target_date", "description"});
  CHECK(Error("a plain message", "a plain hint").fields().empty());
}

TEST_CASE("what() and hint() name the fields in words, for the language server and the tests") {
  Error e = refused_date();
  CHECK(std::string(e.what()) == "target date: '2026-13-01' is not a real date");
  CHECK(e.hint() == "add description TEXT, or target date");
  CHECK(format_error(e) ==
        "casekit: error: target date: '2026-13-01' is not a real date (add description TEXT, or "
        "target date)");
}

TEST_CASE("format_error names the fields the way its caller asks: the options of a command") {
  CHECK(format_error(refused_date(), as_option) ==
        "casekit: error: --target-date: '2026-13-01' is not a real date (add --description "
        "TEXT, or --target-date)");
}

TEST_CASE("a mark that came from the user's input is shown, not taken for a field") {
  // An unfinished mark, as a typed value could hold one.
  Error e(std::string("'\x1e") + "date' is not a real date");
  CHECK(e.fields().empty());
  CHECK(format_error(e, as_option) == "casekit: error: '\\x1edate' is not a real date");
}
