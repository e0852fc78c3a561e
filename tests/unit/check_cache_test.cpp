#include "check/check_cache.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <iterator>

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

std::string digest(char c) {
  return std::string(32, c);
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// A cache with one report kept and written, as a run leaves it.
fs::path saved_cache(const CaseFolder& folder, const std::string& key) {
  fs::path path = CheckCache::path_in(folder.root());
  CheckCache cache(path, key);
  cache.keep("ana-ruiz", digest('a'), sample_report());
  cache.save(folder, nullptr);
  return path;
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
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

TEST_CASE("check cache: kept under a key and a stamp, found under the same only") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key one");
  CHECK(mode_of(path) == 0600);
  CHECK(tmp.read(".casekit/.gitignore").find("\n*\n") != std::string::npos);
  CheckCache same_key(path, "key one");
  auto found = same_key.find("ana-ruiz", digest('a'));
  REQUIRE(found.has_value());
  CHECK(same(*found, sample_report()));
  CHECK_FALSE(same_key.find("ana-ruiz", digest('b')).has_value());
  CHECK_FALSE(same_key.find("bea", digest('a')).has_value());
  CHECK_FALSE(CheckCache(path, "key two").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE("check cache: a client gone from the caseload, or re-checked and not kept, goes") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  {
    CheckCache cache(path, "key");
    cache.forget("ana-ruiz");
    cache.save(folder, nullptr);
  }
  CHECK_FALSE(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
  saved_cache(folder, "key");
  std::vector<std::string> others{"bea"};
  CheckCache(path, "key").save(folder, &others);
  CHECK_FALSE(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE("check cache: a damaged cache is ignored and rebuilt") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  std::string good = file_text(path);
  std::string truncated = good.substr(0, good.size() / 2), flipped = good;
  flipped[flipped.size() / 2] ^= 1;
  std::string wrong_sum = good;
  wrong_sum.back() ^= 1;
  for (const auto& bad : {truncated, flipped, wrong_sum, std::string("garbage\n"), std::string()}) {
    write_text(path, bad);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    CHECK_FALSE(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
    saved_cache(folder, "key");
    CHECK(file_text(path) == good);
  }
}

TEST_CASE("check cache: a cache anyone may read is not trusted, and is made private again") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  ::chmod(path.c_str(), 0644);
  CHECK_FALSE(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
  saved_cache(folder, "key");
  CHECK(mode_of(path) == 0600);
}

TEST_CASE("check cache: a link at the cache's path is never followed, read or written") {
  TempFolder tmp, outside;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  // A valid cache elsewhere, and a file to protect.
  fs::copy_file(path, outside.path() / "cache");
  outside.write("precious", "not a cache\n");
  fs::remove(path);
  fs::create_symlink(outside.path() / "cache", path);
  CHECK_FALSE(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
  fs::remove(path);
  fs::create_symlink(outside.path() / "precious", path);
  saved_cache(folder, "key");
  CHECK(outside.read("precious") == "not a cache\n");
  CHECK(fs::is_regular_file(fs::symlink_status(path)));
  CHECK(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE("check cache: a folder in its place, or a folder that cannot be written, stops nothing") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = CheckCache::path_in(folder.root());
  fs::create_directories(path / "inside");
  CHECK_FALSE(CheckCache(path, "key").find("ana-ruiz", digest('a')).has_value());
  CHECK_NOTHROW(saved_cache(folder, "key"));
  CHECK(fs::is_directory(path / "inside"));
  fs::remove_all(path);
  if (::geteuid() != 0) {  // root writes anywhere
    fs::permissions(path.parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_NOTHROW(saved_cache(folder, "key"));
    CHECK_FALSE(fs::exists(path));
    fs::permissions(path.parent_path(), fs::perms::owner_all);
  }
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
