// What the accounting of disclosures names of an export sent to a partner
// (casekit-export(1), DISCLOSURES): each client's own document's SHA-256,
// or, when the documents carried every client, that of all of them one
// after another. Taken as the export is written, so that it is never held.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "export/formats.hpp"
#include "record/plan_digest.hpp"

namespace casekit {

// Passes every byte on to `out`, hashing it on the way.
class HashingWriter : public ExportWriter {
 public:
  HashingWriter(ExportWriter& out, const ExportFormat& format) : out_(out), format_(format) {}
  void write(const std::string& name, std::string_view data) override;
  void close(const std::string& name) override { out_.close(name); }
  std::unique_ptr<ExportScratch> scratch() override { return out_.scratch(); }
  // The hash for each of the `clients` clients, in the order written.
  std::vector<std::string> hashes(std::size_t clients);

 private:
  ExportWriter& out_;
  const ExportFormat& format_;
  std::vector<std::string> names_;  // in the order first written
  std::map<std::string, Sha256Text> each_;
  // Several documents are hashed one after another: each is kept aside
  // until the export ends.
  std::map<std::string, std::unique_ptr<ExportScratch>> kept_;
};

// The same for documents made whole (clients named on the command line).
std::vector<std::string> document_hashes(const std::vector<ExportFile>& documents,
                                         const ExportFormat& format, std::size_t clients);

}  // namespace casekit
