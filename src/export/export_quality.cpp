#include "export/export_quality.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/xml_escape.hpp"
#include "export/measure_chart.hpp"

namespace casekit {
namespace {

// part of whole in whole percent, rounded half up.
std::size_t percent_of(std::size_t part, std::size_t whole) {
  return (part * 100 + whole / 2) / whole;
}

// A share by month as a measure towards 100%, from the months that have one.
MeasureSeries share_series(const CaseManagerQuality& q, const std::string& label,
                           std::size_t QualityMonth::*part, std::size_t QualityMonth::*whole) {
  MeasureSeries s{label, "% by month", 100, q.months.front().end, std::nullopt, {}};
  for (const auto& m : q.months)
    if (m.*whole > 0)
      // A whole percent, rounded half up, as the chart labels it.
      s.points.push_back({m.end, static_cast<double>(percent_of(m.*part, m.*whole))});
  if (!s.points.empty()) s.start = std::min(s.start, s.points.front().date);
  return s;
}

std::string month_rows(const CaseManagerQuality& q) {
  std::string out;
  for (const auto& m : q.months)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       m.month, percent(m.notes_on_time, m.notes), percent(m.plans_signed, m.plans),
                       m.reviews, percent(m.items_met, m.items_marked));
  return out;
}

std::string changes_list(const CaseManagerQuality& q) {
  if (q.changes.empty()) return "";
  std::string out = "<ul>\n";
  for (const auto& c : q.changes)
    out += "<li>" +
           xml_text(fmt::format("{} {}, {}: {} from {} to {}", c.date, c.client, c.subject, c.item,
                                c.from, c.to)) +
           "</li>\n";
  return out + "</ul>\n";
}

// A chart with its name above it: the SVG's own label is for screen readers.
std::string figure(const MeasureSeries& s) {
  return fmt::format("<figure>\n<figcaption>{}, % by month</figcaption>\n{}</figure>\n",
                     xml_text(s.goal_id), measure_chart_svg(s));
}

std::string manager_section(const CaseManagerQuality& q) {
  std::string name = q.case_manager.empty() ? "No case manager named" : q.case_manager;
  return fmt::format(
      "<h3>{}</h3>\n<p>{} record{}, {} finding{} now.</p>\n<table>\n<thead><tr><th>Month</th>"
      "<th>Notes on time</th><th>Plans signed</th><th>Reviews done</th><th>Review items met</th>"
      "</tr></thead>\n<tbody>\n{}</tbody>\n</table>\n<div class=\"charts\">\n{}{}</div>\n{}",
      xml_text(name), q.records, q.records == 1 ? "" : "s", q.findings, q.findings == 1 ? "" : "s",
      month_rows(q),
      figure(share_series(q, "Notes on time", &QualityMonth::notes_on_time, &QualityMonth::notes)),
      figure(share_series(q, "Review items met", &QualityMonth::items_met,
                          &QualityMonth::items_marked)),
      changes_list(q));
}

}  // namespace

std::string quality_html(const std::vector<CaseManagerQuality>& quality) {
  bool reviewed = std::any_of(quality.begin(), quality.end(), [](const CaseManagerQuality& q) {
    return std::any_of(q.months.begin(), q.months.end(),
                       [](const QualityMonth& m) { return m.reviews > 0; });
  });
  if (!reviewed) return "";
  std::string out = "<h2>Quality over time, by case manager</h2>\n";
  for (const auto& q : quality) out += manager_section(q);
  return out;
}

}  // namespace casekit
