#include "record/private_area.hpp"

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

}  // namespace

TEST_CASE(
    "private area: an edit's folder is private and ignored by git, and goes when it is done") {
  TempFolder tmp;
  fs::path edit = open_private_area(tmp.path(), "edit");
  CHECK(edit == tmp.path() / ".casekit" / "edit");
  CHECK(mode_of(tmp.path() / ".casekit") == 0700);
  CHECK(mode_of(edit) == 0700);
  CHECK(mode_of(tmp.path() / ".casekit" / ".gitignore") == 0600);
  CHECK(tmp.read(".casekit/.gitignore").find("\n*\n") != std::string::npos);
  close_private_area(tmp.path(), "edit");
  CHECK(!fs::exists(tmp.path() / ".casekit"));
}

TEST_CASE("private area: another edit's buffer, or another use of the area, keeps it") {
  TempFolder tmp;
  fs::path edit = open_private_area(tmp.path(), "edit");
  open_private_area(tmp.path(), "edit");  // a second command opens it too
  tmp.write(".casekit/edit/edit-Ab12Cd.yaml", "name: Ana\n");
  close_private_area(tmp.path(), "edit");
  CHECK(fs::exists(edit / "edit-Ab12Cd.yaml"));
  CHECK(fs::exists(tmp.path() / ".casekit" / ".gitignore"));
  fs::remove(edit / "edit-Ab12Cd.yaml");
  tmp.write(".casekit/rescue/plan.yaml", "x");
  close_private_area(tmp.path(), "edit");
  CHECK(!fs::exists(edit));
  CHECK(fs::exists(tmp.path() / ".casekit" / ".gitignore"));
}

TEST_CASE("private area: an emptied .gitignore is made whole again, a link is refused") {
  TempFolder tmp;
  tmp.write(".casekit/.gitignore", "");
  open_private_area(tmp.path(), "edit");
  CHECK(tmp.read(".casekit/.gitignore").find("\n*\n") != std::string::npos);
  TempFolder other;
  fs::create_directory(other.path() / "elsewhere");
  fs::create_directory_symlink(other.path() / "elsewhere", other.path() / ".casekit");
  CHECK_THROWS_AS(open_private_area(other.path(), "edit"), Error);
  CHECK(fs::is_empty(other.path() / "elsewhere"));
}

TEST_CASE("private area: git add -A does not stage an edit buffer") {
  TempFolder tmp;
  open_private_area(tmp.path(), "edit");
  tmp.write(".casekit/edit/edit-Ab12Cd.yaml", "name: Ana\n");
  tmp.write("casekit.yaml", "program: x\n");
  std::string git = "cd '" + tmp.path().string() + "' && GIT_CONFIG_NOSYSTEM=1 HOME=. git ";
  REQUIRE(std::system((git + "init -q . && " + git + "add -A").c_str()) == 0);
  REQUIRE(std::system((git + "ls-files --cached > staged").c_str()) == 0);
  CHECK(tmp.read("staged") == "casekit.yaml\n");
}

TEST_CASE(
    "private area: a printed export's scratch file is on disk, nameless, and leaves nothing") {
  TempFolder tmp;
  std::unique_ptr<ExportScratch> scratch = private_scratch(tmp.path());
  REQUIRE(scratch != nullptr);
  // Its folder went at once: the file has no name in it.
  CHECK(!fs::exists(tmp.path() / ".casekit"));
  std::string big(300 * 1024, 'x');  // more than one piece of the file
  scratch->append("<tr>Ana</tr>\n");
  scratch->append(big);
  std::string back;
  scratch->read_back([&](std::string_view piece) { back += piece; });
  CHECK(back == "<tr>Ana</tr>\n" + big);
  // Another use of the area keeps it, and the scratch file is not in it.
  tmp.write(".casekit/cache/check", "kept");
  auto second = private_scratch(tmp.path());
  REQUIRE(second != nullptr);
  CHECK(!fs::exists(tmp.path() / ".casekit" / "export"));
  CHECK(tmp.read(".casekit/cache/check") == "kept");
}
