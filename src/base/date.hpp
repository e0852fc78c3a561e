// Calendar dates as records use them: ISO YYYY-MM-DD, no time zone.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace casekit {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // clang-tidy 14 sees a literal 0 in the defaulted comparison.
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr)

  // Parses YYYY-MM-DD; nullopt unless it is a real date from 1900 to 2199.
  static std::optional<Date> parse(std::string_view text);
  std::string str() const;
  long days_since_epoch() const;
  static Date from_days(long days);
  Date add_days(long days) const { return from_days(days_since_epoch() + days); }
};

// Days from a to b (positive when b is later).
inline long days_between(const Date& a, const Date& b) {
  return b.days_since_epoch() - a.days_since_epoch();
}

// Today in local time (TZ), unless CASEKIT_TODAY=YYYY-MM-DD says otherwise (tests and
// audits use it so results do not depend on the day they run).
Date today();

// The moment now in UTC as an iCalendar DATE-TIME, 20261203T041502Z; with
// CASEKIT_TODAY set, midnight UTC of that day, so tests and audits repeat.
std::string utc_timestamp_now();

// What is wrong with a date of birth as of `today`, in a case worker's
// words ("the date of birth 2030-01-01 is after today (2026-12-02)"), or
// nothing: one still to come, or more than 120 years back, is a typo.
// Writes refuse it and check reports it, in the same words.
std::optional<std::string> birth_date_problem(const Date& born, const Date& today);

// HH:MM on a 24-hour clock.
bool valid_time(std::string_view text);

}  // namespace casekit
