// casekit export: the record as documents people read (Markdown, HTML, the
// caseload page) and as data other systems take in (JSON, CSV, FHIR). Each
// renderer takes records already loaded and validated; load_records and
// write_export are the reading and writing around them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "record/case_folder.hpp"
#include "record/labels.hpp"
#include "record/model.hpp"
#include "storage/file_system.hpp"
#include "views/due.hpp"

namespace casekit {

// What an export is asked for beyond its format: the options of
// `casekit export` and the program's settings some formats use.
struct RenderOptions {
  // FHIR: the system of the Patient's identifier (settings.hpp,
  // identifier_system), and part of every entry's stable fullUrl.
  std::string identifier_system = "urn:casekit:program";
  // CSV, --excel: a UTF-8 byte order mark first, which spreadsheet
  // programs take as "this file is UTF-8".
  bool byte_order_mark = false;
  // CSV: a cell a spreadsheet would run as a formula (= + - @ first) gets
  // a ' in front; --no-formula-prefix turns it off for data pipelines.
  bool formula_prefix = true;
  // Markdown and HTML: the day printed on every page (the HTML's running
  // footer, with the client's name and "Confidential").
  std::optional<Date> printed = {};
  // Markdown and HTML, --plan-only: the plan and its signatures alone, the
  // pages the client and the case manager sign.
  bool plan_only = false;
  // Markdown and HTML, --lang: the language of the fixed words, a code of
  // `translations` (the built-in ones when null), or "client" for each
  // client's recorded language.
  std::string lang = "en";
  const Translations* translations = nullptr;
};

// The labels a client's printed record is in, and, when --lang client
// finds no labels in the client's language, why it is in English.
struct PrintLabels {
  const Labels& labels;
  std::string fallback = {};
};
PrintLabels print_labels(const ClientRecord& record, const RenderOptions& options);

// The version of the JSON export's schema (src/data/export.schema.json).
// It changes only when a key is removed or changes meaning.
constexpr int kExportJsonVersion = 1;

// Every record in one JSON document: {"format", "version", "clients": [...]}.
std::string export_json(const std::vector<ClientRecord>& records);

// One CSV table (RFC 4180) for funder reporting and spreadsheets.
struct CsvTable {
  std::string name;  // clients, needs, goals, services, referrals, notes
  std::string text;
};
std::vector<CsvTable> export_csv(const std::vector<ClientRecord>& records,
                                 const RenderOptions& options = {});
// The column names of each table, in order (casekit-export(1) lists them).
std::vector<std::pair<std::string, std::vector<std::string>>> csv_columns();

// The case record as a person would print it: assessment (strengths
// first), the plan as an action plan by need, milestones as a checklist,
// notes, and the signature block.
std::string export_markdown(const ClientRecord& record, const RenderOptions& options = {});
// The same as one self-contained HTML page, for the browser and for paper:
// the plan starts a printed page, and every page has a footer naming the
// client, "Confidential" and the day it was printed.
std::string export_html(const ClientRecord& record, const RenderOptions& options = {});

// An HL7 FHIR R4 transaction Bundle: Patient, Condition (needs), Goal,
// ServiceRequest (services and referrals), Task (a referral's follow-up
// and status), CarePlan, Consent (releases of information) and a
// DocumentReference per progress note.
std::string export_fhir(const ClientRecord& record, const RenderOptions& options = {});

struct ExportFilter {
  bool redact = false;  // make the people anonymous (redact.hpp)
  std::string partner;  // only what the client shares with this partner (share.hpp)
  Date today;           // when releases must be in force
  // export --all: a client whose record has format errors is left out
  // (and listed) instead of stopping the whole caseload's export.
  bool skip_invalid = false;
  // With a partner: only what changed on or after this day (share.hpp).
  std::optional<Date> since = {};
};

// With a partner: the release each exported client's record went under,
// for the accounting of disclosures (record/disclosures.hpp). Taken before
// redaction, so `id` is the folder's id.
struct SentRelease {
  std::string id, partner, signed_on;
  std::vector<std::string> shares;
};

// The release the client's files went under, after keep_shared (which
// leaves only that release in them); in export_filtered.cpp.
SentRelease sent_release(const ClientFiles& files);

struct LoadedRecords {
  std::vector<ClientRecord> records;
  std::vector<SentRelease> releases;  // parallel to records, with a partner only
  std::vector<std::pair<std::string, std::string>> withheld;  // client, why (with a partner)
  std::vector<std::string> skipped;                           // invalid records left out
  std::vector<Diagnostic> skipped_problems;                   // why, for each of them
};

// The records of these clients, refusing (InvalidRecord, nothing written)
// when any of them has format errors: an export is only as good as its
// record. With `skip_invalid` such clients are left out and listed instead,
// unless no client is left. The filter is applied to the files before the records are read.
LoadedRecords load_records(const CaseFolder& folder, const std::vector<std::string>& ids,
                           const ExportFilter& filter = {});

// One document of an export: a file name (used with -o DIR) and its text.
struct ExportFile {
  std::string name;
  std::string text;
};
// The formats, and the documents each makes, are the table in formats.hpp.

// Writes the documents under `target` (a file for one document, else a
// folder), all at once and owner-only (files 0600, the folder 0700),
// whatever the permissions of what they replace: a failure leaves no part
// of the export. Refuses a target among the case records, and a folder
// holding other files or folders.
void write_export(const CaseFolder& folder, const fs::path& target,
                  const std::vector<ExportFile>& documents, bool one);
// The same, with the documents written while `produce` makes them: only
// the temporary folder beside `target` sees them until all went well.
// `file_name`: the one document's name, for the hint when -o is a folder.
void write_export_streamed(const CaseFolder& folder, const fs::path& target, bool one,
                           const std::string& file_name,
                           const std::function<void(ExportWriter&)>& produce);

// One client on the supervisor's caseload page.
struct CaseloadClient {
  const ClientRecord* record = nullptr;
  std::string link;                  // the client's own page, or "" when it is not written
  std::vector<DueItem> due;          // most urgent first
  std::vector<Diagnostic> findings;  // check's
};
// The caseload page: status, case manager, last contact, what is due or
// overdue, check's findings, and a chart per goal with a measure (the
// values notes recorded, from the baseline towards the target).
// Findings as a redacted caseload page may show them: the rule and the
// severity, without the message, hint or file, which quote the record.
void redact_findings(std::vector<Diagnostic>& findings);
// The page made client by client: each client's row, charts and findings
// are made as text at once and put aside in `out`'s scratch files (the
// export's temporary folder), not in memory, so a caseload of any size is
// exported one record at a time in the same memory. `write` puts first the
// problems of the `left_out` records with format errors (`unreadable`),
// since they need fixing before anything else, and `tail` (quality over
// time) last.
class CaseloadPage {
 public:
  CaseloadPage(Settings settings, const Date& today, bool links, ExportWriter& out);
  void add(const ClientRecord& record, const std::vector<Diagnostic>& findings);
  void write(const std::string& name, const std::vector<Diagnostic>& unreadable,
             std::size_t left_out, const std::string& tail = "");

 private:
  std::string summary(std::size_t unreadable) const;
  void write_table(const std::string& name, ExportScratch& rows);

  Settings settings_;
  Date today_;
  bool links_;
  ExportWriter& out_;
  std::unique_ptr<ExportScratch> active_rows_, closed_rows_, charts_, findings_;
  std::size_t clients_ = 0, active_ = 0, overdue_ = 0, errors_ = 0, warnings_ = 0;
};

}  // namespace casekit
