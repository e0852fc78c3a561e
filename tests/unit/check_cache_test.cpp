#include "check/check_cache.hpp"

#include <doctest/doctest.h>

#include "check/check.hpp"
#include "folder_with_client.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

ClientReport sample_report() {
  ClientReport report{"ana-ruiz", {}};
  Diagnostic d;
  d.location = {"clients/ana-ruiz/notes/2026-11-01-a.yaml", 3, 7};
  d.severity = Severity::warning;
  d.rule = "language/spelling";
  d.message = "'recieved' may be misspelled";
  d.hint = "did you mean 'received'?";
  d.subject = {SubjectKind::note, "2026-11-01-a.yaml"};
  Diagnostic plain = d;
  plain.location = {"clients/ana-ruiz/client.yaml", 0, 0};
  plain.subject = {};
  report.findings = {d, plain};
  report.rules_run = {"language/spelling", "plan/missing"};
  report.goal_ids = {"G1", "G2"};
  report.has_plan = true;
  report.sources = {{"clients/ana-ruiz/client.yaml", "name: Ana\n"}};
  report.note_files = {"2026-11-01-a.yaml"};
  return report;
}

bool same(const ClientReport& a, const ClientReport& b) {
  if (a.findings.size() != b.findings.size()) return false;
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    const Diagnostic &x = a.findings[i], &y = b.findings[i];
    if (format_diagnostic(x) != format_diagnostic(y) || x.subject != y.subject ||
        x.location.file != y.location.file)
      return false;
  }
  return a.id == b.id && a.rules_run == b.rules_run && a.goal_ids == b.goal_ids &&
         a.has_plan == b.has_plan && a.sources == b.sources && a.note_files == b.note_files;
}

}  // namespace

TEST_CASE("check cache: a report comes back as it was kept; damaged bytes are no report") {
  std::string bytes = encode_report(sample_report());
  auto back = decode_report("ana-ruiz", bytes);
  REQUIRE(back.has_value());
  CHECK(same(*back, sample_report()));
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, bytes.size() / 2, bytes.size() - 1})
    CHECK_FALSE(decode_report("ana-ruiz", bytes.substr(0, cut)).has_value());
  CHECK_FALSE(decode_report("ana-ruiz", bytes + "x").has_value());
  CHECK_FALSE(decode_report("ana-ruiz", std::string(64, '\xff')).has_value());
}

TEST_CASE("check cache: the key names what a report depends on; some runs have none") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  Settings settings = folder.settings();
  CheckOptions options;
  options.today = *Date::parse("2026-11-23");
  std::string key = check_cache_key(folder, settings, "program: A\n", options);
  REQUIRE_FALSE(key.empty());
  CHECK(check_cache_key(folder, settings, "program: A\n", options) == key);
  CHECK(check_cache_key(folder, settings, "program: B\n", options) != key);
  // The spelling library this process runs with, by its file's stat.
  CHECK(key.find("libhunspell") != std::string::npos);
  CheckOptions later = options;
  later.today = *Date::parse("2026-11-24");
  CHECK(check_cache_key(folder, settings, "program: A\n", later) != key);
  CheckOptions carets = options;
  carets.keep_sources = true;
  CHECK(check_cache_key(folder, settings, "program: A\n", carets) != key);
  CheckOptions some_files = options;
  some_files.only_files = {"clients/ana-ruiz/client.yaml"};
  CHECK(check_cache_key(folder, settings, "program: A\n", some_files).empty());
}
