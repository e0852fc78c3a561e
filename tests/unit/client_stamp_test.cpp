#include "record/client_stamp.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <ctime>

#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

std::string digest_of(const fs::path& folder) {
  auto stamp = stamp_client_folder(folder);
  REQUIRE(stamp.has_value());
  return stamp->digest;
}

// Sets a file's modification time, as `touch -d` does.
void set_mtime(const fs::path& path, std::time_t seconds, long nanoseconds) {
  struct timespec times[2] = {{seconds, nanoseconds}, {seconds, nanoseconds}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("client stamp: the same folder, the same stamp; any change, another") {
  TempFolder tmp;
  tmp.write("ana/client.yaml", "name: Ana\n");
  tmp.write("ana/notes/2026-11-01-a.yaml", "text: one\n");
  fs::path ana = tmp.path() / "ana";
  std::string first = digest_of(ana);
  CHECK(first.size() == 32);
  CHECK(digest_of(ana) == first);

  SUBCASE("an edit of the same size, with its time set back") {
    struct stat before {};
    REQUIRE(::stat((ana / "client.yaml").c_str(), &before) == 0);
    tmp.write("ana/client.yaml", "name: Bea\n");
    set_mtime(ana / "client.yaml", before.st_mtim.tv_sec, before.st_mtim.tv_nsec);
    CHECK(digest_of(ana) != first);
  }
  SUBCASE("a file added, removed or renamed in a folder inside") {
    tmp.write("ana/notes/2026-11-02-b.yaml", "text: two\n");
    std::string added = digest_of(ana);
    CHECK(added != first);
    fs::rename(ana / "notes/2026-11-02-b.yaml", ana / "notes/2026-11-03-b.yaml");
    CHECK(digest_of(ana) != added);
    fs::remove(ana / "notes/2026-11-03-b.yaml");
    CHECK(digest_of(ana) != added);
  }
  SUBCASE("a file's permissions") {
    fs::permissions(ana / "client.yaml", fs::perms::owner_read);
    CHECK(digest_of(ana) != first);
  }
}

TEST_CASE("client stamp: the newest time is the newest file's, change times included") {
  TempFolder tmp;
  tmp.write("ana/client.yaml", "name: Ana\n");
  set_mtime(tmp.path() / "ana/client.yaml", 1000000000, 0);
  auto stamp = stamp_client_folder(tmp.path() / "ana");
  REQUIRE(stamp.has_value());
  // The change time is now, whatever the modification time says.
  CHECK(stamp->newest >= std::time(nullptr) - 60);
}

TEST_CASE("client stamp: a link, a pipe or a missing folder has no stamp") {
  TempFolder tmp;
  tmp.write("ana/client.yaml", "name: Ana\n");
  tmp.write("elsewhere/notes.yaml", "text: x\n");
  fs::create_directory_symlink(tmp.path() / "elsewhere", tmp.path() / "ana/notes");
  CHECK_FALSE(stamp_client_folder(tmp.path() / "ana").has_value());
  fs::remove(tmp.path() / "ana/notes");
  REQUIRE(::mkfifo((tmp.path() / "ana/pipe").c_str(), 0600) == 0);
  CHECK_FALSE(stamp_client_folder(tmp.path() / "ana").has_value());
  CHECK_FALSE(stamp_client_folder(tmp.path() / "nobody").has_value());
  fs::create_directory_symlink(tmp.path() / "elsewhere", tmp.path() / "bea");
  CHECK_FALSE(stamp_client_folder(tmp.path() / "bea").has_value());
}
