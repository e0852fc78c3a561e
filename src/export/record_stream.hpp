// An export made one record at a time (issue 18): each record is rendered
// and handed to the writer before the next is read, so memory holds a few
// clients' records however large the caseload. Rendering is apart from
// writing, so that the threads that read the records render them too
// (export_run.hpp), and only the writing is in the clients' order.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "export/export.hpp"
#include "storage/file_system.hpp"

namespace casekit {

// A record's part of the documents, as the stream that rendered it
// writes them: one text per document it adds to, in the stream's order.
struct RenderedRecord {
  std::string id;
  std::vector<std::string> parts;
};

class RecordStream {
 public:
  virtual ~RecordStream() = default;
  // Safe from several threads at once: it reads the record and the
  // options, and changes nothing.
  virtual RenderedRecord render(const ClientRecord& record) const = 0;
  // Writes a record rendered by this stream, in the clients' order.
  virtual void write(RenderedRecord rendered) = 0;
  void add(const ClientRecord& record) { write(render(record)); }
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
