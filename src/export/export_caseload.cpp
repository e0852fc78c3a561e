// The supervisor's caseload page (export --all --format html): every client
// with status, case manager, last contact, what is due or overdue (from
// `due`), check's findings, and a chart for each goal with a measure. One
// self-contained page: inline CSS and SVG, no scripts.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/xml_escape.hpp"
#include "export/export.hpp"
#include "record/case_folder.hpp"
#include "views/due.hpp"

namespace casekit {
namespace {

std::string esc(const std::string& text) {
  return xml_escape(text, false);
}
// Inside an attribute ("..."), quotes are escaped too.
std::string attr(const std::string& text) {
  return xml_escape(text, true);
}

struct Point {
  Date date;
  double value = 0;
};

// Baseline at the plan's start, then each note's value for the goal.
std::vector<Point> measure_points(const ShortTermGoal& goal, const ClientRecord& record) {
  std::vector<Point> points;
  if (goal.measure && goal.measure->baseline && record.plan && record.plan->created)
    points.push_back({*record.plan->created, *goal.measure->baseline});
  for (const auto& note : record.notes)
    if (auto value = note.measures.find(goal.id); value != note.measures.end())
      points.push_back({note.date, value->second});
  return points;
}

std::string fmt_number(double v) {
  bool whole = std::trunc(v) == v && std::abs(v) < 1e15;
  return whole ? fmt::format("{}", static_cast<long long>(v)) : fmt::format("{:.6g}", v);
}

// A line from the baseline through the values seen, against the target.
std::string measure_chart(const ShortTermGoal& goal, const ClientRecord& record) {
  std::vector<Point> points = measure_points(goal, record);
  double target = *goal.measure->target;
  Date first = points.empty() ? record.plan->created.value_or(Date{}) : points.front().date;
  for (const auto& p : points) first = std::min(first, p.date);
  Date last = goal.target_date.value_or(points.empty() ? first : points.back().date);
  for (const auto& p : points) last = std::max(last, p.date);
  double low = target, high = target;
  for (const auto& p : points) low = std::min(low, p.value), high = std::max(high, p.value);
  if (high == low) high = low + 1;
  constexpr double kW = 360, kH = 150, kLeft = 44, kRight = 12, kTop = 14, kBottom = 30;
  long span = std::max(1L, days_between(first, last));
  auto x = [&](const Date& d) {
    return kLeft + (kW - kLeft - kRight) * static_cast<double>(days_between(first, d)) / span;
  };
  auto y = [&](double v) { return kTop + (kH - kTop - kBottom) * (high - v) / (high - low); };
  std::string line;
  for (const auto& p : points) line += fmt::format("{:.1f},{:.1f} ", x(p.date), y(p.value));
  std::string svg = fmt::format(
      "<svg viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" aria-label=\"{2}: "
      "{3}\">\n"
      "<title>{2}: {3}</title>\n"
      "<line x1=\"{4}\" y1=\"{5:.1f}\" x2=\"{6}\" y2=\"{5:.1f}\" class=\"target\"/>\n"
      "<text x=\"{6}\" y=\"{7:.1f}\" text-anchor=\"end\" class=\"label\">target {8}</text>\n"
      "<line x1=\"{4}\" y1=\"{9}\" x2=\"{4}\" y2=\"{10}\" class=\"axis\"/>\n"
      "<line x1=\"{4}\" y1=\"{10}\" x2=\"{6}\" y2=\"{10}\" class=\"axis\"/>\n"
      "<text x=\"{4}\" y=\"{11}\" class=\"label\">{12}</text>\n"
      "<text x=\"{6}\" y=\"{11}\" text-anchor=\"end\" class=\"label\">{13}</text>\n",
      kW, kH, attr(goal.id), attr(goal.measure->unit), kLeft, y(target), kW - kRight, y(target) - 4,
      fmt_number(target), kTop, kH - kBottom, kH - 10, first.str(), last.str());
  svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" class=\"label\">{}</text>\n",
                     kLeft - 4, y(low) + 4, fmt_number(low));
  if (points.size() > 1) svg += fmt::format("<polyline points=\"{}\" class=\"measured\"/>\n", line);
  for (const auto& p : points)
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" class=\"point\"><title>{}: "
        "{}</title></circle>\n",
        x(p.date), y(p.value), p.date.str(), fmt_number(p.value));
  return svg + "</svg>\n";
}

constexpr const char* kStyle = R"(
  body { font: 15px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; margin: 0 auto; max-width: 72rem; padding: 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
  h2 { font-size: 1.25rem; border-bottom: 2px solid #333; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #888; padding: .35rem .45rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  th { background: #eee; }
  td:nth-child(2), td:nth-child(4), td small { white-space: nowrap; }
  ul { margin: 0; padding-left: 1.1rem; }
  .overdue { color: #a00; font-weight: bold; }
  .ok { color: #555; }
  .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
  figure { margin: 0; border: 1px solid #ccc; padding: .4rem; max-width: 100%; }
  figcaption { font-size: .85rem; max-width: 360px; }
  svg { max-width: 100%; height: auto; }
  svg .axis { stroke: #555; stroke-width: 1; }
  svg .target { stroke: #2a7; stroke-width: 1.5; stroke-dasharray: 5 4; }
  svg .measured { fill: none; stroke: #1f4e9c; stroke-width: 2; }
  svg .point { fill: #1f4e9c; }
  svg .label { font-size: 11px; fill: #333; }
  @media (max-width: 45rem) {
    table, tr, td, th { display: block; } tr { margin-bottom: .8rem; } th { display: none; }
    td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
  }
  @media print { body { max-width: none; } tr, figure { break-inside: avoid; page-break-inside: avoid; } }
)";

std::string due_cell(const std::vector<DueItem>& items, const Date& today) {
  if (items.empty()) return "<span class=\"ok\">nothing due</span>";
  std::string out = "<ul>";
  for (const auto& item : items)
    out += fmt::format("<li{}>{} ({})</li>", item.date < today ? " class=\"overdue\"" : "",
                       esc(item.what), esc(when_text(item.date, today)));
  return out + "</ul>";
}

std::string client_row(const CaseloadClient& c, const Date& today) {
  const ClientRecord& r = *c.record;
  const Note* last = r.last_contact();
  std::string name = c.link.empty()
                         ? esc(r.client.name)
                         : fmt::format("<a href=\"{}\">{}</a>", attr(c.link), esc(r.client.name));
  std::string findings =
      c.errors + c.warnings == 0
          ? "<span class=\"ok\">none</span>"
          : fmt::format("{}{} error{}, {} warning{}", c.errors ? "<span class=\"overdue\">" : "",
                        c.errors, c.errors == 1 ? "" : "s", c.warnings,
                        c.warnings == 1 ? "" : "s") +
                (c.errors ? "</span>" : "");
  return fmt::format(
      "<tr><td>{}<br><small>{}</small></td><td data-label=\"Status\">{}</td>"
      "<td data-label=\"Case manager\">{}</td><td data-label=\"Last contact\">{}</td>"
      "<td data-label=\"Due and overdue\">{}</td><td data-label=\"Check\">{}</td></tr>\n",
      name, esc(r.client.id), esc(r.client.status), esc(r.client.case_manager),
      last ? last->date.str() : "none", due_cell(c.due, today), findings);
}

std::string charts(const ClientRecord& r) {
  if (!r.plan) return "";
  std::string out;
  for (const auto& g : r.plan->short_term_goals) {
    if (!g.measure || !g.measure->target) continue;
    out += fmt::format("<figure>\n{}<figcaption><strong>{}</strong> {}</figcaption>\n</figure>\n",
                       measure_chart(g, r), esc(g.id), esc(g.measure->unit));
  }
  return out.empty() ? ""
                     : fmt::format("<h3>{}</h3>\n<div class=\"charts\">\n{}</div>\n",
                                   esc(r.client.name), out);
}

}  // namespace

std::string export_caseload_html(const std::vector<CaseloadClient>& clients,
                                 const std::string& program, const Date& today) {
  std::size_t overdue = 0, errors = 0;
  for (const auto& c : clients) {
    overdue += static_cast<std::size_t>(std::count_if(
        c.due.begin(), c.due.end(), [&](const DueItem& i) { return i.date < today; }));
    errors += c.errors;
  }
  std::string rows, chart_sections;
  for (const auto& c : clients) {
    rows += client_row(c, today);
    chart_sections += charts(*c.record);
  }
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
      "name=\"robots\" content=\"noindex\">\n"
      "<title>Caseload: {0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>Caseload: {0}</h1>\n"
      "<p>As of {2}: {3} clients, {4} items overdue, {5} format or checklist errors.</p>\n"
      "<table>\n<tr><th>Client</th><th>Status</th><th>Case manager</th><th>Last contact</th>"
      "<th>Due and overdue</th><th>Check</th></tr>\n{6}</table>\n<h2>Goals with a "
      "measure</h2>\n{7}</body>\n</html>\n",
      esc(program.empty() ? "the program" : program), kStyle, today.str(), clients.size(), overdue,
      errors, rows,
      chart_sections.empty() ? "<p>No goal has a measure with a target.</p>\n" : chart_sections);
}

}  // namespace casekit
