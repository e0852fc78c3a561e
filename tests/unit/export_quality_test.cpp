#include "export/export_quality.hpp"

#include <doctest/doctest.h>

using namespace casekit;

TEST_CASE("export_quality: a table and two named charts per case manager, names escaped") {
  CaseManagerQuality q;
  q.case_manager = "Alicia <Moreno>";
  q.records = 1;
  for (const char* month : {"2026-09", "2026-10", "2026-11"}) {
    QualityMonth m;
    m.month = month;
    m.end = *Date::parse(std::string(month) + "-28");
    m.notes = 4;
    m.notes_on_time = 3;
    m.reviews = 1;
    m.items_marked = 8;
    m.items_met = 6;
    q.months.push_back(m);
  }
  std::string html = quality_html({q});
  CHECK(html.find("<h3>Alicia &lt;Moreno&gt;</h3>") != std::string::npos);
  CHECK(html.find("<figcaption>Notes on time, % by month</figcaption>") != std::string::npos);
  CHECK(html.find("<figcaption>Review items met, % by month</figcaption>") != std::string::npos);
  CHECK(html.find("<td>2026-10</td><td>75%</td><td>-</td><td>1</td><td>75%</td>") !=
        std::string::npos);
  q.months[0].reviews = q.months[1].reviews = q.months[2].reviews = 0;
  CHECK(quality_html({q}).empty());
}
