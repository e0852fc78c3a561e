#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "check/check.hpp"
#include "cli/commands.hpp"
#include "cli/export_disclosures.hpp"
#include "cli/format_option.hpp"
#include "export/export.hpp"
#include "export/export_filtered.hpp"
#include "export/export_run.hpp"
#include "export/fhir_codes.hpp"
#include "export/formats.hpp"
#include "export/sent_hashes.hpp"
#include "record/case_folder.hpp"
#include "record/labels.hpp"
#include "record/load_each.hpp"

namespace casekit::cli {

namespace {

// After an export of the rest: the exit status says that clients were left out.
void refuse_skipped(const LoadedRecords& loaded) {
  if (loaded.skipped.empty()) return;
  throw InvalidRecord(
      loaded.skipped_problems,
      fmt::format("{} was not exported: {} the format errors above; the other clients were",
                  fmt::join(loaded.skipped, ", "),
                  loaded.skipped.size() == 1 ? "its record has" : "their records have"));
}

// Several documents go into a folder; `-o two.html` would quietly make a
// folder of that name, which the worker then opens as a file and misses.
void refuse_file_name_for_folder(const std::string& output, const ExportFormat& format, bool one) {
  std::string name = fs::path(output).filename().string();
  std::string_view ext = format.extension;
  if (one || name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext))
    return;
  throw Error(ExitStatus::usage, {},
              fmt::format("-o {} names a file, and this export is several files", output),
              "give a folder to write them to, for example -o export/; nothing was written");
}

// One line per format, tab-separated, for scripts (the redaction tests).
[[noreturn]] void list_formats() {
  for (const ExportFormat& format : export_formats())
    fmt::print("{}\t{}\t{}\t{}\n", format.name, documents_name(format.documents), format.extension,
               format.summary);
  throw CLI::Success();
}

// --excel and --no-formula-prefix shape CSV cells; with another format
// they would be silently ignored, so they are refused.
RenderOptions render_options(const CaseFolder& folder, const std::string& format, bool excel,
                             bool no_prefix) {
  const char* csv_only = excel ? "--excel" : no_prefix ? "--no-formula-prefix" : nullptr;
  if (csv_only && format != "csv")
    throw Error(ExitStatus::usage, {}, fmt::format("{} is for the CSV export", csv_only),
                fmt::format("use --format csv with {}, or leave it out", csv_only));
  // A spreadsheet is where a cell like =HYPERLINK(...) from a note runs.
  if (excel && no_prefix)
    throw Error(ExitStatus::usage, {},
                "--no-formula-prefix would let a spreadsheet run cells as formulas, and "
                "--excel is for opening the tables in a spreadsheet",
                "for a spreadsheet use --excel alone; for a data pipeline use "
                "--no-formula-prefix alone");
  Settings settings = folder.settings();
  // check reports it too; an export with it would not be valid FHIR.
  if (std::string problem = identifier_system_problem(settings);
      !problem.empty() && format == "fhir")
    throw Error(ExitStatus::usage, {folder.display(folder.settings_path()), 0, 0}, problem,
                kIdentifierSystemHint);
  RenderOptions options;
  options.identifier_system = identifier_system(settings);
  options.byte_order_mark = excel;
  options.formula_prefix = !no_prefix;
  return options;
}

// --plan-only lays out a printed record; another format would ignore it.
bool plan_only_for(bool plan_only, const std::string& format) {
  if (plan_only && format != "markdown" && format != "html")
    throw Error(ExitStatus::usage, {}, "--plan-only is for the printed record",
                "use --format markdown or --format html with --plan-only");
  return plan_only;
}

// --lang: a language there are labels in, or "client"; only the printed
// record has labels, so with another format it is refused, not ignored.
std::string print_language(const std::string& lang, const Translations& translations) {
  if (lang.empty()) return "en";
  std::vector<std::string> codes = translations.codes();
  if (lang == "client" || std::find(codes.begin(), codes.end(), lang) != codes.end()) return lang;
  // "Spanish" for es: the name a worker writes in a record.
  std::string guess = language_tag(lang).value_or("");
  if (std::find(codes.begin(), codes.end(), guess) == codes.end()) guess.clear();
  codes.push_back("client");
  if (guess.empty()) guess = did_you_mean(lang, codes);
  throw Error(ExitStatus::usage, {},
              fmt::format("there are no labels in '{}' to print the record in", printable(lang)),
              fmt::format("{}the languages are {}; a case folder adds one as labels/CODE.yaml, "
                          "see LABELS in casekit(5)",
                          guess.empty() ? "" : fmt::format("did you mean '{}'? ", guess),
                          fmt::join(codes, ", ")));
}

// The labels the printed record can use: casekit's and the case folder's.
Translations printed_translations(const CaseFolder& folder, const std::string& format,
                                  const std::string& lang) {
  bool printed = format == "markdown" || format == "html";
  if (!lang.empty() && !printed)
    throw Error(ExitStatus::usage, {}, "--lang is for the printed record",
                "use --format markdown or --format html with --lang, or leave it out");
  return printed ? folder_translations(folder, lang) : built_in_translations();
}

// With --lang client, a client whose language has no labels is printed in
// English, and the worker is told.
void warn_english(const ClientRecord& record, const RenderOptions& options) {
  if (options.lang != "client") return;
  if (std::string why = print_labels(record, options).fallback; !why.empty())
    fmt::print(stderr, "casekit: warning: {}\n", why);
}

// --lang's choices for help and completion: casekit's own languages; a
// case folder's are checked once the folder is found.
CLI::Validator language_choices() {
  std::vector<std::string> codes = built_in_translations().codes();
  codes.push_back("client");
  return suggested(codes);
}

// --since's date, checked before anything is read.
std::optional<Date> since_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto date = Date::parse(text);
  if (!date)
    throw Error(ExitStatus::usage, {},
                fmt::format("--since: '{}' is not a real date", printable(text)),
                "write it as YYYY-MM-DD, for example 2026-11-20");
  return date;
}

// With --all the export is made client by client (export_run.hpp):
// nothing needs every record at once. Printed, a format without a
// separator is one document (JSON) or only the caseload page; the others
// refuse standard output, as render_export's path says; with --for or
// --redact, once the clients sent are known (export_filtered).
bool streamed(bool all, const ExportFilter& filter, const ExportFormat& format,
              const std::string& output) {
  bool filtered = filter.redact || !filter.partner.empty();
  return all && (filtered || !output.empty() || format.documents == Documents::one ||
                 !format.separator.empty() || format.caseload_page);
}

// The clients' records in order, filtered when `filtered` is set, each
// passed to the run with its release (with --for). The caseload page needs
// check's findings: check hands each client's on in order, and the
// client's record is exported then.
void export_clients(const CaseFolder& folder, ExportRun& run, bool with_findings,
                    FilteredClients* filtered, std::vector<SentRelease>& releases) {
  std::vector<std::string> ids = filtered ? filtered->sent() : folder.client_ids();
  auto add = [&](const std::string& id, LoadedRecord loaded, const std::vector<Diagnostic>& found) {
    if (!filtered) return run.add(id, loaded, found);
    SentRelease release;
    run.add(id, filtered->filter(std::move(loaded), &release), found);
    releases.push_back(std::move(release));
  };
  if (!with_findings && !filtered) return run.add_each(folder, ids);
  if (!with_findings)
    return load_each(folder, ids, [&](const std::string& id, LoadedRecord& loaded) {
      add(id, std::move(loaded), {});
    });
  CheckOptions check;
  check.today = today();
  check.clients = ids;
  check.on_client = [&](const ClientReport& report) {
    if (!report.id.empty()) add(report.id, load_record(folder, report.id), report.findings);
  };
  run_check(folder, check);
}

// Printed with --for, the documents are held: the accounting of
// disclosures names them before they are printed.
class HeldDocuments : public ExportWriter {
 public:
  void write(const std::string& name, std::string_view data) override {
    auto [at, added] = index_.emplace(name, texts.size());
    if (added) texts.emplace_back();
    texts[at->second] += data;
  }
  void close(const std::string&) override {}
  std::vector<std::string> texts;  // in the order first written

 private:
  std::unordered_map<std::string, std::size_t> index_;
};

void refuse_printed(const ExportFormat& format, const FilteredClients* filtered, bool page) {
  if (!filtered || page || format.documents == Documents::one || !format.separator.empty()) return;
  if (format.documents == Documents::several || filtered->sent().size() > 1)
    throw Error(ExitStatus::usage, {}, std::string(format.why_a_folder),
                "give a folder to write them to, for example -o export/");
}

void export_streamed(const CaseFolder& folder, const ExportFormat& format,
                     const RenderOptions& options, const std::string& output,
                     const ExportFilter& filter) {
  std::optional<FilteredClients> filtered;
  if (filter.redact || !filter.partner.empty()) {
    filtered.emplace(folder, filter);
    filtered->survey(folder.client_ids());
    for (const auto& [client, reason] : filtered->withheld())
      fmt::print(stderr, "casekit: {} is not exported for '{}': {}\n", client,
                 printable(filter.partner), printable(reason));
  }
  bool with_page = format.caseload_page && filter.partner.empty();
  if (output.empty()) refuse_printed(format, filtered ? &*filtered : nullptr, with_page);
  std::vector<std::string> skipped;
  std::vector<Diagnostic> problems;
  auto produce = [&](ExportWriter& sink) {
    HashingWriter hashed(sink, format);
    ExportWriter& out = filter.partner.empty() ? sink : hashed;
    std::optional<CaseloadPage> page;
    if (with_page) page.emplace(folder.settings(), today(), !output.empty(), out);
    // Printed, the HTML export is the caseload page alone.
    auto stream = page && output.empty() ? nullptr : record_stream(format, options, out);
    ExportRun run(folder, today(), stream.get(), page ? &*page : nullptr,
                  [&](const ClientRecord& record) { warn_english(record, options); });
    if (filtered) run.left_out(filtered->skipped(), filtered->skipped_problems());
    if (filter.redact) run.redact_page();
    std::vector<SentRelease> releases;
    export_clients(folder, run, page.has_value(), filtered ? &*filtered : nullptr, releases);
    run.finish();
    if (page) {
      run.write_page("index.html");
      out.close("index.html");
    }
    skipped = run.skipped();
    problems = run.skipped_problems();
    if (!filter.partner.empty())
      record_disclosures(folder, releases, hashed.hashes(releases.size()), format.name);
  };
  if (output.empty() && !filter.partner.empty()) {
    HeldDocuments held;
    produce(held);
    for (std::size_t i = 0; i < held.texts.size(); ++i)
      fmt::print("{}{}", i ? format.separator : "", held.texts[i]);
  } else if (output.empty()) {
    PrintedDocuments printed(format.separator, folder.root());
    produce(printed);
  } else {
    bool one = one_document(format, 0);
    refuse_file_name_for_folder(output, format, one);
    write_export_streamed(folder, output, one, "caseload" + std::string(format.extension), produce);
  }
  refuse_skipped(LoadedRecords{{}, {}, {}, skipped, problems});
}

}  // namespace

void setup_export(CLI::App& command, Context& context) {
  struct Options {
    std::vector<std::string> clients;
    bool all = false, redact = false, excel = false, no_formula_prefix = false, plan_only = false;
    std::string format, output, partner, since, lang;
  };
  auto o = std::make_shared<Options>();
  command.add_option("client", o->clients, "The clients to export (ids)");
  command.add_flag("--all", o->all,
                   "Export every client of the case folder (one with format errors is left out, "
                   "and the exit status is 2)");
  add_format_option(command, o->format, export_formats())->required();
  // Its callback runs while the line is parsed, before CLI11 asks for the
  // required --format (as --help's does).
  command.add_flag_callback(
      "--list-formats", [] { list_formats(); },
      "Print the formats, one a line: name, documents (one, several or one-per-client), file "
      "extension and summary, separated by tabs");
  command.add_flag("--redact", o->redact,
                   "Make the people anonymous: pseudonyms for clients and staff, no contact "
                   "details or birth dates");
  command.add_option(
      "--for", o->partner,
      "Only what each client's release of information lets the program share with this partner");
  command.add_flag("--excel", o->excel,
                   "CSV: start each table with a UTF-8 byte order mark, so a spreadsheet reads "
                   "accents and non-Latin names right");
  command.add_flag("--no-formula-prefix", o->no_formula_prefix,
                   "CSV: keep cells as written, without the ' put before one starting with = + - "
                   "or @ so that a spreadsheet does not run it (for data pipelines, not "
                   "spreadsheets)");
  command
      .add_option("--since", o->since,
                  "With --for: only what changed on or after this date (YYYY-MM-DD): the notes of "
                  "those days, and the plan if it changed")
      ->needs("--for");
  command.add_flag("--plan-only", o->plan_only,
                   "Markdown and HTML: only the service plan and its signature lines, the pages "
                   "to sign");
  command
      .add_option("--lang", o->lang,
                  "Markdown and HTML: the language of the printed record's headings, labels and "
                  "signature block (default en), one a case folder adds in labels/, or client: "
                  "each client's recorded language; what was written stays as written")
      ->check(language_choices());
  command.add_option("-o,--output", o->output,
                     "Write to this file (one document) or folder (csv, or several clients' "
                     "markdown, html or fhir)");
  command.callback([o, &context] {
    if (o->all == !o->clients.empty())
      throw Error(ExitStatus::usage, {},
                  o->all ? "name clients or use --all, not both" : "name a client, or use --all",
                  "for example: casekit export marcus-jones --format markdown");
    CaseFolder folder = context.folder();
    RenderOptions options = render_options(folder, o->format, o->excel, o->no_formula_prefix);
    options.plan_only = plan_only_for(o->plan_only, o->format);
    options.printed = today();
    Translations translations = printed_translations(folder, o->format, o->lang);
    options.lang = print_language(o->lang, translations);
    options.translations = &translations;
    ExportFilter filter{o->redact, o->partner, today(), o->all, since_date(o->since)};
    const ExportFormat& format = export_format(o->format);
    if (streamed(o->all, filter, format, o->output))
      return export_streamed(folder, format, options, o->output, filter);
    LoadedRecords loaded = load_records(folder, o->all ? folder.client_ids() : o->clients, filter);
    for (const auto& [client, reason] : loaded.withheld)
      fmt::print(stderr, "casekit: {} is not exported for '{}': {}\n", client,
                 printable(o->partner), printable(reason));
    const std::vector<ClientRecord>& records = loaded.records;
    for (const auto& record : records) warn_english(record, options);
    // Decided by what was asked for, not by how many clients a partner
    // filter left (json is always one document).
    bool one = one_document(format, o->clients.size());
    std::vector<ExportFile> documents = render_export(records, format, options);
    auto disclose = [&] {
      record_disclosures(folder, loaded.releases,
                         document_hashes(documents, format, loaded.releases.size()), format.name);
    };
    if (!o->output.empty()) {
      refuse_file_name_for_folder(o->output, format, one);
      disclose();
      write_export(folder, o->output, documents, one);
      return refuse_skipped(loaded);
    }
    if (documents.size() > 1 && format.separator.empty())
      throw Error(ExitStatus::usage, {}, std::string(format.why_a_folder),
                  "give a folder to write them to, for example -o export/");
    disclose();
    for (std::size_t i = 0; i < documents.size(); ++i)
      fmt::print("{}{}", i ? format.separator : "", documents[i].text);
    refuse_skipped(loaded);
  });
}

}  // namespace casekit::cli
