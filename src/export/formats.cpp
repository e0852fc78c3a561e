#include "export/formats.hpp"

#include <algorithm>
#include <cassert>

namespace casekit {
namespace {

std::vector<ExportFile> json_documents(const std::vector<ClientRecord>& records,
                                       const RenderOptions&) {
  return {{"caseload", export_json(records)}};
}

std::vector<ExportFile> csv_documents(const std::vector<ClientRecord>& records,
                                      const RenderOptions& options) {
  std::vector<ExportFile> out;
  for (auto& table : export_csv(records, options))
    out.push_back({table.name, std::move(table.text)});
  return out;
}

std::unique_ptr<RecordStream> json_document(ExportWriter& out, const RenderOptions&,
                                            std::string_view extension) {
  return json_stream(out, "caseload" + std::string(extension));
}

// One document per client, each finished before the next record is read.
class ClientDocuments : public RecordStream {
 public:
  ClientDocuments(const ExportFormat& format, const RenderOptions& options, ExportWriter& out)
      : format_(format), options_(options), out_(out) {}
  RenderedRecord render(const ClientRecord& record) const override {
    return {record.client.id, {format_.render_client(record, options_)}};
  }
  void write(RenderedRecord rendered) override {
    std::string name = rendered.id + std::string(format_.extension);
    out_.write(name, rendered.parts.at(0));
    out_.close(name);
  }
  void finish() override {}

 private:
  const ExportFormat& format_;
  const RenderOptions& options_;
  ExportWriter& out_;
};

std::string markdown_document(const ClientRecord& record, const RenderOptions& options) {
  return export_markdown(record, options);
}
std::string html_document(const ClientRecord& record, const RenderOptions& options) {
  return export_html(record, options);
}

// In the order --help and casekit-export(1) list them.
constexpr ExportFormat kExportFormats[] = {
    {.name = "markdown",
     .summary = "the case record to print or read, one document per client",
     .extension = ".md",
     .separator = "\n---\n\n",
     .render_client = markdown_document},
    {.name = "html",
     .summary = "the same as a web page per client (with --all, a caseload page too)",
     .extension = ".html",
     .why_a_folder = "the HTML export is one page per client",
     .caseload_page = true,
     .render_client = html_document},
    {.name = "json",
     .summary = "every record in one document of the export schema",
     .extension = ".json",
     .documents = Documents::one,
     .render_caseload = json_documents,
     .stream_caseload = json_document},
    {.name = "csv",
     .summary = "six tables (clients, needs, goals, services, referrals, notes)",
     .extension = ".csv",
     .documents = Documents::several,
     .why_a_folder = "the CSV export is six tables, one file each",
     .render_caseload = csv_documents,
     .stream_caseload = csv_stream},
    {.name = "fhir",
     .summary = "an HL7 FHIR R4 transaction Bundle per client",
     .extension = ".fhir.json",
     .why_a_folder = "the FHIR export is one Bundle per client",
     .render_client = export_fhir},
};

}  // namespace

std::span<const ExportFormat> export_formats() {
  return kExportFormats;
}

const ExportFormat& export_format(std::string_view name) {
  auto row = std::find_if(std::begin(kExportFormats), std::end(kExportFormats),
                          [&](const ExportFormat& f) { return f.name == name; });
  assert(row != std::end(kExportFormats));
  return *row;
}

std::string_view documents_name(Documents documents) {
  switch (documents) {
    case Documents::one_per_client:
      return "one-per-client";
    case Documents::one:
      return "one";
    case Documents::several:
      return "several";
  }
  return "";
}

std::vector<ExportFile> render_export(const std::vector<ClientRecord>& records,
                                      const ExportFormat& format, const RenderOptions& options) {
  std::vector<ExportFile> out;
  if (format.documents == Documents::one_per_client)
    for (const auto& record : records)
      out.push_back({record.client.id, format.render_client(record, options)});
  else
    out = format.render_caseload(records, options);
  for (auto& document : out) document.name += format.extension;
  return out;
}

std::unique_ptr<RecordStream> record_stream(const ExportFormat& format,
                                            const RenderOptions& options, ExportWriter& out) {
  if (format.stream_caseload) return format.stream_caseload(out, options, format.extension);
  return std::make_unique<ClientDocuments>(format, options, out);
}

bool one_document(const ExportFormat& format, std::size_t named_clients) {
  return format.documents == Documents::one ||
         (format.documents == Documents::one_per_client && named_clients == 1);
}

}  // namespace casekit
