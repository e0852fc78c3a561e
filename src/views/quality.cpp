#include "views/quality.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "record/load.hpp"
#include "views/due_reviews.hpp"

namespace casekit {
namespace {

std::vector<QualityMonth> month_frame(const Date& today, int count) {
  std::vector<QualityMonth> out;
  Date first{today.year, today.month, 1};
  for (int i = count - 1; i >= 0; --i) {
    int index = first.year * 12 + (first.month - 1) - i;
    Date start{index / 12, index % 12 + 1, 1};
    Date next{(index + 1) / 12, (index + 1) % 12 + 1, 1};
    Date end = std::min(next.add_days(-1), today);
    out.push_back({fmt::format("{:04}-{:02}", start.year, start.month), end});
  }
  return out;
}

QualityMonth* month_of(std::vector<QualityMonth>& months, const Date& date) {
  std::string key = fmt::format("{:04}-{:02}", date.year, date.month);
  for (auto& m : months)
    if (m.month == key) return &m;
  return nullptr;
}

void count_notes(const QualityInput& in, std::vector<QualityMonth>& months) {
  for (const Note& n : in.record->notes) {
    QualityMonth* m = month_of(months, n.date);
    if (!m || n.contact == "attempted") continue;
    ++m->notes;
    if (n.written && days_between(n.date, *n.written) <= in.note_deadline_days) ++m->notes_on_time;
  }
}

bool signed_by(const Signature& s, const Date& end) {
  return s.date && *s.date <= end;
}

void count_plans(const ClientRecord& r, std::vector<QualityMonth>& months) {
  if (!r.plan || !r.plan->created) return;
  for (auto& m : months) {
    if (*r.plan->created > m.end) continue;
    ++m.plans;
    if (signed_by(r.plan->client_signature, m.end) &&
        signed_by(r.plan->case_manager_signature, m.end))
      ++m.plans_signed;
  }
}

void count_reviews(const QualityInput& in, std::vector<QualityMonth>& months) {
  for (const Review& r : in.reviews) {
    auto date = Date::parse(r.date);
    QualityMonth* m = date ? month_of(months, *date) : nullptr;
    if (!m) continue;
    ++m->reviews;
    m->items_met += r.count("met");
    m->items_marked += r.count("met") + r.count("not-met");
  }
}

// Each review against the one before it of the same part.
void changes(const QualityInput& in, std::vector<ItemChange>& out) {
  std::vector<const Review*> sorted;
  for (const Review& r : in.reviews) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Review* a, const Review* b) { return a->date < b->date; });
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const Review* before = nullptr;
    for (std::size_t j = 0; j < i; ++j)
      if (sorted[j]->same_subject(*sorted[i])) before = sorted[j];
    if (!before) continue;
    for (const ReviewMark& now : sorted[i]->marks)
      for (const ReviewMark& then : before->marks)
        if (then.item == now.item && then.mark != now.mark && now.mark != "unmarked" &&
            then.mark != "unmarked")
          out.push_back({in.record->client.id, sorted[i]->subject(), now.item, then.mark, now.mark,
                         sorted[i]->date});
  }
}

}  // namespace

std::string percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? "-" : fmt::format("{}%", (part * 100 + whole / 2) / whole);
}

QualityTally::QualityTally(const Date& today, int months) : today_(today), months_(months) {}

void QualityTally::add(const QualityInput& in) {
  const std::string& name = in.record->client.case_manager;
  CaseManagerQuality& q = by_name_[name];
  if (q.months.empty()) q = {name, 0, 0, month_frame(today_, months_), {}};
  ++q.records;
  q.findings += in.findings;
  count_notes(in, q.months);
  count_plans(*in.record, q.months);
  count_reviews(in, q.months);
  changes(in, q.changes);
}

std::vector<CaseManagerQuality> QualityTally::result() const {
  std::vector<CaseManagerQuality> out;
  for (const auto& entry : by_name_) out.push_back(entry.second);
  return out;
}

std::vector<CaseManagerQuality> quality_over_time(const std::vector<QualityInput>& clients,
                                                  const Date& today, int months) {
  QualityTally tally(today, months);
  for (const QualityInput& in : clients) tally.add(in);
  return tally.result();
}

QualityInput quality_input(const SettingsByProfile& programs, const LoadedRecord& loaded,
                           std::size_t findings) {
  int deadline = programs.for_client(loaded.record->client.profile).note_deadline_days;
  return {&*loaded.record, client_reviews(loaded.files), findings, deadline};
}

std::string render_quality_text(const std::vector<CaseManagerQuality>& quality) {
  bool reviewed = std::any_of(quality.begin(), quality.end(), [](const CaseManagerQuality& q) {
    return std::any_of(q.months.begin(), q.months.end(),
                       [](const QualityMonth& m) { return m.reviews > 0; });
  });
  if (!reviewed) return "";
  std::string out = fmt::format("\n{}\nQuality over time, by case manager\n{}\n",
                                std::string(80, '='), std::string(80, '='));
  for (const auto& q : quality) {
    out += fmt::format("\n{}: {} record{}, {} finding{} now\n",
                       q.case_manager.empty() ? "(none)" : q.case_manager, q.records,
                       q.records == 1 ? "" : "s", q.findings, q.findings == 1 ? "" : "s");
    out += "  month    notes on time  plans signed  reviews  items met\n";
    for (const auto& m : q.months)
      out += fmt::format("  {}  {:>13}  {:>12}  {:>7}  {:>9}\n", m.month,
                         percent(m.notes_on_time, m.notes), percent(m.plans_signed, m.plans),
                         m.reviews, percent(m.items_met, m.items_marked));
    for (const auto& c : q.changes)
      out += fmt::format("  {} {} {}: {} {} -> {}\n", c.date, c.client, c.subject, c.item, c.from,
                         c.to);
  }
  return out;
}

std::vector<CaseManagerQuality> folder_quality(
    const CaseFolder& folder, const std::vector<std::pair<std::string, std::size_t>>& findings,
    const Date& today) {
  const SettingsByProfile programs(folder.settings());
  QualityTally tally(today);
  for (const auto& [id, count] : findings) {
    LoadedRecord loaded = load_record(folder, id);
    if (loaded.valid()) tally.add(quality_input(programs, loaded, count));
  }
  return tally.result();
}

}  // namespace casekit
