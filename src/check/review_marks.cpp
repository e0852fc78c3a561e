#include "check/review_marks.hpp"

#include <algorithm>

namespace casekit {
namespace {

bool has(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool in_file(const Diagnostic& d, const std::string& tail) {
  const std::string& file = d.location.file;
  return file == tail || file.ends_with("/" + tail);
}

// Each message once, in the order check found them.
std::string messages(const std::vector<const Diagnostic*>& found) {
  std::vector<std::string> seen;
  std::string out;
  for (const Diagnostic* d : found) {
    if (has(seen, d->message)) continue;
    seen.push_back(d->message);
    out += (out.empty() ? "" : "\n") + d->message;
  }
  return out;
}

ReviewMark mark_item(const CoachingItem& item, const ClientReport& report, const Review& review) {
  std::vector<const Diagnostic*> found;
  for (const Diagnostic& d : report.findings)
    if (has(item.rules, d.rule) && about_reviewed_part(d, review)) found.push_back(&d);
  bool ran = std::any_of(item.rules.begin(), item.rules.end(),
                         [&](const std::string& rule) { return has(report.rules_run, rule); });
  if (item.judgement) return {item.id, "unmarked", messages(found)};
  if (!found.empty()) return {item.id, "not-met", messages(found)};
  if (!ran) return {item.id, "unmarked", "check had nothing to judge this item by"};
  return {item.id, "met", ""};
}

}  // namespace

bool about_reviewed_part(const Diagnostic& finding, const Review& review) {
  if (!review.goal.empty())
    return finding.subject.kind == SubjectKind::goal && finding.subject.id == review.goal;
  if (!review.note.empty()) return in_file(finding, "notes/" + review.note);
  return in_file(finding, "client.yaml");
}

std::vector<ReviewMark> prefill_marks(const CoachingChecklist& checklist,
                                      const ClientReport& report, const Review& review) {
  std::vector<ReviewMark> marks;
  for (const auto& item : checklist.items) marks.push_back(mark_item(item, report, review));
  return marks;
}

}  // namespace casekit
