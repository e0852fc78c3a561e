#include <doctest/doctest.h>
#include <sys/stat.h>

#include "base/error.hpp"
#include "record/case_folder.hpp"
#include "storage/file_system.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

std::size_t entries(const fs::path& folder) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

// Runs the body with a permissive umask, restoring the old one after.
struct Umask {
  explicit Umask(mode_t mask) : old(::umask(mask)) {}
  ~Umask() { ::umask(old); }
  mode_t old;
};

}  // namespace

TEST_CASE("create writes a new file readable by the owner only, whatever the umask") {
  TempFolder tmp;
  Umask open_umask(0);
  real_file_system().create(tmp / "a.yaml", "a: 1\n");
  CHECK(tmp.read("a.yaml") == "a: 1\n");
  CHECK(mode_of(tmp / "a.yaml") == 0600);
  real_file_system().make_folder(tmp / "clients");
  CHECK(mode_of(tmp / "clients") == 0700);
  CHECK(entries(tmp.path()) == 2);  // no temporary file left behind
}

TEST_CASE("create refuses to overwrite and leaves the old file alone") {
  TempFolder tmp;
  tmp.write("a.yaml", "old\n");
  CHECK_THROWS_WITH_AS(real_file_system().create(tmp / "a.yaml", "new\n"),
                       "the file exists already", Error);
  CHECK(tmp.read("a.yaml") == "old\n");
  CHECK(entries(tmp.path()) == 1);
}

TEST_CASE("replace swaps the content and keeps the owner's permissions") {
  TempFolder tmp;
  tmp.write("plan.yaml", "old\n");
  ::chmod((tmp / "plan.yaml").c_str(), 0640);
  real_file_system().replace(tmp / "plan.yaml", "new\n");
  CHECK(tmp.read("plan.yaml") == "new\n");
  CHECK(mode_of(tmp / "plan.yaml") == 0640);
  CHECK(entries(tmp.path()) == 1);
}

TEST_CASE("replace into a missing folder fails cleanly") {
  TempFolder tmp;
  CHECK_THROWS_AS(real_file_system().replace(tmp / "missing" / "plan.yaml", "x"), Error);
  CHECK(entries(tmp.path()) == 0);
}

TEST_CASE("read refuses symbolic links, folders and files over the limit") {
  TempFolder tmp;
  tmp.write("real.yaml", "a: 1\n");
  fs::create_symlink(tmp / "real.yaml", tmp / "link.yaml");
  CHECK_THROWS_WITH_AS(
      real_file_system().read(tmp / "link.yaml", 100),
      "this is a symbolic link, and casekit does not follow links inside a case folder", Error);
  CHECK_THROWS_AS(real_file_system().read(tmp.path(), 100), Error);
  CHECK_THROWS_AS(real_file_system().read(tmp / "real.yaml", 3), Error);
  CHECK(real_file_system().read(tmp / "real.yaml", 100) == std::optional<std::string>("a: 1\n"));
  CHECK_FALSE(real_file_system().read(tmp / "none.yaml", 100).has_value());
}

TEST_CASE("replace refuses to write through a symbolic link") {
  TempFolder tmp;
  tmp.write("outside.yaml", "secret\n");
  fs::create_symlink(tmp / "outside.yaml", tmp / "plan.yaml");
  CHECK_THROWS_AS(real_file_system().replace(tmp / "plan.yaml", "x"), Error);
  CHECK(tmp.read("outside.yaml") == "secret\n");
}

TEST_CASE("create_folder_with_file makes folder and file at once, owner only, whatever the umask") {
  TempFolder tmp;
  Umask open_umask(0);
  real_file_system().create_folder_with_file(tmp / "ana-lopez", "client.yaml", "name: Ana\n");
  CHECK(tmp.read("ana-lopez/client.yaml") == "name: Ana\n");
  CHECK(mode_of(tmp / "ana-lopez") == 0700);
  CHECK(mode_of(tmp / "ana-lopez" / "client.yaml") == 0600);
  CHECK(entries(tmp.path()) == 1);  // no temporary folder left behind
  CHECK(entries(tmp / "ana-lopez") == 1);
}

TEST_CASE(
    "create_folder_with_file refuses an existing folder, even an empty one, and leaves it alone") {
  TempFolder tmp;
  tmp.write("ana-lopez/client.yaml", "name: Ana\n");
  fs::create_directory(tmp / "empty");
  for (const char* name : {"ana-lopez", "empty"}) {
    try {
      real_file_system().create_folder_with_file(tmp / name, "client.yaml", "name: Other\n");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) == "the folder exists already");
    }
  }
  CHECK(tmp.read("ana-lopez/client.yaml") == "name: Ana\n");
  CHECK(entries(tmp / "empty") == 0);
  CHECK(entries(tmp.path()) == 2);  // the temporary folder went
}

TEST_CASE("CaseFolder::display shows paths as lexically_normal would, with or without dots") {
  CaseFolder folder(".", real_file_system());
  for (std::string path :
       {"clients/ana-ruiz/plan.yaml", "./clients/ana-ruiz/plan.yaml", "clients//ana-ruiz/plan.yaml",
        "clients/../clients/x/notes/a.yaml", "/tmp/case/./clients/x", "clients/x/.hidden.yaml",
        "..", "a/b/", "/abs/clients/x/notes/2026-01-02.yaml", ".casekit/x"}) {
    CAPTURE(path);
    CHECK(folder.display(path) == fs::path(path).lexically_normal().string());
  }
  CHECK(folder.display("./clients/x/../y.yaml") == "clients/y.yaml");
}

TEST_CASE("list gives a folder's names sorted, and nothing for a missing folder or a file") {
  TempFolder tmp;
  tmp.write("b.yaml", "b: 1\n");
  tmp.write("a.yaml", "a: 1\n");
  tmp.write(".hidden", "");
  real_file_system().make_folder(tmp / "sub");
  CHECK(real_file_system().list(tmp.path()) ==
        std::vector<std::string>{".hidden", "a.yaml", "b.yaml", "sub"});
  CHECK(real_file_system().list(tmp / "missing").empty());
  CHECK(real_file_system().list(tmp / "a.yaml").empty());
}

TEST_CASE("read gives the whole file, whatever its size under the limit") {
  TempFolder tmp;
  std::string big(200000, 'x');
  tmp.write("big.yaml", big);
  tmp.write("empty.yaml", "");
  CHECK(real_file_system().read(tmp / "big.yaml", 1 << 20) == big);
  CHECK(real_file_system().read(tmp / "empty.yaml", 100) == "");
  CHECK_FALSE(real_file_system().read(tmp / "missing.yaml", 100).has_value());
}

TEST_CASE("read refuses a named pipe at once instead of waiting for a writer") {
  TempFolder tmp;
  REQUIRE(::mkfifo((tmp / "note.yaml").c_str(), 0600) == 0);
  try {
    real_file_system().read(tmp / "note.yaml", 100);
    FAIL("no error");
  } catch (const RefusedEntry& e) {
    CHECK(std::string(e.rule()) == "format/unreadable");
    CHECK(std::string(e.what()) == "this is a named pipe (FIFO), not a file");
  }
}

TEST_CASE(
    "outside the case folder a link in a folder on the way is followed, as the user made it") {
  TempFolder tmp;
  fs::create_directory(tmp / "real-desktop");
  fs::create_directory_symlink(tmp / "real-desktop", tmp / "Desktop");
  real_file_system().create(tmp / "Desktop" / "export.html", "<p>");
  CHECK(tmp.read("real-desktop/export.html") == "<p>");
  CHECK(real_file_system().list(tmp / "Desktop") == std::vector<std::string>{"export.html"});
}
