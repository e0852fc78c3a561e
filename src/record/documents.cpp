#include "record/documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/printable.hpp"
#include "findings/finding_sink.hpp"
#include "record/plan_digest.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

// check reads every document to hash it; a file this large is no scan.
constexpr std::size_t kMaxHashedBytes = std::size_t{1} << 30;

bool safe_character(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x80 && std::isalnum(u)) || c == '.' || c == '-' || c == '_';
}

struct Listed {
  std::string file, sha256, id, bytes;
  Location where;
};

std::vector<Listed> listed_documents(const YamlNode& client, const std::string& display) {
  std::vector<Listed> out;
  const YamlNode* list = client.find("documents");
  if (!list || !list->is_sequence()) return out;
  for (const auto& item : list->items)
    if (item.is_mapping())
      out.push_back({item.text_at("file"),
                     item.text_at("sha256"),
                     item.text_at("id"),
                     item.text_at("bytes"),
                     {display, item.mark.line + 1, item.mark.column + 1}});
  return out;
}

constexpr const char* kChangedHint =
    "put the attached file back from a copy or from git; a new version is attached with "
    "`casekit attach`";

// A listed document against the file, by what costs no reading: a name
// that is not plain, a file missing or of another size.
void compare(const DocumentsFolder& folder, const Listed& doc, std::vector<Diagnostic>& out) {
  FindingSink sink(out);
  // A name with a folder in it (../client.yaml) could point anywhere.
  if (document_file_name(doc.file) != doc.file)
    return sink.report(
        "format/document", doc.where,
        fmt::format("document {} names its file '{}', which is not a plain file name", doc.id,
                    printable(doc.file)),
        "write the name of the file in documents/, without a folder");
  std::optional<std::uintmax_t> size;
  try {
    size = folder.files.size(folder.path / doc.file);
  } catch (const RefusedEntry& e) {
    return sink.report(e.rule(), e.location(), e.what(), e.hint());
  }
  std::string name = printable(doc.file);
  if (!size)
    return sink.report("format/document", doc.where,
                       fmt::format("document {} ({}) is listed, and its file is missing from "
                                   "documents/",
                                   doc.id, name),
                       "put the file back from a copy or from git, or remove its entry");
  if (!doc.bytes.empty() && doc.bytes != std::to_string(*size))
    sink.report("format/document", doc.where,
                fmt::format("document {} ({}) changed since it was attached: it was {} bytes, "
                            "it is {}",
                            doc.id, name, doc.bytes, *size),
                kChangedHint);
}

// The same, by its SHA-256, for a file of the size it was attached at.
void compare_hash(const DocumentsFolder& folder, const Listed& doc, std::vector<Diagnostic>& out) {
  std::optional<std::string> bytes;
  try {
    bytes = folder.files.read(folder.path / doc.file, kMaxHashedBytes);
  } catch (const Error&) {
    return;  // the cheap comparison reports what cannot be read
  }
  if (bytes && (doc.bytes.empty() || doc.bytes == std::to_string(bytes->size())) &&
      sha256_text(*bytes) != doc.sha256)
    FindingSink(out).report(
        "format/document", doc.where,
        fmt::format("document {} ({}) changed since it was attached: its SHA-256 differs", doc.id,
                    printable(doc.file)),
        kChangedHint);
}

// The entries of documents/ that client.yaml does not list, and links.
void unlisted(const DocumentsFolder& folder, const std::vector<Listed>& listed,
              std::vector<Diagnostic>& out) {
  std::set<std::string> known(folder.leftovers.begin(), folder.leftovers.end());
  for (const auto& doc : listed) known.insert(doc.file);
  for (const auto& entry : folder.files.list_entries(folder.path)) {
    fs::path path = folder.path / entry.name;
    if (known.count(entry.name)) continue;
    if (entry.kind == EntryKind::link) {
      RefusedEntry refused = symbolic_link_refused(path);
      out.push_back(
          finding(refused.rule(), {folder.display(path), 0, 0}, refused.what(), refused.hint()));
      continue;
    }
    FindingSink(out).report(
        "format/document", {folder.display(path), 0, 0},
        "this file is in documents/ and client.yaml does not list it",
        fmt::format("attach it with `casekit attach {} FILE --kind KIND --date DATE`, which lists "
                    "it, or move it out of documents/",
                    folder.id));
  }
}

}  // namespace

const std::vector<std::string>& document_kinds() {
  static const std::vector<std::string> kinds =
      shape_of(FileKind::client).find("documents")->type.shape->find("kind")->type.args;
  return kinds;
}

std::string document_file_name(std::string_view source_name) {
  std::string name;
  for (char c : source_name) name += safe_character(c) ? c : '-';
  name.erase(0, name.find_first_not_of('.'));
  if (name.size() > 100) name.erase(0, name.size() - 100);  // keeps the extension
  if (name.empty() || name.find_first_not_of(".-_") == std::string::npos) return "document";
  return name;
}

std::string unique_document_name(const std::string& name, const std::vector<std::string>& taken) {
  auto free = [&](const std::string& candidate) {
    return std::find(taken.begin(), taken.end(), candidate) == taken.end();
  };
  if (free(name)) return name;
  std::size_t dot = name.rfind('.');
  if (dot == 0 || dot == std::string::npos) dot = name.size();
  for (int n = 2;; ++n) {
    std::string candidate = fmt::format("{}-{}{}", name.substr(0, dot), n, name.substr(dot));
    if (free(candidate)) return candidate;
  }
}

std::vector<Diagnostic> document_findings(const DocumentsFolder& folder, const YamlNode& client) {
  std::vector<Diagnostic> out;
  EntryKind kind = folder.files.kind(folder.path);
  if (kind == EntryKind::link) return out;  // load_client reports the link
  if (kind == EntryKind::file || kind == EntryKind::other) {
    FindingSink(out).report("format/document", {folder.display(folder.path), 0, 0},
                            "'documents' should be a folder of the client's documents",
                            "move the file away");
    return out;
  }
  std::vector<Listed> listed = listed_documents(client, folder.client_display);
  for (const auto& doc : listed) compare(folder, doc, out);
  if (kind == EntryKind::folder) unlisted(folder, listed, out);
  return out;
}

std::vector<Diagnostic> document_hash_findings(const DocumentsFolder& folder,
                                               const YamlNode& client) {
  std::vector<Diagnostic> out;
  if (folder.files.kind(folder.path) != EntryKind::folder) return out;
  for (const auto& doc : listed_documents(client, folder.client_display))
    if (document_file_name(doc.file) == doc.file) compare_hash(folder, doc, out);
  return out;
}

const ClientDocument* signed_plan_document(const Client& client, const Plan& plan) {
  std::optional<Date> since = plan.reviewed ? plan.reviewed : plan.created;
  const ClientDocument* found = nullptr;
  for (const auto& doc : client.documents)
    if (doc.kind == "signed-plan" && doc.date && (!since || *doc.date >= *since) &&
        (!found || *doc.date >= *found->date))
      found = &doc;
  return found;
}

}  // namespace casekit
