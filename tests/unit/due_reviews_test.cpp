#include "views/due_reviews.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

SourceFile review_file(const std::string& name, const std::string& text) {
  SourceFile file;
  file.path = fs::path("clients/ana-ruiz/reviews") / name;
  file.display = file.path.string();
  file.tree = parse_yaml(text, name);
  file.parsed = true;
  return file;
}

std::string goal_review(const std::string& date, const std::string& extra = "") {
  return "reviewer: Ruth Adler\ndate: " + date +
         "\nchecklist: isp-short-term-goal\ngoal: G1\nmarks: {}\n" + extra;
}

ClientFiles files_of(std::vector<SourceFile> reviews) {
  ClientFiles files;
  files.id = "ana-ruiz";
  files.reviews = std::move(reviews);
  return files;
}

DueOptions on(const char* day) {
  return {*Date::parse(day), 7, ""};
}

// Every review's items, one after another.
std::vector<DueItem> all_items(const ClientFiles& files, const DueOptions& options) {
  std::vector<DueItem> out;
  for (auto& review : review_due_items(files, options))
    out.insert(out.end(), review.items.begin(), review.items.end());
  return out;
}

}  // namespace

TEST_CASE("due_reviews: not acknowledged a week after; a follow-up until a later review") {
  ClientFiles files = files_of({review_file("2026-11-10-isp-short-term-goal-G1.yaml",
                                            goal_review("2026-11-10", "follow_up: 2026-11-20\n"))});
  auto items = all_items(files, on("2026-11-23"));
  REQUIRE(items.size() == 2);
  CHECK(items[0].kind == "coaching");
  CHECK(items[0].date == *Date::parse("2026-11-17"));
  CHECK(items[0].what == "acknowledge Ruth Adler's coaching review of goal G1 (2026-11-10)");
  CHECK(items[0].command == "casekit review ana-ruiz ack 2026-11-10-isp-short-term-goal-G1.yaml");
  CHECK(items[1].kind == "coaching-follow-up");
  CHECK(
      items[1].command ==
      "casekit review ana-ruiz --checklist isp-short-term-goal --goal G1 --reviewer 'Ruth Adler'");
  // A later review of the same goal, acknowledged, resolves both.
  files.reviews[0] = review_file("a.yaml", goal_review("2026-11-10",
                                                       "follow_up: 2026-11-20\n"
                                                       "acknowledged:\n  by: A\n"
                                                       "  date: 2026-11-11\n"));
  files.reviews.push_back(review_file("b.yaml", goal_review("2026-11-21",
                                                            "acknowledged:\n"
                                                            "  by: A\n  date: "
                                                            "2026-11-22\n")));
  CHECK(all_items(files, on("2026-11-23")).empty());
}

TEST_CASE("due_reviews: each review's items come with its reviewer, for due's filter") {
  ClientFiles files = files_of({review_file("a.yaml", goal_review("2026-11-10"))});
  auto reviews = review_due_items(files, on("2026-11-23"));
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0].reviewer == "Ruth Adler");
  CHECK(reviews[0].items.size() == 1);
  // Not a week old, and none looked ahead for: the review, without items.
  reviews = review_due_items(files, {*Date::parse("2026-11-12"), 0, ""});
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0].items.empty());
}

TEST_CASE("due_reviews: shell words are quoted only when they must be, quotes and all") {
  CHECK(shell_word("G1") == "G1");
  CHECK(shell_word("2026-11-20-1430-in-person.yaml") == "2026-11-20-1430-in-person.yaml");
  CHECK(shell_word("Ruth Adler") == "'Ruth Adler'");
  CHECK(shell_word("Ruth O'Neil; rm -rf") == "'Ruth O'\\''Neil; rm -rf'");
}
