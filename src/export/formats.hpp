// export's formats, one row each, as ninja keeps its tools: --format's
// choices and help, --list-formats, the man-page test, fuzz_export and the
// redaction tests all read this table, so a new format is a renderer and
// a row (CONTRIBUTING.md, "Add an export format").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "export/export.hpp"
#include "export/record_stream.hpp"

namespace casekit {

// What an export in a format is made of.
enum class Documents {
  one_per_client,  // CLIENT.md for each client
  one,             // the whole caseload in one document
  several,         // the whole caseload in several (the CSV tables)
};

struct ExportFormat {
  std::string_view name;       // --format NAME
  std::string_view summary;    // --help and --list-formats
  std::string_view extension;  // of every file: CLIENT.fhir.json
  Documents documents = Documents::one_per_client;
  // What stands between documents printed one after another on standard
  // output. Empty: several documents need -o and a folder, and
  // `why_a_folder` tells the user.
  std::string_view separator = {};
  std::string_view why_a_folder = {};
  // With --all and no --for, the supervisor's caseload page (index.html)
  // comes too.
  bool caseload_page = false;
  // The renderer: one client's document (one_per_client), or the
  // caseload's documents (one, several), each named without its extension.
  std::string (*render_client)(const ClientRecord& record, const RenderOptions& options) = nullptr;
  std::vector<ExportFile> (*render_caseload)(const std::vector<ClientRecord>& records,
                                             const RenderOptions& options) = nullptr;
  // The caseload's documents written one record at a time (record_stream.hpp),
  // for the formats with render_caseload.
  std::unique_ptr<RecordStream> (*stream_caseload)(ExportWriter& out, const RenderOptions& options,
                                                   std::string_view extension) = nullptr;
};

std::span<const ExportFormat> export_formats();
// The row named `name`, which must be one of export_formats().
const ExportFormat& export_format(std::string_view name);
// "one-per-client", "one" or "several", as --list-formats prints them.
std::string_view documents_name(Documents documents);

// Every document of the export in this format, named with its extension.
std::vector<ExportFile> render_export(const std::vector<ClientRecord>& records,
                                      const ExportFormat& format,
                                      const RenderOptions& options = {});
// Whether the export is one document (-o names a file) or several (-o
// names a folder), for this many clients named on the command line (none
// with --all, which always writes a folder when it writes per client).
bool one_document(const ExportFormat& format, std::size_t named_clients);
// The format's documents written to `out` as each record is added.
std::unique_ptr<RecordStream> record_stream(const ExportFormat& format,
                                            const RenderOptions& options, ExportWriter& out);

}  // namespace casekit
