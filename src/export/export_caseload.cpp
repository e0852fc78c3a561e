// The supervisor's caseload page (export --all --format html): the records
// that could not be read first, then the active clients and the closed
// cases, each with status, case manager, last contact, what is due or
// overdue (from `due`, most urgent first) and check's findings, which are
// listed per client further down; then a chart for each goal with a
// measure. One self-contained page: inline CSS and SVG, no scripts; it
// prints with whole words and the table's header on every page.
#include <fmt/format.h>

#include <algorithm>

#include "base/xml_escape.hpp"
#include "export/export.hpp"
#include "export/html_text.hpp"
#include "export/measure_chart.hpp"
#include "views/due.hpp"

namespace casekit {
namespace {

constexpr const char* kCaseloadStyle = R"(
  body { font: 15px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; margin: 0 auto; max-width: 72rem; padding: 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
  h2 { font-size: 1.25rem; border-bottom: 2px solid #333; margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
  table { border-collapse: collapse; width: 100%; }
  thead { display: table-header-group; }
  th, td { border: 1px solid #888; padding: .35rem .45rem; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal; hyphens: none; }
  th { background: #eee; white-space: nowrap; }
  td.status, td.person, td.date, td.check, .nb { white-space: nowrap; }
  col.name { width: 17%; } col.due { width: 45%; }
  ul { margin: 0; padding-left: 1.1rem; }
  .overdue { color: #a00; font-weight: bold; }
  .ok { color: #555; }
  .unreadable { border: 2px solid #a00; padding: .5rem 1rem; }
  .findings li { margin-bottom: .2rem; }
  .where { color: #555; font-size: .85rem; }
  .rule { color: #555; font-size: .85rem; }
  .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
  figure { margin: 0; border: 1px solid #ccc; padding: .4rem; max-width: 100%; }
  figcaption { font-size: .9rem; max-width: 420px; }
  svg { max-width: 100%; height: auto; }
  svg .axis { stroke: #555; stroke-width: 1; }
  svg .grid { stroke: #ddd; stroke-width: 1; }
  svg .target { stroke: #2a7; stroke-width: 1.5; stroke-dasharray: 5 4; }
  svg .measured { fill: none; stroke: #1f4e9c; stroke-width: 2; }
  svg .point { fill: #1f4e9c; }
  svg .label { font-size: 11px; fill: #333; }
  svg .target-label { fill: #176; font-weight: bold; }
  svg .value { font-size: 11px; fill: #1f4e9c; font-weight: bold; }
  @media (max-width: 45rem) {
    table, thead, tbody, tr, td, th { display: block; } tr { margin-bottom: .8rem; } thead { display: none; }
    td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
    td.status, td.person, td.date, td.check { white-space: normal; }
  }
  @media print {
    body { max-width: none; font-size: 12px; }
    a { color: inherit; text-decoration: none; }
    figure, li { break-inside: avoid; page-break-inside: avoid; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
  }
)";

std::string due_cell(const std::vector<DueItem>& items, const Date& today) {
  if (items.empty()) return "<span class=\"ok\">nothing due</span>";
  std::string out = "<ul>";
  for (const auto& item : items)
    out += fmt::format("<li{}>{} ({})</li>", item.date < today ? " class=\"overdue\"" : "",
                       html_text(item.what), xml_text(when_text(item.date, today)));
  return out + "</ul>";
}

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The counts, linked to the client's list of findings further down.
std::string check_cell(const CaseloadClient& c) {
  FindingCounts counts = count_findings(c.findings);
  if (c.findings.empty()) return "<span class=\"ok\">none</span>";
  std::string text = plural(counts.errors, "error") + ",<br>" + plural(counts.warnings, "warning");
  std::size_t infos = c.findings.size() - counts.errors - counts.warnings;
  if (infos) text += ",<br>" + std::to_string(infos) + " info";
  return fmt::format("<a href=\"#findings-{}\"{}>{}</a>", xml_attr(c.record->client.id),
                     counts.errors ? " class=\"overdue\"" : "", text);
}

std::string client_row(const CaseloadClient& c, const Date& today) {
  const ClientRecord& r = *c.record;
  const Note* last = r.last_contact();
  std::string name = c.link.empty() ? xml_text(r.client.name)
                                    : fmt::format("<a href=\"{}\">{}</a>", xml_attr(c.link),
                                                  xml_text(r.client.name));
  return fmt::format(
      "<tr><td class=\"name\">{}<br><small>{}</small></td>"
      "<td class=\"status\" data-label=\"Status\">{}</td>"
      "<td class=\"person\" data-label=\"Case manager\">{}</td>"
      "<td class=\"date\" data-label=\"Last contact\">{}</td>"
      "<td data-label=\"Due and overdue\">{}</td><td class=\"check\" data-label=\"Check\">{}</td>"
      "</tr>\n",
      name, xml_text(r.client.id), xml_text(r.client.status), xml_text(r.client.case_manager),
      last ? last->date.str() : "none", due_cell(c.due, today), check_cell(c));
}

constexpr const char* kTableHead =
    "<table>\n<colgroup><col class=\"name\"><col><col><col><col class=\"due\"><col>"
    "</colgroup>\n<thead><tr><th>Client</th><th>Status</th><th>Case manager</th>"
    "<th>Last contact</th><th>Due and overdue</th><th>Check</th></tr></thead>\n<tbody>\n";
constexpr const char* kTableEnd = "</tbody>\n</table>\n";

std::string finding_item(const Diagnostic& d) {
  std::string where = d.location.file;
  if (d.location.line) where += fmt::format(":{}", d.location.line);
  return fmt::format(
      "<li><strong>{}</strong>: {}{} <span class=\"rule\">[{}]</span><br>"
      "<span class=\"where\">{}</span></li>\n",
      to_string(d.severity), xml_text(d.message),
      d.hint.empty() ? "" : xml_text(" (" + d.hint + ")"), xml_text(d.rule), xml_text(where));
}

// The client's findings, listed under the tables; "" when there are none.
std::string findings_list(const CaseloadClient& c) {
  if (c.findings.empty()) return "";
  std::string out =
      fmt::format("<h3 id=\"findings-{}\">{} <small>{}</small></h3>\n<ul class=\"findings\">\n",
                  xml_attr(c.record->client.id), xml_text(c.record->client.name),
                  xml_text(c.record->client.id));
  // A page to read, not a log: the rest are one `casekit check` away.
  constexpr std::size_t kShown = 20;
  for (std::size_t i = 0; i < c.findings.size() && i < kShown; ++i)
    out += finding_item(c.findings[i]);
  if (c.findings.size() > kShown)
    out += fmt::format("<li>and {} more: <code>casekit check {}</code></li>\n",
                       c.findings.size() - kShown, xml_text(c.record->client.id));
  return out + "</ul>\n";
}

std::string unreadable_section(const std::vector<Diagnostic>& problems) {
  if (problems.empty()) return "";
  std::string out =
      "<section class=\"unreadable\">\n<h2>Records with format errors, left out of this page</h2>\n"
      "<p>Fix these first: until then their clients' due items and findings are not known.</p>\n"
      "<ul class=\"findings\">\n";
  for (const auto& d : problems) out += finding_item(d);
  return out + "</ul>\n</section>\n";
}

MeasureSeries series_of(const ShortTermGoal& goal, const ClientRecord& record, const Date& today) {
  MeasureSeries s{goal.id, goal.measure->unit, *goal.measure->target, {}, goal.target_date, {}};
  // Without a creation date, the first value, the target date or today
  // begins the axis: never the epoch.
  s.start = record.plan->created.value_or(goal.target_date.value_or(today));
  if (goal.measure->baseline && record.plan->created)
    s.points.push_back({*record.plan->created, *goal.measure->baseline});
  for (const auto& note : record.notes)
    if (auto value = note.measures.find(goal.id); value != note.measures.end())
      s.points.push_back({note.date, value->second});
  std::stable_sort(s.points.begin(), s.points.end(),
                   [](const MeasurePoint& a, const MeasurePoint& b) { return a.date < b.date; });
  if (!s.points.empty())
    s.start =
        record.plan->created ? std::min(s.start, s.points.front().date) : s.points.front().date;
  return s;
}

std::string charts(const ClientRecord& r, const Date& today) {
  if (!r.plan) return "";
  std::string out;
  for (const auto& g : r.plan->short_term_goals) {
    if (!g.measure || !g.measure->target) continue;
    out += fmt::format("<figure>\n{}<figcaption><strong>{}</strong> {}</figcaption>\n</figure>\n",
                       measure_chart_svg(series_of(g, r, today)), xml_text(g.id),
                       xml_text(g.measure->unit));
  }
  return out.empty() ? ""
                     : fmt::format("<h3>{}</h3>\n<div class=\"charts\">\n{}</div>\n",
                                   xml_text(r.client.name), out);
}

}  // namespace

CaseloadPage::CaseloadPage(Settings settings, const Date& today, bool links, ExportWriter& out)
    : settings_(std::move(settings)),
      today_(today),
      links_(links),
      out_(out),
      active_rows_(out.scratch()),
      closed_rows_(out.scratch()),
      charts_(out.scratch()),
      findings_(out.scratch()) {}

void CaseloadPage::add(const ClientRecord& record, const std::vector<Diagnostic>& findings) {
  DueOptions due;
  due.today = today_;
  due.within_days = 14;
  CaseloadClient c{&record, links_ ? record.client.id + ".html" : "",
                   due_items(record, settings_, due), findings};
  std::stable_sort(c.due.begin(), c.due.end(),
                   [](const DueItem& a, const DueItem& b) { return a.date < b.date; });
  ++clients_;
  bool closed = record.client.status == "closed";
  if (!closed) ++active_;
  (closed ? closed_rows_ : active_rows_)->append(client_row(c, today_));
  charts_->append(charts(record, today_));
  findings_->append(findings_list(c));
  overdue_ += static_cast<std::size_t>(
      std::count_if(c.due.begin(), c.due.end(), [&](const DueItem& i) { return i.date < today_; }));
  FindingCounts counts = count_findings(c.findings);
  errors_ += counts.errors;
  warnings_ += counts.warnings;
}

std::string CaseloadPage::summary(std::size_t unreadable) const {
  std::string out =
      fmt::format("As of {}: {} ({} active, {} closed), {} overdue, {}, {}", today_.str(),
                  plural(clients_, "client"), active_, clients_ - active_, plural(overdue_, "item"),
                  plural(errors_, "error"), plural(warnings_, "warning"));
  if (unreadable)
    out += fmt::format("; {} with format errors left out", plural(unreadable, "record"));
  return "<p>" + xml_text(out) + ".</p>\n";
}

void CaseloadPage::write_table(const std::string& name, ExportScratch& rows) {
  out_.write(name, kTableHead);
  rows.read_back([&](std::string_view piece) { out_.write(name, piece); });
  out_.write(name, kTableEnd);
}

void CaseloadPage::write(const std::string& name, const std::vector<Diagnostic>& unreadable,
                         std::size_t left_out, const std::string& tail) {
  const std::string& program = settings_.program;
  out_.write(name,
             fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, "
                         "initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n"
                         "<title>Caseload: {0}</title>\n<style>{1}</style>\n</head>\n<body>\n"
                         "<h1>Caseload: {0}</h1>\n",
                         xml_text(program.empty() ? "the program" : program), kCaseloadStyle));
  out_.write(name,
             summary(left_out) + unreadable_section(unreadable) + "<h2>Active clients</h2>\n");
  if (active_ == 0) out_.write(name, "<p>None.</p>\n");
  if (active_ != 0) write_table(name, *active_rows_);
  if (clients_ > active_) {
    out_.write(name, "<h2>Closed cases</h2>\n");
    write_table(name, *closed_rows_);
  }
  out_.write(name, "<h2>Goals with a measure</h2>\n");
  if (charts_->empty()) out_.write(name, "<p>No goal has a measure with a target.</p>\n");
  charts_->read_back([&](std::string_view piece) { out_.write(name, piece); });
  if (!findings_->empty()) out_.write(name, "<h2>What check finds, client by client</h2>\n");
  findings_->read_back([&](std::string_view piece) { out_.write(name, piece); });
  out_.write(name, tail + "</body>\n</html>\n");
}

}  // namespace casekit
