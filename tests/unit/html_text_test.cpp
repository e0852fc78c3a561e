#include "export/html_text.hpp"

#include <doctest/doctest.h>

using namespace casekit;

TEST_CASE("html text: escaped, each date in a span that keeps it on one line") {
  CHECK(html_text("Met <Ana> on 2026-10-19 & 2026-11-02.") ==
        "Met &lt;Ana&gt; on <span class=\"nb\">2026-10-19</span> &amp; "
        "<span class=\"nb\">2026-11-02</span>.");
  // Not dates: too short, or another shape.
  CHECK(html_text("2026-10-1 and 20261019 and 718-555-0143") ==
        "2026-10-1 and 20261019 and 718-555-0143");
}
