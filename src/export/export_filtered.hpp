// export --all --for PARTNER and --redact, one client at a time (issue 18):
// what the filters need of the whole caseload is learnt first, in passes
// that each hold one client's record at a time: which clients are sent (a
// release in force with the partner), which are withheld and why, which
// have format errors and, with --redact, the names, contact details and
// words taken for names that every record's texts are scrubbed of. Then
// `filter` makes each client's record, in order, as load_records makes it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "export/export.hpp"
#include "export/redact.hpp"
#include "record/load.hpp"

namespace casekit {

class FilteredClients {
 public:
  FilteredClients(const CaseFolder& folder, ExportFilter filter);
  // Reads every client of `ids`; refuses as load_records does when no
  // client is left, before anything is written.
  void survey(const std::vector<std::string>& ids);
  // The clients sent, the folder's ids, in order.
  const std::vector<std::string>& sent() const { return sent_; }
  const std::vector<std::pair<std::string, std::string>>& withheld() const { return withheld_; }
  const std::vector<std::string>& skipped() const { return skipped_; }
  const std::vector<Diagnostic>& skipped_problems() const { return problems_; }
  // The record of the next client of `sent()`, filtered (and redacted),
  // and the release it goes under (with a partner).
  LoadedRecord filter(LoadedRecord loaded, SentRelease* release = nullptr);

 private:
  // keep_shared and keep_changed_since; false when nothing is shared.
  bool shared(ClientFiles& files, std::string& reason, std::vector<std::string>& partners) const;
  // Refuses a sent client whose texts are not those the survey read.
  void require_unchanged(const ClientFiles& files) const;
  // One more pass over the clients sent, for the redaction's knowledge.
  template <typename Learn>
  void pass(Learn learn);

  const CaseFolder& folder_;
  ExportFilter filter_;
  std::optional<Redaction> redaction_;
  std::vector<std::string> sent_, skipped_;
  std::vector<std::pair<std::string, std::string>> withheld_;
  std::vector<Diagnostic> problems_;
  std::unordered_map<std::string, std::string> digests_;  // sent client -> texts_digest
};

}  // namespace casekit
