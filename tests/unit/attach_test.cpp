#include "edit/attach.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "folder_with_client.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder sample_folder(const TempFolder& tmp) {
  CaseFolder folder = testing::folder_with_client(tmp);
  return folder;
}

AttachInput input(const TempFolder& tmp, const std::string& name, const std::string& kind) {
  return {tmp / name, kind, "2026-11-02", ""};
}

Attached attach(const CaseFolder& folder, const AttachInput& in, std::uintmax_t max = 1000) {
  ClientEdit edit(folder, "ana-ruiz");
  Attached attached = attach_document(edit, in, max);
  edit.save();
  return attached;
}

}  // namespace

TEST_CASE("an attached file is copied owner-only and listed with its hash") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("scans/Release (signed).pdf", "%PDF-1.4 release");
  Attached a = attach(folder, input(tmp, "scans/Release (signed).pdf", "release"));
  CHECK(a.id == "D1");
  CHECK(a.file == "Release--signed-.pdf");
  CHECK(tmp.read("clients/ana-ruiz/documents/Release--signed-.pdf") == "%PDF-1.4 release");
  struct stat st {};
  REQUIRE(::stat((tmp / "clients/ana-ruiz/documents/Release--signed-.pdf").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::string client = tmp.read("clients/ana-ruiz/client.yaml");
  CHECK(client.find("documents:\n  - id: D1\n    kind: release\n    date: 2026-11-02\n    file: "
                    "Release--signed-.pdf\n    bytes: 16\n    sha256: sha256:") !=
        std::string::npos);
  auto record = load_record(folder, "ana-ruiz");
  REQUIRE(record.valid());
  CHECK(record.record->client.documents.at(0).bytes == 16);
}

TEST_CASE("a second file of the same name is kept beside the first") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("a/scan.pdf", "one");
  tmp.write("b/scan.pdf", "two");
  attach(folder, input(tmp, "a/scan.pdf", "form"));
  Attached second = attach(folder, input(tmp, "b/scan.pdf", "form"));
  CHECK(second.id == "D2");
  CHECK(second.file == "scan-2.pdf");
}

TEST_CASE("refusals change nothing") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("scan.pdf", "bytes");
  tmp.write("empty.pdf", "");
  std::string before = tmp.read("clients/ana-ruiz/client.yaml");
  ClientEdit edit(folder, "ana-ruiz");
  CHECK_THROWS_WITH(attach_document(edit, input(tmp, "scan.pdf", "receipt"), 1000),
                    "kind: 'receipt' is not a kind of document");
  CHECK_THROWS_WITH(attach_document(edit, input(tmp, "scan.pdf", "form"), 3),
                    "the file is 0.0 MB, larger than the 0.0 MB casekit attaches");
  CHECK_THROWS_WITH(attach_document(edit, input(tmp, "empty.pdf", "form"), 1000),
                    "the file is empty");
  CHECK_THROWS_WITH(attach_document(edit, input(tmp, "nothing.pdf", "form"), 1000),
                    "there is no such file");
  CHECK_THROWS_WITH(attach_document(edit, input(tmp, "clients", "form"), 1000),
                    "this is a folder, not a file");
  AttachInput ahead = input(tmp, "scan.pdf", "form");
  ahead.date = "2026-02-30";
  CHECK_THROWS_WITH(attach_document(edit, ahead, 1000), "date: '2026-02-30' is not a real date");
  CHECK(tmp.read("clients/ana-ruiz/client.yaml") == before);
  CHECK_FALSE(fs::exists(tmp / "clients/ana-ruiz/documents"));
}

TEST_CASE("the same bytes are not attached twice") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("scan.pdf", "bytes");
  attach(folder, input(tmp, "scan.pdf", "form"));
  ClientEdit edit(folder, "ana-ruiz");
  CHECK_THROWS_WITH(attach_document(edit, input(tmp, "scan.pdf", "release"), 1000),
                    "this file is attached already, as document D1 (scan.pdf)");
}

TEST_CASE("a file put in documents/ by hand is listed where it is") {
  TempFolder tmp;
  CaseFolder folder = sample_folder(tmp);
  tmp.write("clients/ana-ruiz/documents/scan0001.pdf", "bytes");
  Attached a = attach(folder, input(tmp, "clients/ana-ruiz/documents/scan0001.pdf", "other"));
  CHECK(a.file == "scan0001.pdf");
  CHECK(fs::directory_iterator(tmp / "clients/ana-ruiz/documents")->path().filename() ==
        "scan0001.pdf");
}
