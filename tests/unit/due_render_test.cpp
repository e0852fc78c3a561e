#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "views/due.hpp"

using namespace casekit;

namespace {

Date d(const char* text) {
  return *Date::parse(text);
}

DueList two_items() {
  DueList list;
  list.items.push_back({"ana-ruiz", "milestone", "G1.1", "milestone G1 1: \"Enroll\"",
                        d("2026-11-20"), "casekit plan ana-ruiz complete-milestone G1 1"});
  list.items.push_back(
      {"ben-ode", "review", "review", "review the plan", d("2026-11-25"), "casekit plan ben-ode"});
  return list;
}

}  // namespace

TEST_CASE("due formats: text, json and ics, each found by its name") {
  std::vector<std::string_view> names;
  for (const DueFormat& format : due_formats()) {
    names.push_back(format.name);
    CHECK(&due_format(format.name) == &format);
    CHECK(!format.summary.empty());
  }
  CHECK(names == std::vector<std::string_view>{"text", "json", "ics"});
  CHECK(due_format("text").counts_on_stderr);
  CHECK_FALSE(due_format("json").counts_on_stderr);
}

TEST_CASE("due json: as_of, overdue and every item with its days, in the documented order") {
  auto json = nlohmann::ordered_json::parse(render_due_json(two_items(), d("2026-11-23")));
  CHECK(json["as_of"] == "2026-11-23");
  CHECK(json["overdue"] == true);
  REQUIRE(json["items"].size() == 2);
  const auto& first = json["items"][0];
  std::vector<std::string> keys;
  for (const auto& [key, value] : first.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"client", "kind", "about", "what", "date", "days", "when",
                                         "command"});
  CHECK(first["what"] == "milestone G1 1: \"Enroll\"");
  CHECK(first["days"] == -3);
  CHECK(first["when"] == "overdue 3 days");
  CHECK(json["items"][1]["days"] == 2);
}

TEST_CASE("due json and text: an empty list is an empty items list, and no table") {
  auto json = nlohmann::json::parse(render_due_json({}, d("2026-11-23")));
  CHECK(json["overdue"] == false);
  CHECK(json["items"].empty());
  CHECK(render_due_text({}, d("2026-11-23")).empty());
  CHECK(render_due_text(two_items(), d("2026-11-23")).rfind("WHEN", 0) == 0);
}
