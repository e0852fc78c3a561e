#include "record/documents.hpp"

#include <doctest/doctest.h>

#include "edit/init_folder.hpp"
#include "edit/new_client.hpp"
#include "folder_with_client.hpp"
#include "record/plan_digest.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseFolder folder_with_documents(const TempFolder& tmp, const std::string& documents) {
  CaseFolder folder = testing::folder_with_client(tmp);
  if (!documents.empty())
    tmp.write("clients/ana-ruiz/client.yaml",
              tmp.read("clients/ana-ruiz/client.yaml") + "documents:\n" + documents);
  return folder;
}

std::string entry(const std::string& id, const std::string& file, const std::string& bytes) {
  return "  - id: " + id + "\n    kind: release\n    date: 2026-11-02\n    file: " + file +
         "\n    sha256: " + sha256_text(bytes) + "\n";
}

DocumentsFolder documents_of(const CaseFolder& folder, const ClientFiles& files) {
  return {folder.files(),
          files.folder / "documents",
          files.id,
          files.client->display,
          [&folder](const fs::path& p) { return folder.display(p); },
          {}};
}

std::vector<std::string> messages(const CaseFolder& folder) {
  std::vector<std::string> out;
  ClientFiles files = folder.load_client("ana-ruiz");
  for (const auto& d : files.diagnostics)
    if (d.rule == "format/document")
      out.push_back(d.rule + " " + d.location.file + ": " + d.message);
  for (const auto& d : document_hash_findings(documents_of(folder, files), files.client->tree))
    out.push_back(d.rule + " " + d.location.file + ": " + d.message);
  return out;
}

ClientDocument signed_plan(const std::string& id, int day) {
  ClientDocument d;
  d.id = id;
  d.kind = "signed-plan";
  d.date = Date{2026, 11, day};
  return d;
}

}  // namespace

TEST_CASE("a document keeps a plain name of its source's") {
  CHECK(document_file_name("Release Ana (signed).pdf") == "Release-Ana--signed-.pdf");
  CHECK(document_file_name("..hidden.pdf") == "hidden.pdf");
  CHECK(document_file_name("José.pdf") == "Jos--.pdf");
  CHECK(document_file_name("...") == "document");
  CHECK(document_file_name(std::string(150, 'a') + ".pdf").size() == 100);
  CHECK(document_file_name(std::string(150, 'a') + ".pdf").ends_with(".pdf"));
}

TEST_CASE("a name another document has gets a number before its extension") {
  CHECK(unique_document_name("scan.pdf", {}) == "scan.pdf");
  CHECK(unique_document_name("scan.pdf", {"scan.pdf"}) == "scan-2.pdf");
  CHECK(unique_document_name("scan.pdf", {"scan.pdf", "scan-2.pdf"}) == "scan-3.pdf");
  CHECK(unique_document_name("README", {"README"}) == "README-2");
}

TEST_CASE("check finds documents missing, changed and not listed") {
  TempFolder tmp;
  CaseFolder folder = folder_with_documents(
      tmp, entry("D1", "a.pdf", "first") + entry("D2", "b.pdf", "second") +
               entry("D3", "c.pdf", "third") + entry("D4", "../client.yaml", "x"));
  tmp.write("clients/ana-ruiz/documents/a.pdf", "first");
  tmp.write("clients/ana-ruiz/documents/b.pdf", "second, scanned over");
  tmp.write("clients/ana-ruiz/documents/scan0001.pdf", "new");
  auto found = messages(folder);
  REQUIRE(found.size() == 4);
  CHECK(found[0].find("document D3 (c.pdf) is listed, and its file is missing") !=
        std::string::npos);
  CHECK(found[1].find("D4 names its file '../client.yaml', which is not a plain") !=
        std::string::npos);
  CHECK(found[3].find("document D2 (b.pdf) changed since it was attached: its SHA-256") !=
        std::string::npos);
  CHECK(found[2] == "format/document " +
                        (tmp / "clients/ana-ruiz/documents/scan0001.pdf").string() +
                        ": this file is in documents/ and client.yaml does not list it");
}

TEST_CASE("a file of another size than attached is changed, without reading it") {
  TempFolder tmp;
  CaseFolder folder = folder_with_documents(tmp, entry("D1", "a.pdf", "first") + "    bytes: 5\n");
  tmp.write("clients/ana-ruiz/documents/a.pdf", "first, and more");
  auto found = messages(folder);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "format/document " + (tmp / "clients/ana-ruiz/client.yaml").string() + ": " +
                        "document D1 (a.pdf) changed since it was attached: it was 5 bytes, "
                        "it is 15");
}

TEST_CASE("a client without documents costs check nothing to say") {
  TempFolder tmp;
  CaseFolder folder = folder_with_documents(tmp, "");
  CHECK(messages(folder).empty());
}

TEST_CASE("documents as a file, not a folder, is reported") {
  TempFolder tmp;
  CaseFolder folder = folder_with_documents(tmp, "");
  tmp.write("clients/ana-ruiz/documents", "not a folder");
  auto found = messages(folder);
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("'documents' should be a folder") != std::string::npos);
}

TEST_CASE("the signed plan is the latest paper one since the plan was written or reviewed") {
  Client client;
  Plan plan;
  plan.created = Date{2026, 11, 10};
  client.documents = {signed_plan("D1", 5)};
  CHECK(signed_plan_document(client, plan) == nullptr);  // signed before this plan
  client.documents.push_back(signed_plan("D2", 12));
  client.documents.push_back(signed_plan("D3", 11));
  REQUIRE(signed_plan_document(client, plan) != nullptr);
  CHECK(signed_plan_document(client, plan)->id == "D2");
  plan.reviewed = Date{2026, 11, 20};
  CHECK(signed_plan_document(client, plan) == nullptr);  // the plan changed at its review
  client.documents[1].kind = "release";
  plan.reviewed.reset();
  CHECK(signed_plan_document(client, plan)->id == "D3");
}
