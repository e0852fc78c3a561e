#include "record/rescue.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

const RescueOwner ana{"note", "ana-lopez"};

}  // namespace

TEST_CASE("rescue: a kept text is private, ignored by git, and never overwrites another") {
  TempFolder tmp;
  fs::path first = keep_rescue(tmp.path(), ana, "2026-11-23", "objective: one\n");
  CHECK(first == tmp.path() / ".casekit/rescue/note-ana-lopez-2026-11-23.yaml");
  CHECK(mode_of(first) == 0600);
  CHECK(mode_of(first.parent_path()) == 0700);
  CHECK(tmp.read(".casekit/.gitignore").find("\n*\n") != std::string::npos);
  fs::path second = keep_rescue(tmp.path(), ana, "2026-11-23", "objective: two\n");
  CHECK(second.filename() == "note-ana-lopez-2026-11-23-2.yaml");
  CHECK(tmp.read(".casekit/rescue/note-ana-lopez-2026-11-23.yaml") == "objective: one\n");
  CHECK(tmp.read(".casekit/rescue/note-ana-lopez-2026-11-23-2.yaml") == "objective: two\n");
}

TEST_CASE("rescue: the newest is the owner's latest day, then its highest number") {
  TempFolder tmp;
  CHECK(!newest_rescue(tmp.path(), ana));
  keep_rescue(tmp.path(), ana, "2026-11-22", "a\n");
  for (int i = 0; i < 10; ++i) keep_rescue(tmp.path(), ana, "2026-11-23", "b\n");
  keep_rescue(tmp.path(), ana, "2026-11-21", "c\n");
  // Another client's, another command's and a file casekit did not name.
  keep_rescue(tmp.path(), {"note", "ana"}, "2026-11-30", "d\n");
  keep_rescue(tmp.path(), {"plan", "ana-lopez"}, "2026-11-30", "e\n");
  tmp.write(".casekit/rescue/note-ana-lopez-2026-12-01.yml", "f\n");
  auto newest = newest_rescue(tmp.path(), ana);
  REQUIRE(newest);
  CHECK(newest->filename() == "note-ana-lopez-2026-11-23-10.yaml");
}

TEST_CASE("rescue: removing the last kept text leaves the case folder as it was") {
  TempFolder tmp;
  fs::path one = keep_rescue(tmp.path(), ana, "2026-11-23", "a\n");
  fs::path two = keep_rescue(tmp.path(), {"new-client", ""}, "2026-11-23", "b\n");
  remove_rescue(tmp.path(), one);
  CHECK(!fs::exists(one));
  CHECK(fs::exists(two));
  remove_rescue(tmp.path(), two);
  CHECK(!fs::exists(tmp.path() / ".casekit"));
}
