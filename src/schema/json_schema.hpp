// JSON Schemas (draft 2020-12) of the case folder's files, made from
// src/data/schema.yaml, the shapes validation checks, so that an editor's
// YAML language server completes keys and reports what check's format
// rules would before the file is saved.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "schema/schema.hpp"

namespace casekit {

// One kind of file: the schema's file name and the files it is for, as a
// glob from the case folder (the layout of casekit(5)).
struct SchemaFile {
  FileKind kind;
  std::string name;  // plan.schema.json
  std::string glob;  // clients/*/plan.yaml
};

// Every kind of file of schema.yaml, in its order.
const std::vector<SchemaFile>& schema_files();

// The JSON Schema of one kind of file.
nlohmann::ordered_json json_schema(FileKind kind);
// The same as the text written to a file: two-space indents, a newline at the end.
std::string json_schema_text(FileKind kind);

}  // namespace casekit
