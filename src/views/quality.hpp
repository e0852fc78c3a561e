// Quality over time, per case manager, as a supervisor follows it with the
// coaching reviews (seed 001: feedback "directed toward quality
// improvement"): by month, notes written on time, plans signed, reviews
// done and the share of marked items met; now, check's findings per
// record; and for each part reviewed more than once, the items whose mark
// changed from one review to the next. check --format checklist prints it
// and the caseload page charts it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "record/case_folder.hpp"
#include "record/load.hpp"
#include "record/model.hpp"
#include "record/review.hpp"
#include "schema/settings.hpp"

namespace casekit {

struct QualityMonth {
  std::string month;  // 2026-11
  Date end;           // its last day, or today for this month
  std::size_t notes = 0, notes_on_time = 0;
  std::size_t plans = 0, plans_signed = 0;  // plans written by the end, signed by it
  std::size_t reviews = 0, items_marked = 0, items_met = 0;
};

// An item whose mark changed between two reviews of the same part.
struct ItemChange {
  std::string client, subject, item, from, to, date;
};

struct CaseManagerQuality {
  std::string case_manager;
  std::size_t records = 0, findings = 0;
  std::vector<QualityMonth> months;  // oldest first
  std::vector<ItemChange> changes;   // in review date order
};

// One client's part: its record, its reviews and how many findings check has.
struct QualityInput {
  const ClientRecord* record = nullptr;
  std::vector<Review> reviews;
  std::size_t findings = 0;
  int note_deadline_days = 2;
};

// Quality over time gathered client by client, so a caseload's records
// need not be held at once: per case manager (by name, in name order), the
// `months` months up to today.
class QualityTally {
 public:
  explicit QualityTally(const Date& today, int months = 6);
  void add(const QualityInput& in);
  std::vector<CaseManagerQuality> result() const;

 private:
  Date today_;
  int months_;
  std::map<std::string, CaseManagerQuality> by_name_;
};

// A loaded valid record's part, with its program's note deadline.
QualityInput quality_input(const SettingsByProfile& programs, const LoadedRecord& loaded,
                           std::size_t findings);

// The same for these clients at once.
std::vector<CaseManagerQuality> quality_over_time(const std::vector<QualityInput>& clients,
                                                  const Date& today, int months = 6);

// "62%", or "-" when there is nothing to count.
std::string percent(std::size_t part, std::size_t whole);

// The text for --format checklist: a table per case manager and the
// changes between reviews; empty when no client has a review.
std::string render_quality_text(const std::vector<CaseManagerQuality>& quality);

// Loads each of these clients (id, check's findings) that has a valid
// record, with its reviews and its program's note deadline.
std::vector<CaseManagerQuality> folder_quality(
    const CaseFolder& folder, const std::vector<std::pair<std::string, std::size_t>>& findings,
    const Date& today);

}  // namespace casekit
