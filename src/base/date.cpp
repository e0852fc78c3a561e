#include "base/date.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

#include "base/error.hpp"

namespace casekit {
namespace {

bool digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  Date d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!digits(text, 0, 4, d.year) || !digits(text, 5, 2, d.month) || !digits(text, 8, 2, d.day))
    return std::nullopt;
  if (d.year < 1900 || d.year > 2199 || d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string Date::str() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
long Date::days_since_epoch() const {
  int y = year - (month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long days) {
  long z = days + 719468;  // days from 0000-03-01 (Hinnant's civil_from_days)
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  return d;
}

Date today() {
  if (const char* forced = std::getenv("CASEKIT_TODAY")) {
    if (auto d = Date::parse(forced)) return *d;
    throw Error(fmt::format("CASEKIT_TODAY is set to '{}', which is not a date", forced),
                "use YYYY-MM-DD, or unset it");
  }
  // The case worker's own day: a note written at 20:30 in New York is dated
  // that day, not tomorrow's date in UTC.
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string utc_timestamp_now() {
  if (std::getenv("CASEKIT_TODAY")) {
    Date d = today();
    return fmt::format("{:04}{:02}{:02}T000000Z", d.year, d.month, d.day);
  }
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

bool valid_time(std::string_view text) {
  int h = 0, m = 0;
  return text.size() == 5 && text[2] == ':' && digits(text, 0, 2, h) && digits(text, 3, 2, m) &&
         h < 24 && m < 60;
}

std::optional<std::string> birth_date_problem(const Date& born, const Date& today) {
  if (born > today)
    return "the date of birth " + born.str() + " is after today (" + today.str() + ")";
  if (born < today.add_days(-120L * 366))
    return "the date of birth " + born.str() + " is more than 120 years ago";
  return std::nullopt;
}

}  // namespace casekit
