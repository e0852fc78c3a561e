#include "record/client_cache.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <iterator>

#include "folder_with_client.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

// What a command keeps of a client: any bytes, a NUL among them.
const std::string kPayload("a report\0 or a row\n", 20);

std::string digest(char c) {
  return std::string(32, c);
}

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// A cache with one client's bytes kept and written, as a run leaves it.
fs::path saved_cache(const CaseFolder& folder, const std::string& key) {
  ClientCache cache(folder.root(), "check", key);
  cache.keep("ana-ruiz", digest('a'), kPayload);
  cache.save(folder, nullptr);
  return ClientCache::path_in(folder.root(), "check");
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("client cache: kept under a key and a stamp, found under the same only") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key one");
  CHECK(mode_of(path) == 0600);
  CHECK(tmp.read(".casekit/.gitignore").find("\n*\n") != std::string::npos);
  ClientCache same_key(folder.root(), "check", "key one");
  auto found = same_key.find("ana-ruiz", digest('a'));
  REQUIRE(found.has_value());
  CHECK(*found == kPayload);
  CHECK_FALSE(same_key.find("ana-ruiz", digest('b')).has_value());
  CHECK_FALSE(same_key.find("bea", digest('a')).has_value());
  CHECK_FALSE(
      ClientCache(folder.root(), "check", "key two").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE("client cache: a client gone from the caseload, or re-checked and not kept, goes") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  {
    ClientCache cache(folder.root(), "check", "key");
    cache.forget("ana-ruiz");
    cache.save(folder, nullptr);
  }
  CHECK_FALSE(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
  saved_cache(folder, "key");
  std::vector<std::string> others{"bea"};
  ClientCache(folder.root(), "check", "key").save(folder, &others);
  CHECK_FALSE(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE("client cache: a damaged cache is ignored and rebuilt") {
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
    CHECK_FALSE(
        ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
    saved_cache(folder, "key");
    CHECK(file_text(path) == good);
  }
}

TEST_CASE("client cache: a cache anyone may read is not trusted, and is made private again") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  ::chmod(path.c_str(), 0644);
  CHECK_FALSE(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
  saved_cache(folder, "key");
  CHECK(mode_of(path) == 0600);
}

TEST_CASE("client cache: a link at the cache's path is never followed, read or written") {
  TempFolder tmp, outside;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = saved_cache(folder, "key");
  // A valid cache elsewhere, and a file to protect.
  fs::copy_file(path, outside.path() / "cache");
  outside.write("precious", "not a cache\n");
  fs::remove(path);
  fs::create_symlink(outside.path() / "cache", path);
  CHECK_FALSE(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
  fs::remove(path);
  fs::create_symlink(outside.path() / "precious", path);
  saved_cache(folder, "key");
  CHECK(outside.read("precious") == "not a cache\n");
  CHECK(fs::is_regular_file(fs::symlink_status(path)));
  CHECK(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE(
    "client cache: a folder in its place, or a folder that cannot be written, stops nothing") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  fs::path path = ClientCache::path_in(folder.root(), "check");
  fs::create_directories(path / "inside");
  CHECK_FALSE(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
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

TEST_CASE("client cache: numbers and texts come back as put; damaged bytes fail the reader") {
  std::string bytes;
  put_number(bytes, 0x0102030405060708);
  put_text(bytes, std::string("caf\xc3\xa9\0", 6));
  put_texts(bytes, {"a", "", "b"});
  CacheReader in(bytes);
  std::uint64_t n = 0;
  std::string text;
  std::vector<std::string> texts;
  REQUIRE(in.number(n));
  CHECK(n == 0x0102030405060708);
  REQUIRE(in.text(text));
  CHECK(text == std::string("caf\xc3\xa9\0", 6));
  REQUIRE(in.texts(texts));
  CHECK(texts == std::vector<std::string>{"a", "", "b"});
  CHECK(in.done());
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    CacheReader short_one(std::string_view(bytes).substr(0, cut));
    bool whole = short_one.number(n) && short_one.text(text) && short_one.texts(texts);
    CHECK_FALSE(whole);
  }
  std::string huge;
  put_number(huge, ~std::uint64_t{0});
  CHECK_FALSE(CacheReader(huge).text(text));
  CHECK_FALSE(CacheReader(huge).texts(texts));
}

TEST_CASE("client cache: two caches of one folder are two files, and neither reads the other") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  saved_cache(folder, "key");
  fs::path check = ClientCache::path_in(folder.root(), "check"),
           list = ClientCache::path_in(folder.root(), "list");
  fs::copy_file(check, list);
  CHECK_FALSE(ClientCache(folder.root(), "list", "key").find("ana-ruiz", digest('a')).has_value());
  CHECK(ClientCache(folder.root(), "check", "key").find("ana-ruiz", digest('a')).has_value());
}

TEST_CASE("client cache: only a folder a whole second older than the run may be kept") {
  ClientStamp stamp{digest('a'), 1000};
  CHECK(ClientCache::keepable(stamp, 1002));
  CHECK_FALSE(ClientCache::keepable(stamp, 1001));
  CHECK_FALSE(ClientCache::keepable(stamp, 1000));
  CHECK_FALSE(ClientCache::keepable(stamp, 999));
}

TEST_CASE("client cache: the key starts with the cache's name and the binary that made it") {
  std::string check = cache_key_start("check"), list = cache_key_start("list");
  REQUIRE_FALSE(check.empty());
  CHECK(check.rfind("casekit check cache 1\n/proc/self/exe ", 0) == 0);
  CHECK(list.rfind("casekit list cache 1\n", 0) == 0);
  CHECK(file_stamp_line("/no/such/file") == "/no/such/file none\n");
}
