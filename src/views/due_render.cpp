// How `casekit due` prints its list: a table for the terminal, JSON for
// scripts, and an iCalendar feed (RFC 5545) for calendar apps.
#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <nlohmann/json.hpp>

#include "base/json_text.hpp"
#include "base/printable.hpp"
#include "base/wrap.hpp"
#include "views/due.hpp"

namespace casekit {

std::string when_text(const Date& date, const Date& today) {
  long days = days_between(today, date);
  auto count = [](long n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); };
  if (days < 0) return "overdue " + count(-days);
  if (days == 0) return "due today";
  return "due in " + count(days);
}

bool any_overdue(const DueList& list, const Date& today) {
  return std::any_of(list.items.begin(), list.items.end(),
                     [&](const DueItem& item) { return item.date < today; });
}

namespace {

// The text cut to `width` characters, the last one "…" when cut.
std::string fit(const std::string& text, std::size_t width) {
  if (columns(text) <= width) return text;
  std::size_t kept = 0, at = 0;
  for (; at < text.size(); ++at) {
    if ((text[at] & 0xC0) != 0x80 && kept++ == width - 1) break;
  }
  std::string kept_text = text.substr(0, at);
  while (!kept_text.empty() && kept_text.back() == ' ') kept_text.pop_back();
  return kept_text + "…";
}

struct Widths {
  std::size_t when = 4, client = 6, what = 4;
};

Widths widths_of(const DueList& list, const Date& today) {
  Widths w;
  for (const auto& item : list.items) {
    w.when = std::max(w.when, when_text(item.date, today).size());
    w.client = std::max(w.client, columns(item.client));
    w.what = std::max(w.what, columns(item.what));
  }
  return w;
}

std::string one_line_each(const DueList& list, const Date& today, const Widths& w) {
  auto row = [&](const std::string& when, const std::string& client, const std::string& what,
                 const std::string& command) {
    return fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", when, w.when, client, w.client, what, w.what,
                       command);
  };
  std::string out = row("WHEN", "CLIENT", "WHAT", "RESOLVE WITH");
  for (const auto& item : list.items)
    out += row(when_text(item.date, today), item.client, item.what, item.command);
  return out;
}

std::string two_lines_each(const DueList& list, const Date& today, const Widths& w,
                           std::size_t width) {
  std::size_t lead = w.when + 2 + w.client + 2;
  std::size_t room = width > lead + 10 ? width - lead : 10;
  std::string out =
      fmt::format("{:<{}}  {:<{}}  WHAT\n    RESOLVE WITH\n", "WHEN", w.when, "CLIENT", w.client);
  for (const auto& item : list.items)
    out += fmt::format("{:<{}}  {:<{}}  {}\n    {}\n", when_text(item.date, today), w.when,
                       item.client, w.client, fit(item.what, room), item.command);
  return out;
}

}  // namespace

std::string render_due_text(const DueList& list, const Date& today, std::size_t width) {
  if (list.items.empty()) return "";
  Widths w = widths_of(list, today);
  std::size_t longest_command = 12;
  for (const auto& item : list.items)
    longest_command = std::max(longest_command, item.command.size());
  bool fits = width == 0 || w.when + w.client + w.what + longest_command + 6 <= width;
  std::string out = fits ? one_line_each(list, today, w) : two_lines_each(list, today, w, width);
  // The items quote records (a next step's text): one line each.
  return printable(out, "\n");
}

std::string render_due_json(const DueList& list, const Date& today, std::size_t /*width*/) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const DueItem& item : list.items)
    items.push_back({{"client", item.client},
                     {"kind", item.kind},
                     {"about", item.key},
                     {"what", item.what},
                     {"date", item.date.str()},
                     {"days", days_between(today, item.date)},
                     {"when", when_text(item.date, today)},
                     {"command", item.command}});
  nlohmann::ordered_json document = {
      {"as_of", today.str()}, {"overdue", any_overdue(list, today)}, {"items", items}};
  return json_text(document) + "\n";
}

namespace {

// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
std::string ics_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Lines end in CRLF and are folded before 75 octets, never inside a UTF-8
// character; a continuation line starts with a space (RFC 5545 3.1).
std::string ics_line(const std::string& line) {
  std::string out;
  std::size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    std::size_t end = start + limit;
    while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    out += line.substr(start, end - start) + "\r\n ";
    start = end;
    limit = 74;
  }
  return out + line.substr(start) + "\r\n";
}

std::string ics_date(const Date& date) {
  return fmt::format("{:04}{:02}{:02}", date.year, date.month, date.day);
}

}  // namespace

std::string render_due_ics(const DueList& list, const Date& today, std::size_t /*width*/) {
  std::string out;
  for (const char* line : {"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//casekit//casekit due//EN",
                           "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:casekit due"})
    out += ics_line(line);
  // DTSTAMP is when the feed was made (RFC 5545 3.8.7.2); a fixed day
  // (--as-of, CASEKIT_TODAY) leaves `generated` empty and stamps midnight UTC
  // of that day, so the same caseload gives the same feed.
  std::string stamp = list.generated.empty() ? ics_date(today) + "T000000Z" : list.generated;
  for (const auto& item : list.items) {
    out += ics_line("BEGIN:VEVENT");
    out += ics_line(fmt::format("UID:{}/{}/{}@casekit", item.client, item.kind, item.key));
    out += ics_line("DTSTAMP:" + stamp);
    out += ics_line("DTSTART;VALUE=DATE:" + ics_date(item.date));
    out += ics_line("DTEND;VALUE=DATE:" + ics_date(item.date.add_days(1)));
    out += ics_line("SUMMARY:" + ics_text(item.client + ": " + item.what));
    out += ics_line("DESCRIPTION:" +
                    ics_text(when_text(item.date, today) + ". Resolve with: " + item.command));
    out += ics_line("TRANSP:TRANSPARENT");
    out += ics_line("END:VEVENT");
  }
  return out + ics_line("END:VCALENDAR");
}

namespace {

constexpr DueFormat kDueFormats[] = {
    {"text", "a table for the terminal, and a count on standard error", render_due_text, true},
    {"json", "an object for scripts: as_of, overdue and the items", render_due_json},
    {"ics", "an iCalendar feed (RFC 5545) for calendar apps", render_due_ics},
};

}  // namespace

std::span<const DueFormat> due_formats() {
  return kDueFormats;
}

const DueFormat& due_format(std::string_view name) {
  auto row = std::find_if(std::begin(kDueFormats), std::end(kDueFormats),
                          [&](const DueFormat& f) { return f.name == name; });
  assert(row != std::end(kDueFormats));
  return *row;
}

}  // namespace casekit
