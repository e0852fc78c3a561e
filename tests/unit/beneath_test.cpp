// Inside a case folder no command reads or writes through a symbolic link,
// wherever it sits on the path, with openat2 and with the walk that older
// kernels get; outside it the user's own links are theirs.
#include "storage/beneath.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <functional>

#include "record/case_folder.hpp"
#include "storage/file_system.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

// A case folder whose clients/ana/notes is a link to a folder outside it.
struct LinkedNotes {
  TempFolder tmp;
  fs::path root = tmp / "case", outside = tmp / "outside";
  LinkedNotes() {
    tmp.write("case/casekit.yaml", "program: P\n");
    tmp.write("case/clients/ana/client.yaml", "id: ana\n");
    tmp.write("outside/secret.yaml", "secret: 1\n");
    fs::create_directory_symlink(outside, root / "clients" / "ana" / "notes");
    CaseFolder folder(root, real_file_system());  // confines the file system
  }
  fs::path notes() const { return root / "clients" / "ana" / "notes"; }
};

void expect_link_refused(const std::function<void()>& action, const std::string& link) {
  try {
    action();
    FAIL("no error");
  } catch (const RefusedEntry& e) {
    CHECK(std::string(e.rule()) == "format/symbolic-link");
    CHECK(e.location().file == fs::path(link).lexically_normal().string());
    CHECK(e.status() == ExitStatus::usage);
  }
}

std::size_t entries(const fs::path& folder) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

struct Openat2 {
  explicit Openat2(bool use) { Beneath::use_openat2(use); }
  ~Openat2() { Beneath::use_openat2(true); }
};

}  // namespace

TEST_CASE("a link in a folder on the way is refused for every operation, both ways of opening") {
  for (bool openat2 : {true, false}) {
    CAPTURE(openat2);
    Openat2 mode(openat2);
    LinkedNotes f;
    FileSystem& files = real_file_system();
    std::string link = f.notes().string();
    fs::path note = f.notes() / "2026-11-30-1000-phone.yaml";
    expect_link_refused([&] { files.create(note, "x"); }, link);
    expect_link_refused([&] { files.replace(f.notes() / "secret.yaml", "x"); }, link);
    expect_link_refused([&] { files.read(f.notes() / "secret.yaml", 100); }, link);
    expect_link_refused([&] { files.list_entries(f.notes()); }, link);
    expect_link_refused([&] { files.exists(note); }, link);
    expect_link_refused([&] { files.make_folder(f.notes() / "sub"); }, link);
    expect_link_refused([&] { files.create_folder_with_file(f.notes() / "d", "a", "x"); }, link);
    expect_link_refused([&] { files.lock(f.notes()); }, link);
    CHECK(files.kind(f.notes()) == EntryKind::link);
    // Nothing arrived outside the case folder.
    CHECK(entries(f.outside) == 1);
    CHECK(f.tmp.read("outside/secret.yaml") == "secret: 1\n");
  }
}

TEST_CASE("a linked clients/ is refused, and a new client is not made through it") {
  for (bool openat2 : {true, false}) {
    Openat2 mode(openat2);
    TempFolder tmp;
    tmp.write("case/casekit.yaml", "program: P\n");
    fs::create_directory(tmp / "elsewhere");
    fs::create_directory_symlink(tmp / "elsewhere", tmp / "case" / "clients");
    CaseFolder folder(tmp / "case", real_file_system());
    std::string link = (tmp / "case" / "clients").string();
    expect_link_refused([&] { folder.client_ids(); }, link);
    expect_link_refused(
        [&] {
          real_file_system().create_folder_with_file(folder.client_folder("bo"), "client.yaml",
                                                     "x");
        },
        link);
    CHECK(entries(tmp / "elsewhere") == 0);
  }
}

TEST_CASE("paths inside the root are found however they are written") {
  TempFolder tmp;
  Beneath beneath;
  beneath.set_root(tmp.path());
  CHECK(beneath.relative(tmp / "clients/ana/plan.yaml") == "clients/ana/plan.yaml");
  CHECK(beneath.relative(tmp.path()) == ".");
  CHECK(beneath.relative(tmp.path() / "clients/../casekit.yaml") == "casekit.yaml");
  CHECK_FALSE(beneath.relative(tmp.path() / "../other/casekit.yaml").has_value());
  CHECK_FALSE(beneath.relative(tmp.path().parent_path()).has_value());
  CHECK_FALSE(Beneath().relative(tmp / "x").has_value());
}

TEST_CASE("a link swapped in for a folder after the root was opened is refused") {
  for (bool openat2 : {true, false}) {
    Openat2 mode(openat2);
    TempFolder tmp;
    tmp.write("case/clients/ana/plan.yaml", "a: 1\n");
    tmp.write("outside/plan.yaml", "secret\n");
    Beneath beneath;
    beneath.set_root(tmp / "case");
    fs::rename(tmp / "case" / "clients" / "ana", tmp / "case" / "ana-moved");
    fs::create_directory_symlink(tmp / "outside", tmp / "case" / "clients" / "ana");
    errno = 0;
    CHECK(beneath.open("clients/ana/plan.yaml", O_RDONLY) == -1);
    CHECK(errno == ELOOP);
    CHECK(beneath.find_link("clients/ana/plan.yaml") == tmp / "case" / "clients" / "ana");
    CHECK_FALSE(beneath.find_link("ana-moved/plan.yaml").has_value());
  }
}
