// An export made one record at a time (issue 18): each record is rendered
// and handed to the writer before the next is read, so memory holds one
// client's record however large the caseload.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "export/export.hpp"
#include "storage/file_system.hpp"

namespace casekit {

class RecordStream {
 public:
  virtual ~RecordStream() = default;
  virtual void add(const ClientRecord& record) = 0;
  // Ends the documents: the JSON's closing brackets; closes every file.
  virtual void finish() = 0;
};

// JSON: one document `name`, byte for byte what export_json writes; nothing
// is written before the first record, so a refusal then leaves no output.
std::unique_ptr<RecordStream> json_stream(ExportWriter& out, std::string name);
// CSV: the six tables, NAME + extension, as export_csv writes them.
std::unique_ptr<RecordStream> csv_stream(ExportWriter& out, const RenderOptions& options,
                                         std::string_view extension);

}  // namespace casekit
