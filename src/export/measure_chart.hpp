// A goal's measure drawn for the caseload page, readable on paper: the
// values the notes recorded, each labelled with its number, from the
// baseline towards the target (a labelled dashed line), on a y-axis from
// zero (or below, for negative values) with ticks, and dates on the x-axis.
// With fewer than three values it is a small strip (a sparkline) rather than
// a chart: two dots make no trend. Inline SVG, no scripts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"

namespace casekit {

struct MeasurePoint {
  Date date;
  double value = 0;
};

struct MeasureSeries {
  std::string goal_id;
  std::string unit;
  double target = 0;
  Date start;  // the plan's creation, or the first value
  std::optional<Date> target_date;
  std::vector<MeasurePoint> points;  // in date order
};

// "4", "2.5": numbers as a person writes them.
std::string chart_number(double value);

// The axis's ticks: 0 (or the lowest value) up to the highest value or the
// target, in steps of 1, 2 or 5 times a power of ten, 3 to 6 of them; for
// counts (`whole`), no step below 1.
std::vector<double> axis_ticks(double low, double high, bool whole = false);

// The SVG of the series.
std::string measure_chart_svg(const MeasureSeries& series);

}  // namespace casekit
