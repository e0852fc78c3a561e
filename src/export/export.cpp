// What every export format shares: loading valid records, naming the
// documents and writing them.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "export/export.hpp"
#include "export/redact.hpp"
#include "export/share.hpp"
#include "record/load.hpp"

namespace casekit {

LoadedRecords load_records(const CaseFolder& folder, const std::vector<std::string>& ids,
                           const ExportFilter& filter) {
  std::vector<ClientFiles> clients;
  std::vector<Diagnostic> problems;
  LoadedRecords loaded;
  for (const auto& id : ids) {
    LoadedRecord client = load_record(folder, id);
    // The filters work on the files, so the record is read again after them.
    if (client.valid()) {
      clients.push_back(std::move(client.files));
      continue;
    }
    for (const auto& d : client.files.diagnostics)
      if (d.severity == Severity::error) problems.push_back(d);
    loaded.skipped.push_back(id);
  }
  if (!filter.skip_invalid || clients.empty()) refuse_if_errors(problems, "nothing was exported");
  loaded.skipped_problems = std::move(problems);
  if (!filter.partner.empty())
    for (auto& w : keep_shared(clients, filter.partner, filter.today))
      loaded.withheld.emplace_back(w.client, w.reason);
  if (!filter.partner.empty() && filter.since)
    keep_changed_since(clients, *filter.since, filter.today);
  if (!filter.partner.empty())
    for (const auto& files : clients) loaded.releases.push_back(sent_release(files));
  if (filter.redact) redact(clients, folder.settings());
  // The accounting of disclosures is the program's own: never sent to a
  // partner, and its names would outlive a redaction.
  if (filter.redact || !filter.partner.empty())
    for (auto& files : clients) files.disclosures.reset();
  for (const auto& files : clients) loaded.records.push_back(to_record(files));
  return loaded;
}

namespace {

// An export never lands among the records it was made from.
void refuse_inside_records(const CaseFolder& folder, const fs::path& target) {
  fs::path where = fs::weakly_canonical(fs::absolute(target));
  fs::path clients = fs::weakly_canonical(fs::absolute(folder.clients_path()));
  fs::path settings = fs::weakly_canonical(fs::absolute(folder.settings_path()));
  auto relative = where.lexically_relative(clients);
  bool inside = where == clients || (!relative.empty() && *relative.begin() != "..");
  if (inside || where == settings)
    throw Error(ExitStatus::usage, {target.string(), 0, 0},
                "an export cannot be written among the case records",
                "write it outside clients/, for example -o ../export");
}

// Files of an earlier export left beside this one would mix, say, named
// records into a redacted folder: only an empty folder, or one holding
// just the files this export writes, is written to.
void refuse_other_files(FileSystem& files, const fs::path& target,
                        const std::set<std::string>& documents) {
  for (const auto& entry : files.list(target)) {
    if (!documents.count(entry) || files.is_folder(target / entry))
      throw Error(
          ExitStatus::usage, {target.string(), 0, 0},
          fmt::format("the folder already holds other files ({}), which would mix with this export",
                      entry),
          "choose a new or empty folder");
  }
}

// Passes the files on and keeps their names.
class NamedFiles : public ExportWriter {
 public:
  explicit NamedFiles(ExportWriter& out) : out_(out) {}
  void write(const std::string& name, std::string_view data) override {
    names.insert(name);
    out_.write(name, data);
  }
  void close(const std::string& name) override { out_.close(name); }
  // The folder's scratch files, not memory: the caseload page's rows and
  // the documents kept for their hashes wait there.
  std::unique_ptr<ExportScratch> scratch() override { return out_.scratch(); }
  std::set<std::string> names;

 private:
  ExportWriter& out_;
};

// `-o out/` names the folder out. The folder is swapped for a new one,
// which the current folder (`-o .`) cannot be.
fs::path export_folder(FileSystem& files, const fs::path& target) {
  fs::path named = target.lexically_normal();
  if (!named.has_filename()) named = named.parent_path();
  std::error_code ec;
  if (named.filename() == "." || named.filename() == ".." || !named.has_filename() ||
      fs::weakly_canonical(fs::absolute(named)) == fs::weakly_canonical(fs::current_path(ec)))
    throw Error(ExitStatus::usage, {target.string(), 0, 0},
                "an export of several files needs a folder of its own",
                "name a folder inside this one, for example -o export");
  if (files.exists(named) && !files.is_folder(named))
    throw Error(ExitStatus::usage, {target.string(), 0, 0},
                "the export is several files, and this is not a folder",
                "name a folder; casekit makes it if it does not exist");
  return named;
}

}  // namespace

void write_export(const CaseFolder& folder, const fs::path& target,
                  const std::vector<ExportFile>& documents, bool one) {
  write_export_streamed(folder, target, one, documents.empty() ? "" : documents.at(0).name,
                        [&](ExportWriter& out) {
                          for (const auto& document : documents) {
                            out.write(document.name, document.text);
                            out.close(document.name);
                          }
                        });
}

void write_export_streamed(const CaseFolder& folder, const fs::path& target, bool one,
                           const std::string& file_name,
                           const std::function<void(ExportWriter&)>& produce) {
  FileSystem& files = folder.files();
  refuse_inside_records(folder, target);
  if (one) {
    if (files.is_folder(target))
      throw Error(ExitStatus::usage, {target.string(), 0, 0},
                  "this is a folder, and the export is one file",
                  "name a file, for example -o " + file_name);
    return files.publish_streamed(target, true, produce);
  }
  fs::path named = export_folder(files, target);
  bool existed = files.exists(named);
  files.publish_streamed(named, false, [&](ExportWriter& out) {
    NamedFiles written(out);
    produce(written);
    if (existed) refuse_other_files(files, named, written.names);
  });
}

void redact_findings(std::vector<Diagnostic>& findings) {
  // Each client's folder becomes "clients/record-N/": a reader still sees
  // which problems belong to one record, without its name.
  std::map<std::string, std::size_t> records;
  for (auto& d : findings) {
    const std::string& file = d.location.file;
    auto start = file.find("clients/");
    std::string folder = start == std::string::npos
                             ? ""
                             : file.substr(start + 8, file.find('/', start + 8) - start - 8);
    d.message = "not shown in a redacted export";
    d.hint.clear();
    d.location = {};
    d.subject = {};
    if (folder.empty()) continue;
    std::size_t n = records.emplace(folder, records.size() + 1).first->second;
    d.location.file = fmt::format("clients/record-{}/", n);
  }
}

}  // namespace casekit
