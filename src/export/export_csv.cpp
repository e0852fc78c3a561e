// The CSV export: one table per entity, RFC 4180 (CRLF, quotes doubled),
// dates in ISO form, lists joined with "; ". Free-text notes and contact
// details stay out: these tables go to funders and spreadsheets, and the
// JSON export carries the whole record.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cassert>
#include <cctype>
#include <functional>

#include "base/printable.hpp"
#include "export/export.hpp"
#include "export/record_stream.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

using Row = std::vector<std::string>;

std::string csv_date(const std::optional<Date>& d) {
  return d ? d->str() : "";
}
std::string csv_flag(const std::optional<bool>& b) {
  return b ? (*b ? "yes" : "no") : "";
}
std::string csv_number(const std::optional<double>& n) {
  return n ? fmt::format("{}", *n) : "";
}
std::string joined(const Strings& items) {
  return fmt::format("{}", fmt::join(items, "; "));
}

// A spreadsheet runs a cell that starts with = + - or @ as a formula; such
// text gets a leading apostrophe (OWASP's advice), which the spreadsheet
// shows as text and hides. Numbers are left alone. A data pipeline that
// wants the text as written turns it off (--no-formula-prefix).
std::string defused(const std::string& cell, bool prefix) {
  if (!prefix || cell.empty()) return cell;
  char c = cell[0];
  bool numeric = is_decimal(cell);
  if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !numeric)
    return "'" + cell;
  return cell;
}

std::string csv_cell(const std::string& raw, bool prefix) {
  std::string cell = defused(printable(raw, "\t\n"), prefix);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const Row& row, bool prefix) {
  std::string out;
  for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_cell(row[i], prefix);
  return out + "\r\n";
}

struct TableSpec {
  const char* name;
  std::vector<std::string> columns;
  std::function<void(const ClientRecord&, std::vector<Row>&)> rows;
};

void client_rows(const ClientRecord& r, std::vector<Row>& out) {
  const Client& c = r.client;
  const Note* last = r.last_contact();
  const Plan* p = r.plan ? &*r.plan : nullptr;
  out.push_back({c.id, c.name, c.preferred_name, c.pronouns, csv_date(c.date_of_birth), c.language,
                 c.case_manager, c.status, csv_date(c.opened), csv_date(c.assessment.date),
                 csv_flag(c.assessment.eligible), p ? csv_date(p->created) : "",
                 p ? csv_date(p->next_review) : "", p ? csv_date(p->client_signature.date) : "",
                 p ? csv_date(p->case_manager_signature.date) : "", last ? last->date.str() : "",
                 std::to_string(r.notes.size()), csv_date(c.closure.date), c.closure.reason});
}

void need_rows(const ClientRecord& r, std::vector<Row>& out) {
  for (const auto& n : r.client.assessment.needs)
    out.push_back({r.client.id, n.id, n.domain, n.description, n.status, csv_date(n.identified),
                   csv_date(n.met_on), n.emergent ? "yes" : "no", csv_flag(n.in_scope)});
}

void goal_rows(const ClientRecord& r, std::vector<Row>& out) {
  if (!r.plan) return;
  for (const auto& g : r.plan->long_term_goals)
    out.push_back(
        {r.client.id, g.id, "long", g.statement, "", "", "", "", "", "", "", "", "", "", ""});
  for (const auto& g : r.plan->short_term_goals) {
    std::size_t done = 0;
    for (const auto& m : g.milestones) done += m.done ? 1 : 0;
    Measure m = g.measure.value_or(Measure{});
    out.push_back({r.client.id, g.id, "short", g.statement, g.long_term, joined(g.needs),
                   csv_date(g.target_date), g.status, csv_date(g.status_date),
                   csv_number(m.baseline), csv_number(m.target), m.unit, g.program_outcome,
                   std::to_string(g.milestones.size()), std::to_string(done)});
  }
}

void service_rows(const ClientRecord& r, std::vector<Row>& out) {
  if (!r.plan) return;
  for (const auto& s : r.plan->services)
    out.push_back({r.client.id, s.id, s.name, s.provider, joined(s.needs), joined(s.goals),
                   csv_date(s.start), csv_date(s.end), s.status});
}

void referral_rows(const ClientRecord& r, std::vector<Row>& out) {
  if (!r.plan) return;
  for (const auto& f : r.plan->referrals)
    out.push_back({r.client.id, f.id, f.to, joined(f.needs), csv_date(f.consent), csv_date(f.date),
                   f.outcome, f.status(), f.status().empty() ? "" : csv_date(f.last_change())});
}

void note_rows(const ClientRecord& r, std::vector<Row>& out) {
  for (const auto& n : r.notes)
    out.push_back({r.client.id, n.file_name, n.date.str(), n.time, csv_date(n.written), n.author,
                   n.contact, n.location, n.event, n.service, joined(n.goals), joined(n.needs)});
}

const std::vector<TableSpec>& tables() {
  static const std::vector<TableSpec> specs = {
      {"clients",
       {"client_id", "name", "preferred_name", "pronouns", "date_of_birth", "language",
        "case_manager", "status", "opened", "assessment_date", "eligible", "plan_created",
        "next_review", "client_signed", "case_manager_signed", "last_contact", "notes", "closed",
        "closure_reason"},
       client_rows},
      {"needs",
       {"client_id", "need_id", "domain", "description", "status", "identified", "met_on",
        "emergent", "in_scope"},
       need_rows},
      {"goals",
       {"client_id", "goal_id", "term", "statement", "long_term", "needs", "target_date", "status",
        "status_date", "baseline", "target", "unit", "program_outcome", "milestones",
        "milestones_done"},
       goal_rows},
      {"services",
       {"client_id", "service_id", "name", "provider", "needs", "goals", "start", "end", "status"},
       service_rows},
      {"referrals",
       {"client_id", "referral_id", "to", "needs", "consent", "date", "outcome", "status",
        "status_date"},
       referral_rows},
      {"notes",
       {"client_id", "file", "date", "time", "written", "author", "contact", "location", "event",
        "service", "goals", "needs"},
       note_rows},
  };
  return specs;
}

// Excel reads a CSV file without a byte order mark in the computer's
// local code page, so "Peña" comes out as "PeÃ±a".
std::string table_head(const TableSpec& spec, const RenderOptions& options) {
  std::string text = options.byte_order_mark ? "\xEF\xBB\xBF" : "";
  return text + csv_line(spec.columns, options.formula_prefix);
}

std::string record_lines(const TableSpec& spec, const ClientRecord& record,
                         const RenderOptions& options) {
  std::vector<Row> rows;
  spec.rows(record, rows);
  std::string text;
  for (const auto& row : rows) {
    assert(row.size() == spec.columns.size());
    text += csv_line(row, options.formula_prefix);
  }
  return text;
}

class CsvStream : public RecordStream {
 public:
  CsvStream(ExportWriter& out, const RenderOptions& options, std::string_view extension)
      : out_(out), options_(options) {
    for (const auto& spec : tables()) {
      names_.push_back(spec.name + std::string(extension));
      out_.write(names_.back(), table_head(spec, options_));
    }
  }
  RenderedRecord render(const ClientRecord& record) const override {
    RenderedRecord rendered{record.client.id, {}};
    for (const auto& spec : tables())
      rendered.parts.push_back(record_lines(spec, record, options_));
    return rendered;
  }
  void write(RenderedRecord rendered) override {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (!rendered.parts.at(i).empty()) out_.write(names_[i], rendered.parts[i]);
  }
  void finish() override {
    for (const auto& name : names_) out_.close(name);
  }

 private:
  ExportWriter& out_;
  RenderOptions options_;
  std::vector<std::string> names_;
};

}  // namespace

std::unique_ptr<RecordStream> csv_stream(ExportWriter& out, const RenderOptions& options,
                                         std::string_view extension) {
  return std::make_unique<CsvStream>(out, options, extension);
}

std::vector<CsvTable> export_csv(const std::vector<ClientRecord>& records,
                                 const RenderOptions& options) {
  std::vector<CsvTable> out;
  for (const auto& spec : tables()) {
    std::string text = table_head(spec, options);
    for (const auto& record : records) text += record_lines(spec, record, options);
    out.push_back({spec.name, std::move(text)});
  }
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> csv_columns() {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& spec : tables()) out.emplace_back(spec.name, spec.columns);
  return out;
}

}  // namespace casekit
