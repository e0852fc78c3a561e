#include <doctest/doctest.h>

#include <cstdlib>

#include "base/date.hpp"
#include "base/error.hpp"

using namespace casekit;

TEST_CASE("dates parse only when they are real calendar dates") {
  CHECK(Date::parse("2026-11-20").has_value());
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-02-30").has_value());
  CHECK_FALSE(Date::parse("2026-13-01").has_value());
  CHECK_FALSE(Date::parse("10000-01-01").has_value());
  CHECK_FALSE(Date::parse("2026-1-01").has_value());
  CHECK_FALSE(Date::parse("1899-12-31").has_value());
  CHECK_FALSE(Date::parse("2026-11-20T10:00").has_value());
}

TEST_CASE("date arithmetic round-trips across months, years and leap days") {
  Date d = *Date::parse("2024-02-28");
  CHECK(d.add_days(1).str() == "2024-02-29");
  CHECK(d.add_days(2).str() == "2024-03-01");
  CHECK(Date::parse("2026-12-31")->add_days(1).str() == "2027-01-01");
  CHECK(days_between(*Date::parse("2026-11-20"), *Date::parse("2026-11-23")) == 3);
  CHECK(Date::from_days(0).str() == "1970-01-01");
}

TEST_CASE("times are HH:MM on a 24-hour clock") {
  CHECK(valid_time("00:00"));
  CHECK(valid_time("23:59"));
  CHECK_FALSE(valid_time("24:00"));
  CHECK_FALSE(valid_time("9:30"));
  CHECK_FALSE(valid_time("12:60"));
}

TEST_CASE("CASEKIT_TODAY fixes today, and garbage in it is an error") {
  setenv("CASEKIT_TODAY", "2026-11-23", 1);
  CHECK(today().str() == "2026-11-23");
  setenv("CASEKIT_TODAY", "tomorrow", 1);
  CHECK_THROWS_AS(today(), Error);
  unsetenv("CASEKIT_TODAY");
}
