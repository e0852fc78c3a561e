#include "export/measure_chart.hpp"

#include <doctest/doctest.h>

using namespace casekit;

namespace {

Date day(const char* text) {
  return *Date::parse(text);
}

MeasureSeries series(std::vector<MeasurePoint> points) {
  return {
      "G1", "HSE subject tests passed", 4, day("2026-09-24"), day("2027-06-30"), std::move(points)};
}

}  // namespace

TEST_CASE("measure chart: the axis runs from zero in round steps") {
  CHECK(axis_ticks(0, 4) == std::vector<double>{0, 1, 2, 3, 4});
  CHECK(axis_ticks(0, 20) == std::vector<double>{0, 5, 10, 15, 20});
  CHECK(axis_ticks(0, 145) == std::vector<double>{0, 50, 100, 150});
  CHECK(axis_ticks(-3, 10) == std::vector<double>{-5, 0, 5, 10});
  // Counts have no half steps; a flat series still has an axis.
  CHECK(axis_ticks(0, 2, true) == std::vector<double>{0, 1, 2});
  CHECK(axis_ticks(0, 0, true) == std::vector<double>{0, 1});
  CHECK(axis_ticks(0, 2).size() == 5);
}

TEST_CASE("measure chart: no value yet is said in words") {
  std::string svg = measure_chart_svg(series({}));
  CHECK(svg.find("no value recorded yet; target 4 by 2027-06-30") != std::string::npos);
  CHECK(svg.find("<circle") == std::string::npos);
}

TEST_CASE("measure chart: one or two values are a strip with each value and its date") {
  std::string svg = measure_chart_svg(series({{day("2026-09-24"), 0}, {day("2026-11-20"), 1}}));
  CHECK(svg.find("class=\"sparkline\"") != std::string::npos);
  CHECK(svg.find("0 on 2026-09-24 \u00b7 1 on 2026-11-20") != std::string::npos);
  CHECK(svg.find("target 4 by 2027-06-30") != std::string::npos);
}

TEST_CASE("measure chart: three values or more are a chart with ticks and labelled points") {
  std::string svg = measure_chart_svg(
      series({{day("2026-09-24"), 0}, {day("2026-10-20"), 1}, {day("2026-11-20"), 2}}));
  CHECK(svg.find("class=\"chart\"") != std::string::npos);
  for (const char* tick : {">0</text>", ">1</text>", ">2</text>", ">3</text>", ">4</text>"})
    CHECK_MESSAGE(svg.find(tick) != std::string::npos, tick);
  CHECK(svg.find("class=\"value\">2</text>") != std::string::npos);
  CHECK(svg.find(">2026-09-24</text>") != std::string::npos);
  CHECK(svg.find(">2027-06-30</text>") != std::string::npos);
}

TEST_CASE("measure chart: one day's values still span a readable stretch of dates") {
  MeasureSeries s = series({{day("2026-09-02"), 128}});
  s.target = 145;
  s.start = day("2026-09-02");
  s.target_date.reset();
  s.points.push_back({day("2026-09-02"), 130});
  s.points.push_back({day("2026-09-02"), 131});
  std::string svg = measure_chart_svg(s);
  CHECK(svg.find(">2026-08-26</text>") != std::string::npos);
  CHECK(svg.find(">2026-09-09</text>") != std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);
}

TEST_CASE("measure chart: numbers too large for a step still give two ticks") {
  CHECK(axis_ticks(-1e18, -1e18).size() == 2);
  CHECK(measure_chart_svg({"G1",
                           "x",
                           -1e18,
                           *Date::parse("2026-09-24"),
                           std::nullopt,
                           {{*Date::parse("2026-09-24"), -1e18},
                            {*Date::parse("2026-10-24"), -1e18},
                            {*Date::parse("2026-11-24"), -1e18}}})
            .find("<svg") == 0);
}
