#include "export/export_run.hpp"

#include <fmt/format.h>

#include "export/export_quality.hpp"

namespace casekit {

ExportRun::ExportRun(const CaseFolder& folder, const Date& today, RecordStream* stream,
                     CaseloadPage* page, std::function<void(const ClientRecord&)> each)
    : stream_(stream),
      page_(page),
      each_(std::move(each)),
      programs_(folder.settings()),
      quality_(today) {}

void ExportRun::add(const std::string& id, const LoadedRecord& client,
                    const std::vector<Diagnostic>& findings) {
  if (!client.valid()) {
    for (const auto& d : client.files.diagnostics)
      if (d.severity == Severity::error) problems_.push_back(d);
    skipped_.push_back(id);
    return;
  }
  const ClientRecord& record = *client.record;
  ++exported_;
  if (each_) each_(record);
  if (stream_) stream_->add(record);
  if (!page_) return;
  page_->add(record, findings);
  quality_.add(quality_input(programs_, client, findings.size()));
}

void ExportRun::finish() {
  if (exported_ == 0) refuse_if_errors(problems_, "nothing was exported");
  if (stream_) stream_->finish();
}

std::string ExportRun::page_text() const {
  if (!page_) return "";
  std::string page = page_->finish(problems_, skipped_.size());
  // Quality over time reads the reviews; the section goes at the end.
  page.insert(page.rfind("</body>"), quality_html(quality_.result()));
  return page;
}

void PrintedDocuments::write(const std::string& name, std::string_view data) {
  if (current_ && *current_ != name) fmt::print("{}", separator_);
  if (!current_ || *current_ != name) current_ = name;
  fmt::print("{}", data);
}

}  // namespace casekit
