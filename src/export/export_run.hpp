// export --all one client at a time (issue 18): each client's record is
// read, rendered, written and forgotten, a few clients ahead at most, so
// the memory an export needs does not grow with the caseload. Two threads
// read and render (add_each); the writing keeps the clients' order. With
// --for and --redact the records come from FilteredClients
// (export_filtered.hpp), one at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "export/export.hpp"
#include "export/record_stream.hpp"
#include "record/load.hpp"
#include "views/quality.hpp"

namespace casekit {

class ExportRun {
 public:
  // `stream` may be null (the caseload page alone); `page` too. `each` sees
  // every valid record first (for warnings).
  ExportRun(const CaseFolder& folder, const Date& today, RecordStream* stream, CaseloadPage* page,
            std::function<void(const ClientRecord&)> each = {});
  // Passes the client's record on; a record with format errors is left
  // out and listed. `findings`: check's, for the page. `rendered`: the
  // record as the stream renders it, when a worker did (else it is
  // rendered here).
  void add(const std::string& id, const LoadedRecord& client,
           const std::vector<Diagnostic>& findings = {},
           std::optional<RenderedRecord> rendered = std::nullopt);
  // Reads and adds every client of `ids`, in their order: the records are
  // read and rendered on two threads (for_each_client), and only written
  // here. For a run without a page, whose records need no filter.
  void add_each(const CaseFolder& folder, const std::vector<std::string>& ids);
  // Clients left out before the run (FilteredClients found them), as
  // `add` leaves out a record with format errors.
  void left_out(std::vector<std::string> ids, std::vector<Diagnostic> problems);
  // A redacted page (--redact) shows of the findings only what
  // redact_findings leaves, and no quality over time (it reads the reviews).
  void redact_page() { redacted_ = true; }
  // Refuses as load_records does (InvalidRecord) when every client was
  // left out for its format errors; else ends the stream.
  void finish();
  // Writes the caseload page, with quality over time at its end.
  void write_page(const std::string& name);

  const std::vector<std::string>& skipped() const { return skipped_; }
  const std::vector<Diagnostic>& skipped_problems() const { return problems_; }

 private:
  RecordStream* stream_;
  CaseloadPage* page_;
  std::function<void(const ClientRecord&)> each_;
  SettingsByProfile programs_;
  QualityTally quality_;
  std::size_t exported_ = 0;
  bool redacted_ = false;
  std::vector<std::string> skipped_;
  std::vector<Diagnostic> problems_;
};

// Prints the documents one after another on standard output, with the
// format's separator between two documents.
// The caseload page's parts wait in files in the case folder's private
// area (private_scratch), not in memory.
class PrintedDocuments : public ExportWriter {
 public:
  PrintedDocuments(std::string_view separator, fs::path root)
      : separator_(separator), root_(std::move(root)) {}
  void write(const std::string& name, std::string_view data) override;
  void close(const std::string&) override {}
  std::unique_ptr<ExportScratch> scratch() override;

 private:
  std::string_view separator_;
  fs::path root_;
  std::optional<std::string> current_;
};

}  // namespace casekit
