#include <doctest/doctest.h>

#include <algorithm>
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

namespace {
DueList long_items() {
  DueList list = two_items();
  list.items.push_back({"jasmine-rivera", "next-step", "n.yaml#1",
                        "next step: Attend the first college and career workshop at the "
                        "Bronx Community College (Jasmine)",
                        d("2026-11-26"), "casekit note jasmine-rivera --contact CONTACT"});
  list.items.push_back({"josé-niño", "next-step", "n.yaml#2",
                        "next step: Llamar a la señora Núñez sobre la guardería del niño, "
                        "después de la cita médica",
                        d("2026-11-27"), "casekit note josé-niño --contact CONTACT"});
  return list;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  return lines;
}

std::size_t characters(const std::string& line) {
  return static_cast<std::size_t>(
      std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}
}  // namespace

TEST_CASE("due text: piped, one full line per item, whatever its length") {
  auto lines = lines_of(render_due_text(long_items(), d("2026-11-23"), 0));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].rfind("WHEN", 0) == 0);
  CHECK(lines[3].find("(Jasmine)  casekit note jasmine-rivera --contact CONTACT") !=
        std::string::npos);
}

TEST_CASE("due text: on an 80-column terminal, two lines an item that fit, commands whole") {
  auto lines = lines_of(render_due_text(long_items(), d("2026-11-23"), 80));
  REQUIRE(lines.size() == 2 + 2 * 4);
  CHECK(lines[0] == "WHEN            CLIENT          WHAT");
  CHECK(lines[1] == "    RESOLVE WITH");
  CHECK(lines[2] == "overdue 3 days  ana-ruiz        milestone G1 1: \"Enroll\"");
  CHECK(lines[3] == "    casekit plan ana-ruiz complete-milestone G1 1");
  // Cut with an ellipsis at 80 characters, not bytes, and never inside one.
  CHECK(lines[6] ==
        "due in 3 days   jasmine-rivera  next step: Attend the first college and career…");
  CHECK(lines[8] ==
        "due in 4 days   josé-niño       next step: Llamar a la señora Núñez sobre la gu…");
  for (const auto& line : lines) CHECK(characters(line) <= 80);
  CHECK(lines[9] == "    casekit note josé-niño --contact CONTACT");
}

TEST_CASE("due text: a wide terminal keeps the one-line table") {
  std::string wide = render_due_text(long_items(), d("2026-11-23"), 0);
  CHECK(render_due_text(long_items(), d("2026-11-23"), 400) == wide);
}
