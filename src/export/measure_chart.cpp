#include "export/measure_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/xml_escape.hpp"

namespace casekit {

namespace {

// The chart's frame: where the plot sits in the SVG and what it spans.
struct Frame {
  double width, height, left, right, top, bottom;
  Date first, last;
  double low, high;
  bool whole = false;  // every value a whole number: no ticks in between

  double x(const Date& d) const {
    long span = std::max(1L, days_between(first, last));
    return left + (width - left - right) * static_cast<double>(days_between(first, d)) /
                      static_cast<double>(span);
  }
  double y(double v) const { return top + (height - top - bottom) * (high - v) / (high - low); }
};

// Dates from the plan's start to the target date or the last value; a
// span of a few days (one value on the day the plan began) is widened so
// the axis is never a point.
void date_span(const MeasureSeries& s, Date& first, Date& last) {
  first = s.start;
  last = s.target_date.value_or(s.start);
  for (const auto& p : s.points) first = std::min(first, p.date), last = std::max(last, p.date);
  if (days_between(first, last) < 14) {
    first = first.add_days(-7);
    last = last.add_days(7);
  }
}

Frame frame_for(const MeasureSeries& s, double width, double height, bool axes) {
  Frame f{width, height, axes ? 44.0 : 14.0, 14, 20, axes ? 34.0 : 24.0, {}, {}, 0, 1, false};
  date_span(s, f.first, f.last);
  double low = std::min(0.0, s.target), high = s.target;
  bool whole = std::trunc(s.target) == s.target;
  for (const auto& p : s.points) {
    low = std::min(low, p.value), high = std::max(high, p.value);
    whole = whole && std::trunc(p.value) == p.value;
  }
  f.whole = whole;
  std::vector<double> ticks = axis_ticks(low, high, whole);
  f.low = ticks.front();
  f.high = ticks.back();
  return f;
}

std::string y_axis(const Frame& f) {
  std::string out;
  for (double tick : axis_ticks(f.low, f.high, f.whole)) {
    double y = f.y(tick);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" class=\"grid\"/>\n"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\" class=\"label\">{5}</text>\n",
        f.left, y, f.width - f.right, f.left - 5, y + 4, chart_number(tick));
  }
  double bottom = f.height - f.bottom;
  out += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" class=\"axis\"/>\n"
      "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" class=\"axis\"/>\n"
      "<text x=\"{0}\" y=\"{4}\" class=\"label\">{5}</text>\n"
      "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\" class=\"label\">{6}</text>\n",
      f.left, f.top, bottom, f.width - f.right, bottom + 16, f.first.str(), f.last.str());
  return out;
}

std::string target_line(const MeasureSeries& s, const Frame& f) {
  std::string label = "target " + chart_number(s.target);
  if (s.target_date) label += " by " + s.target_date->str();
  double y = f.y(s.target);
  return fmt::format(
      "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" class=\"target\"/>\n"
      "<text x=\"{2}\" y=\"{3:.1f}\" text-anchor=\"end\" class=\"label target-label\">{4}</text>\n",
      f.left, y, f.width - f.right, y - 5, xml_attr(label));
}

// Each value as a dot with its number above it; beyond a dozen values only
// the first, the last and the highest carry a number, so labels stay apart.
// A strip has no room above its dots: its values are written under it.
std::string values(const MeasureSeries& s, const Frame& f, bool strip) {
  std::string line, out;
  double highest = -std::numeric_limits<double>::infinity();
  for (const auto& p : s.points) highest = std::max(highest, p.value);
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const MeasurePoint& p = s.points[i];
    double x = f.x(p.date), y = f.y(p.value);
    line += fmt::format("{:.1f},{:.1f} ", x, y);
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" class=\"point\"/>\n", x, y);
    bool labelled =
        s.points.size() <= 12 || i == 0 || i + 1 == s.points.size() || p.value == highest;
    if (!labelled || strip) continue;
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" class=\"value\">{}</text>\n", x,
        y - 7, chart_number(p.value));
  }
  if (strip) {
    std::string text;
    for (const auto& p : s.points)
      text += (text.empty() ? "" : " \u00b7 ") + chart_number(p.value) + " on " + p.date.str();
    out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"value\">{}</text>\n", f.left, f.height - 6,
                       xml_attr(text));
  }
  if (s.points.size() > 1)
    out = fmt::format("<polyline points=\"{}\" class=\"measured\"/>\n", line) + out;
  return out;
}

std::string svg_open(const MeasureSeries& s, double width, double height, const char* kind) {
  std::string label = s.goal_id + ": " + s.unit;
  return fmt::format(
      "<svg viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" class=\"{2}\" "
      "aria-label=\"{3}\">\n<title>{3}</title>\n",
      width, height, kind, xml_attr(label));
}

}  // namespace

std::string chart_number(double v) {
  bool whole = std::trunc(v) == v && std::abs(v) < 1e15;
  return whole ? fmt::format("{}", static_cast<long long>(v)) : fmt::format("{:.6g}", v);
}

std::vector<double> axis_ticks(double low, double high, bool whole) {
  if (!(high > low)) high = low + 1;  // also a NaN
  double rough = (high - low) / 4;
  double magnitude = std::pow(10, std::floor(std::log10(rough)));
  double norm = rough / magnitude;
  double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  if (whole) step = std::max(step, 1.0);
  std::vector<double> ticks;
  for (double t = std::floor(low / step) * step; t < high + step * 0.999 && ticks.size() < 12;
       t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
  // Numbers so large that adding a step changes nothing: two ticks.
  if (ticks.size() < 2) return {low, high};
  return ticks;
}

std::string measure_chart_svg(const MeasureSeries& s) {
  if (s.points.empty()) {
    std::string text = "no value recorded yet; target " + chart_number(s.target);
    if (s.target_date) text += " by " + s.target_date->str();
    return svg_open(s, 300, 28, "empty") +
           fmt::format("<text x=\"4\" y=\"18\" class=\"label\">{}</text>\n</svg>\n",
                       xml_attr(text));
  }
  // Fewer than three values: a strip with each value and its date.
  if (s.points.size() < 3) {
    Frame f = frame_for(s, 320, 72, false);
    return svg_open(s, f.width, f.height, "sparkline") + target_line(s, f) + values(s, f, true) +
           "</svg>\n";
  }
  Frame f = frame_for(s, 420, 200, true);
  return svg_open(s, f.width, f.height, "chart") + y_axis(f) + target_line(s, f) +
         values(s, f, false) + "</svg>\n";
}

}  // namespace casekit
