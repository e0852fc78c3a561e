#include "storage/overlay_file_system.hpp"

#include <doctest/doctest.h>

#include "record/case_folder.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

TEST_CASE("overlay: a held text is read instead of the file, and the file stays") {
  TempFolder tmp;
  tmp.write("clients/ana/client.yaml", "name: Ana\n");
  auto disk = new_real_file_system();
  OverlayFileSystem overlay(*disk);
  fs::path file = tmp / "clients/ana/client.yaml";
  CHECK(overlay.read(file, 1024) == "name: Ana\n");
  overlay.put(file, "name: Ana María\n");
  CHECK(overlay.read(file, 1024) == "name: Ana María\n");
  CHECK(overlay.size(file) == 17);  // bytes: í is two
  CHECK(disk->read(file, 1024) == "name: Ana\n");
  overlay.drop(file);
  CHECK(overlay.read(file, 1024) == "name: Ana\n");
}

TEST_CASE("overlay: a new unsaved file is listed in its folder, in order, and its folder too") {
  TempFolder tmp;
  tmp.write("notes/2026-01-01-0900-phone.yaml", "a: 1\n");
  tmp.write("notes/2026-03-01-0900-phone.yaml", "a: 3\n");
  auto disk = new_real_file_system();
  OverlayFileSystem overlay(*disk);
  overlay.put(tmp / "notes/2026-02-01-0900-phone.yaml", "a: 2\n");
  overlay.put(tmp / "notes/sub/deeper.yaml", "x: 1\n");
  // sub/ is not on disk: a folder holding a new buffer is listed as one.
  CHECK(overlay.list(tmp / "notes") ==
        std::vector<std::string>{"2026-01-01-0900-phone.yaml", "2026-02-01-0900-phone.yaml",
                                 "2026-03-01-0900-phone.yaml", "sub"});
  CHECK(overlay.kind(tmp / "notes/sub") == EntryKind::folder);
  CHECK(overlay.kind(tmp / "notes/su") == EntryKind::missing);
  CHECK(overlay.kind(tmp / "notes/2026-02-01-0900-phone.yaml") == EntryKind::file);
  CHECK(overlay.kind(tmp / "notes/2026-04-01-0900-phone.yaml") == EntryKind::missing);
}

TEST_CASE("overlay: a path is the same however it is written") {
  TempFolder tmp;
  auto disk = new_real_file_system();
  OverlayFileSystem overlay(*disk);
  overlay.put(tmp / "a/../b.yaml", "x\n");
  CHECK(overlay.held(tmp / "b.yaml") != nullptr);
}

TEST_CASE("overlay: it never writes, and the disk is as it was") {
  TempFolder tmp;
  tmp.write("casekit.yaml", "program: P\n");
  auto disk = new_real_file_system();
  OverlayFileSystem overlay(*disk);
  CHECK_THROWS_WITH_AS(overlay.replace(tmp / "casekit.yaml", "x"),
                       "the language server does not write files", Error);
  CHECK_THROWS_AS(overlay.create(tmp / "new.yaml", "x"), Error);
  CHECK_THROWS_AS(overlay.make_folder(tmp / "d"), Error);
  CHECK_THROWS_AS(overlay.lock(tmp.path()), Error);
  CHECK(disk->read(tmp / "casekit.yaml", 1024) == "program: P\n");
  CHECK(!fs::exists(tmp / "new.yaml"));
  CHECK(!fs::exists(tmp / "d"));
}

TEST_CASE("overlay: a case folder reads a client's unsaved note through it") {
  TempFolder tmp;
  tmp.write("casekit.yaml", "program: P\n");
  tmp.write("clients/ana/client.yaml", "name: Ana\n");
  auto disk = new_real_file_system();
  OverlayFileSystem overlay(*disk);
  CaseFolder folder(tmp.path(), overlay);
  overlay.put(tmp / "clients/ana/notes/2026-02-01-0900-phone.yaml", "date: 2026-02-01\n");
  ClientFiles files = folder.load_client("ana");
  REQUIRE(files.notes.size() == 1);
  CHECK(files.notes[0].source.text == "date: 2026-02-01\n");
}

TEST_CASE("overlay: a buffer of a symbolic link does not hide the link") {
  TempFolder tmp;
  tmp.write("casekit.yaml", "program: P\n");
  tmp.write("elsewhere.yaml", "secret: 1\n");
  fs::create_directories(tmp / "clients/ana/notes");
  fs::create_symlink(tmp / "elsewhere.yaml", tmp / "clients/ana/notes/2026-02-01-0900-phone.yaml");
  auto disk = new_real_file_system();
  OverlayFileSystem overlay(*disk);
  CaseFolder folder(tmp.path(), overlay);
  fs::path link = tmp / "clients/ana/notes/2026-02-01-0900-phone.yaml";
  overlay.put(link, "secret: 1\n");
  CHECK(overlay.list_entries(tmp / "clients/ana/notes")[0].kind == EntryKind::link);
  CHECK(overlay.kind(link) == EntryKind::link);
  CHECK_THROWS_AS(overlay.read(link, 1024), RefusedEntry);
}
