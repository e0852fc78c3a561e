#include "export/export_run.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "export/export_quality.hpp"
#include "record/load_each.hpp"
#include "record/private_area.hpp"

namespace casekit {

ExportRun::ExportRun(const CaseFolder& folder, const Date& today, RecordStream* stream,
                     CaseloadPage* page, std::function<void(const ClientRecord&)> each)
    : stream_(stream),
      page_(page),
      each_(std::move(each)),
      programs_(folder.settings()),
      quality_(today) {}

void ExportRun::add(const std::string& id, const LoadedRecord& client,
                    const std::vector<Diagnostic>& findings,
                    std::optional<RenderedRecord> rendered) {
  if (!client.valid()) {
    for (const auto& d : client.files.diagnostics)
      if (d.severity == Severity::error) problems_.push_back(d);
    skipped_.push_back(id);
    return;
  }
  const ClientRecord& record = *client.record;
  ++exported_;
  if (each_) each_(record);
  if (stream_) stream_->write(rendered ? std::move(*rendered) : stream_->render(record));
  if (!page_) return;
  if (redacted_) {
    std::vector<Diagnostic> shown = findings;
    redact_findings(shown);
    return page_->add(record, shown);
  }
  page_->add(record, findings);
  quality_.add(quality_input(programs_, client, findings.size()));
}

void ExportRun::add_each(const CaseFolder& folder, const std::vector<std::string>& ids) {
  if (page_) throw std::logic_error("ExportRun::add_each is for a run without a page");
  struct Read {
    LoadedRecord loaded;
    std::optional<RenderedRecord> rendered;
  };
  for_each_client<Read>(
      ids,
      [&](const std::string& id) {
        Read read{load_record(folder, id), std::nullopt};
        if (!read.loaded.valid()) return read;
        if (stream_) read.rendered = stream_->render(*read.loaded.record);
        // Of a valid record's files, add needs nothing: they are freed
        // here, by the thread that read them, while they are in its cache
        // (a tenth of the export's CPU at 10,000 clients).
        read.loaded.files = {};
        return read;
      },
      [&](const std::string& id, Read& read) {
        add(id, read.loaded, {}, std::move(read.rendered));
      });
}

void ExportRun::left_out(std::vector<std::string> ids, std::vector<Diagnostic> problems) {
  skipped_ = std::move(ids);
  problems_ = std::move(problems);
}

void ExportRun::finish() {
  if (exported_ == 0) refuse_if_errors(problems_, "nothing was exported");
  if (stream_) stream_->finish();
}

void ExportRun::write_page(const std::string& name) {
  if (!page_) return;
  if (redacted_) {
    std::vector<Diagnostic> shown = problems_;
    redact_findings(shown);
    return page_->write(name, shown, skipped_.size());
  }
  // Quality over time reads the reviews; the section goes at the end.
  page_->write(name, problems_, skipped_.size(), quality_html(quality_.result()));
}

void PrintedDocuments::write(const std::string& name, std::string_view data) {
  if (current_ && *current_ != name) fmt::print("{}", separator_);
  if (!current_ || *current_ != name) current_ = name;
  fmt::print("{}", data);
}

std::unique_ptr<ExportScratch> PrintedDocuments::scratch() {
  if (auto on_disk = private_scratch(root_)) return on_disk;
  return ExportWriter::scratch();
}

}  // namespace casekit
