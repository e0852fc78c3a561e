// casekit due: the tickler. What needs doing across the caseload, most
// urgent first, each item with the command that resolves it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "record/case_folder.hpp"
#include "views/due_item.hpp"

namespace casekit {

struct DueList {
  std::vector<DueItem> items;           // most urgent first
  std::size_t clients = 0;              // active clients looked at
  std::vector<std::string> unreadable;  // clients whose records have format errors
  std::string generated;                // when made, 20261203T041502Z; empty: the as-of day
};

// Every item of one record due by options.today + within_days.
std::vector<DueItem> due_items(const ClientRecord& record, const Settings& settings,
                               const DueOptions& options);
// The items of every active client and the follow-ups after exit of the
// closed ones, sorted: earliest date first, then client.
DueList due_list(const CaseFolder& folder, const DueOptions& options);

// "overdue 3 days", "due today", "due in 2 days".
std::string when_text(const Date& date, const Date& today);
bool any_overdue(const DueList& list, const Date& today);

// A table under a header for the terminal; nothing when nothing is due.
// `width` is the terminal's (0 when piped: one full line per item). When
// a full line would not fit, each item takes two lines: when, client and
// what (cut with "…" to fit), then the command, indented and whole, since
// it must run as printed.
std::string render_due_text(const DueList& list, const Date& today, std::size_t width = 0);
std::string render_due_json(const DueList& list, const Date& today, std::size_t width = 0);
// An iCalendar (RFC 5545) feed: one all-day event per item.
std::string render_due_ics(const DueList& list, const Date& today, std::size_t width = 0);

// due's output formats, one row each: --format's choices and help and the
// man-page test read this table.
struct DueFormat {
  std::string_view name;
  std::string_view summary;
  std::string (*render)(const DueList& list, const Date& today, std::size_t width);
  // A person reads it at a terminal, so a count of the items follows on
  // standard error; the other formats are read by programs.
  bool counts_on_stderr = false;
};
std::span<const DueFormat> due_formats();
// The row named `name`, which must be one of due_formats().
const DueFormat& due_format(std::string_view name);

}  // namespace casekit
