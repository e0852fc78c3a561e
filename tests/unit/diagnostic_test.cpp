#include "findings/diagnostic.hpp"

#include <doctest/doctest.h>

#include "findings/finding_cap.hpp"

using namespace casekit;

namespace {

std::vector<Diagnostic> findings(const std::string& file, const std::string& rule, int from,
                                 int count, Severity severity = Severity::warning) {
  std::vector<Diagnostic> out;
  for (int line = from; line < from + count; ++line)
    out.push_back({{file, line, 1}, severity, rule, "message", "hint"});
  return out;
}

}  // namespace

TEST_CASE("a file lists its first 200 findings, then one per rule saying how many more") {
  std::vector<Diagnostic> all = findings("a.yaml", "language/label", 1, 190);
  auto more = findings("a.yaml", "language/spelling", 191, 300, Severity::info);
  more[250].severity = Severity::error;
  all.insert(all.end(), more.begin(), more.end());
  auto labels = findings("a.yaml", "language/label", 491, 5);
  all.insert(all.end(), labels.begin(), labels.end());
  auto other = findings("b.yaml", "note/data", 1, 3);
  all.insert(all.end(), other.begin(), other.end());
  cap_per_file(all);
  REQUIRE(all.size() == 200 + 2 + 3);
  CHECK(all[199].location.line == 200);
  // In the place of the first finding left out, with their worst severity.
  const Diagnostic& spelling = all[200];
  CHECK(spelling.rule == "language/spelling");
  CHECK(spelling.location.line == 201);
  CHECK(spelling.severity == Severity::error);
  CHECK(spelling.message ==
        "290 more findings of this rule in this file not listed (casekit lists the first 200 "
        "findings of a file)");
  const Diagnostic& label = all[201];
  CHECK(label.rule == "language/label");
  CHECK(label.location.line == 491);
  CHECK(label.message.rfind("5 more findings of this rule", 0) == 0);
  CHECK(all[202].location.file == "b.yaml");
}

TEST_CASE("a file with at most 200 findings keeps them all, in their order") {
  std::vector<Diagnostic> all = findings("a.yaml", "language/label", 1, 200);
  all.push_back({{"", 0, 0}, Severity::error, "format/unknown-key", "m", "h"});
  std::vector<Diagnostic> before = all;
  cap_per_file(all);
  REQUIRE(all.size() == before.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    CHECK(all[i].location.line == before[i].location.line);
}
