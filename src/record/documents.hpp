// The documents of a client (casekit(5), DOCUMENTS): files kept in
// clients/<id>/documents/ and listed under `documents:` in client.yaml
// with their kind, date, size and SHA-256, so that a scan replaced or
// lost is noticed. casekit attach writes both; check compares them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/diagnostic.hpp"
#include "record/model.hpp"
#include "storage/file_system.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

// The kinds of document `attach --kind` takes, as schema.yaml lists them.
const std::vector<std::string>& document_kinds();

// The name a document is kept under: the source's name with every
// character but letters, digits, '.', '-' and '_' made a '-', no leading
// dot, at most 100 characters; "document" when nothing is left.
std::string document_file_name(std::string_view source_name);

// The first name free among `taken`: the name, else "scan-2.pdf", ...
std::string unique_document_name(const std::string& name, const std::vector<std::string>& taken);

// A client's documents/ folder as the checks see it (record/case_folder
// makes it; this file does not depend on it, as it depends on this one).
struct DocumentsFolder {
  FileSystem& files;
  fs::path path;                                        // clients/<id>/documents
  std::string id;                                       // the client's, for hints
  std::string client_display;                           // client.yaml as messages show it
  std::function<std::string(const fs::path&)> display;  // a path as messages show it
  std::vector<std::string> leftovers;  // temporary files' names, reported as such elsewhere
};

// What loading a client says of the documents folder against
// client.yaml's list (format/document), without reading a document: a
// listed file missing or of another size than when it was attached, a
// file there that the list does not name.
std::vector<Diagnostic> document_findings(const DocumentsFolder& folder, const YamlNode& client);
// What only check says, as it reads every document: a listed file whose
// SHA-256 is not the one it was attached with. Other commands leave this
// to check: a client's scans can be large.
std::vector<Diagnostic> document_hash_findings(const DocumentsFolder& folder,
                                               const YamlNode& client);

// The latest signed-plan document dated on or after the plan was written
// (or last reviewed): a paper signature, where the program takes one.
const ClientDocument* signed_plan_document(const Client& client, const Plan& plan);

}  // namespace casekit
