#include "check/review_draft.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "check/check.hpp"
#include "check/review_marks.hpp"
#include "record/coaching.hpp"
#include "record/load.hpp"

namespace casekit {
namespace {

const std::vector<std::string> kMarks = {"met", "not-met", "n/a", "unmarked"};

void require_one(const std::string& name, const std::vector<std::string>& known,
                 const std::string& what, const std::string& field, const std::string& id) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  if (known.empty())
    throw Error(fmt::format("{}: {} has no {}s to review yet", input_field(field), id, what),
                what == "goal" ? fmt::format("add one with `casekit plan {} add-goal`", id)
                               : fmt::format("add one with `casekit note {}`", id));
  std::string guess = did_you_mean(name, known);
  throw Error(fmt::format("{}: {} has no {} '{}'", input_field(field), id, what, printable(name)),
              guess.empty() ? fmt::format("its {}s: {}", what, fmt::join(known, ", "))
                            : fmt::format("did you mean '{}'?", guess));
}

// The field the checklist needs, and the one it does not take.
void require_subject_options(const ReviewRequest& r, const std::string& id) {
  bool goal = r.checklist == "isp-short-term-goal", note = r.checklist == "progress-note";
  if (!goal && !r.goal.empty())
    throw Error(fmt::format("{} is for the isp-short-term-goal checklist, not {}",
                            input_field("goal"), r.checklist),
                fmt::format("leave {} out, or use {} isp-short-term-goal", input_field("goal"),
                            input_field("checklist")));
  if (!note && !r.note.empty())
    throw Error(fmt::format("{} is for the progress-note checklist, not {}", input_field("note"),
                            r.checklist),
                fmt::format("leave {} out, or use {} progress-note", input_field("note"),
                            input_field("checklist")));
  if (goal && r.goal.empty())
    throw Error("the short-term goal checklist reviews one goal: say which",
                fmt::format("add {0}, like {0} G1", input_field("goal")));
  if (note && r.note.empty())
    throw Error("the progress note checklist reviews one note: say which",
                fmt::format("add {} with the note's file name; `casekit note {} --list` "
                            "lists them",
                            input_field("note"), id));
}

void require_subject(const ClientRecord& record, const ReviewRequest& r, const std::string& id) {
  std::vector<std::string> goals, notes;
  if (record.plan)
    for (const auto& g : record.plan->short_term_goals) goals.push_back(g.id);
  for (const auto& n : record.notes) notes.push_back(n.file_name);
  if (!r.goal.empty()) require_one(r.goal, goals, "goal", "goal", id);
  if (!r.note.empty()) require_one(r.note, notes, "note", "note", id);
  for (const auto& n : record.notes)
    if (n.file_name == r.note && n.date.str() > r.date)
      throw Error(fmt::format("{}: the note of {} is after the review ({})", input_field("note"),
                              n.date.str(), r.date),
                  "review a note written on or before the review's date");
  if (r.checklist == "initial-assessment" && !record.client.assessment.present)
    throw Error(fmt::format("{} has no assessment to review yet", id),
                fmt::format("write it with `casekit edit {}`", id));
}

ClientReport check_client(const CaseFolder& folder, const std::string& id, const Date& as_of) {
  CheckOptions options;
  options.today = as_of;
  options.clients = {id};
  options.rule_coverage = true;
  ClientReport report{id, {}};
  options.on_client = [&](const ClientReport& client) {
    if (client.id == id) report = client;
  };
  run_check(folder, options);
  return report;
}

}  // namespace

void apply_marks(Review& review, const std::vector<std::string>& marks) {
  const CoachingChecklist* list = find_coaching_checklist(review.checklist);
  for (const auto& spec : marks) {
    std::size_t eq = spec.find('=');
    std::string item = spec.substr(0, eq),
                mark = eq == std::string::npos ? "" : spec.substr(eq + 1);
    if (eq == std::string::npos)
      throw Error(fmt::format("{}: '{}' is not ITEM=MARK", input_field("mark"), printable(spec)),
                  fmt::format("for example {} achievable=met", input_field("mark")));
    require_one(item, list->item_ids(), "item", "mark", review.checklist);
    if (std::find(kMarks.begin(), kMarks.end(), mark) == kMarks.end())
      throw Error(fmt::format("{}: '{}' is not a mark", input_field("mark"), printable(mark)),
                  "mark an item met, not-met, n/a or unmarked");
    for (auto& m : review.marks)
      if (m.item == item && m.mark != mark) m = {item, mark, ""};
  }
}

Review draft_review(const CaseFolder& folder, const std::string& id, const ReviewRequest& r) {
  const CoachingChecklist* list = find_coaching_checklist(r.checklist);
  if (!list) throw Error(fmt::format("there is no checklist '{}'", printable(r.checklist)));
  require_subject_options(r, id);
  LoadedRecord loaded = load_record(folder, id);
  const ClientRecord& record = loaded.require_valid("nothing was changed");
  require_subject(record, r, id);
  Review review;
  review.reviewer = r.reviewer;
  review.date = r.date;
  review.checklist = r.checklist;
  review.case_manager = record.client.case_manager;
  review.goal = r.goal;
  review.note = r.note;
  review.feedback = r.feedback;
  review.follow_up = r.follow_up;
  ClientReport report = check_client(folder, id, *Date::parse(r.date));
  review.marks = prefill_marks(*list, report, review);
  apply_marks(review, r.marks);
  return review;
}

}  // namespace casekit
