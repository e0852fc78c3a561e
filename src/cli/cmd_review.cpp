// `casekit review CLIENT`: a supervisor's coaching review of one part of a
// client's record with a checklist of the Coaching Tool (seed 001), kept in
// the client's reviews/; `review CLIENT ack REVIEW` records that the case
// worker read it; without a checklist, the client's reviews are listed.
#include <fmt/format.h>

#include "base/printable.hpp"
#include "check/review_draft.hpp"
#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "edit/plan_edits.hpp"
#include "edit/review_write.hpp"
#include "record/coaching.hpp"
#include "record/load.hpp"
#include "views/due_reviews.hpp"

namespace casekit::cli {
namespace {

// The checklists --checklist takes, from the Coaching Tool's data.
std::vector<std::string> checklist_ids() {
  std::vector<std::string> ids;
  for (const auto& checklist : coaching_checklists()) ids.push_back(checklist.id);
  return ids;
}

struct ReviewOptions {
  ReviewRequest request;
  bool edit = false, resume = false;
  std::string ack_review, ack_by, ack_date;
};

std::string marks_line(const Review& r) {
  std::string out = fmt::format("{} met, {} not met", r.count("met"), r.count("not-met"));
  if (std::size_t na = r.count("n/a")) out += fmt::format(", {} n/a", na);
  if (std::size_t open = r.count("unmarked")) out += fmt::format(", {} unmarked", open);
  return out;
}

void list_reviews(const CaseFolder& folder, const std::string& id) {
  LoadedRecord loaded = load_record(folder, id);
  loaded.require_valid("the reviews cannot be listed");
  std::vector<Review> reviews = client_reviews(loaded.files);
  if (reviews.empty()) fmt::print(stderr, "casekit: {} has no coaching reviews yet\n", id);
  for (const Review& r : reviews) {
    std::string ack = r.acknowledged() ? fmt::format("acknowledged {} by {}", r.ack_date, r.ack_by)
                                       : std::string("not acknowledged");
    std::string follow = r.follow_up.empty() ? "" : "  follow-up " + r.follow_up;
    fmt::print("{}\n", printable(fmt::format("{}  {:<19}  {}  by {}  {}  {}{}  {}", r.date,
                                             r.checklist, r.subject(), r.reviewer, marks_line(r),
                                             ack, follow, r.file_name)));
  }
}

// The options a review is written from; the listing takes none of them.
bool any_review_option(const CLI::App& command) {
  for (const char* option : {"--goal", "--note", "--reviewer", "--date", "--feedback",
                             "--follow-up", "--mark", "--edit"})
    if (command.count(option) > 0) return true;
  return false;
}

void require_request(ReviewRequest& r) {
  if (r.reviewer.empty())
    throw Error("say who reviews the record", "add --reviewer NAME, the supervisor's name");
  r.date = r.date.empty() ? today().str() : require_date(r.date, "date");
  if (r.date > today().str())
    throw Error(fmt::format("--date: {} is after today ({})", r.date, today().str()),
                "date the review the day the record was reviewed");
  if (!r.follow_up.empty() && require_date(r.follow_up, "follow_up") < r.date)
    throw Error(fmt::format("--follow-up: {} is before the review ({})", r.follow_up, r.date),
                "set the follow-up on or after the review's date");
}

// With --resume the kept text is the whole review: nothing is drafted.
fs::path write_review(const CaseFolder& folder, const std::string& id, ReviewOptions& o) {
  std::string form;
  if (!o.resume) {
    Review review = draft_review(folder, id, o.request);
    if (!o.edit) return add_review(folder, id, review_yaml(review), "options");
    form = review_yaml(review, true);
  }
  fs::path written;
  EditRequest request{{"review", id}, o.resume, {}, {}};
  auto text = edit_until_accepted(folder, form, request, [&](const std::string& t) {
    written = add_review(folder, id, t, "review (editor)");
  });
  return text ? written : fs::path();
}

void report_written(const CaseFolder& folder, const fs::path& path, const std::string& id) {
  if (path.empty()) {
    fmt::print(stderr, "casekit: nothing was written (the review was left unchanged)\n");
    return;
  }
  auto tree = folder.files().read(path, max_file_bytes);
  Review saved = read_review(parse_yaml(*tree, folder.display(path)), path.filename().string());
  fmt::print("Added coaching review {}\n", folder.display(path));
  fmt::print("{}: {}\n", saved.subject(), marks_line(saved));
  record_in_git(folder, {path},
                fmt::format("review: add coaching review of {} for {}", saved.subject(), id));
}

void run_review(const CLI::App& command, ReviewOptions& o, Context& context) {
  const CaseFolder& folder = context.folder();
  if (o.resume)
    return report_written(folder, write_review(folder, context.client, o), context.client);
  if (o.request.checklist.empty()) {
    if (any_review_option(command))
      throw Error("say which checklist the review uses",
                  "add --checklist initial-assessment, isp-short-term-goal or progress-note");
    return list_reviews(folder, context.client);
  }
  require_request(o.request);
  report_written(folder, write_review(folder, context.client, o), context.client);
}

void setup_ack(CLI::App& command, const std::shared_ptr<ReviewOptions>& o, Context& context) {
  CLI::App* ack = command.add_subcommand("ack", "Record that the case worker read a review");
  ack->add_option("review", o->ack_review, "The review's file name, as `casekit review` lists it")
      ->required();
  ack->add_option("--by", o->ack_by, "Who acknowledges it (default: the client's case manager)");
  ack->add_option("--date", o->ack_date, "The day it was read (default: today)");
  ack->callback([o, &command, &context] {
    if (!o->request.checklist.empty() || any_review_option(command))
      throw Error("ack takes no options of a new review", "run the acknowledgement on its own");
    std::string date = o->ack_date.empty() ? today().str() : require_date(o->ack_date, "date");
    const CaseFolder& folder = context.folder();
    fs::path path = acknowledge_review(folder, context.client, o->ack_review, o->ack_by, date);
    fmt::print("Acknowledged coaching review {}\n", folder.display(path));
    record_in_git(
        folder, {path},
        fmt::format("review: acknowledge {} for {}", path.filename().string(), context.client));
  });
}

}  // namespace

void setup_review(CLI::App& command, Context& context) {
  auto o = std::make_shared<ReviewOptions>();
  ReviewRequest& r = o->request;
  command
      .add_option("--checklist", r.checklist,
                  "initial-assessment, isp-short-term-goal or "
                  "progress-note (none: list the reviews)")
      ->check(one_of(checklist_ids()));
  command.add_option("--goal", r.goal, "The short-term goal reviewed, like G1");
  command.add_option("--note", r.note, "The progress note reviewed: its file name");
  command.add_option("--reviewer", r.reviewer, "Who reviews: the supervisor's name");
  command.add_option("--date", r.date, "The day of the review (default: today)");
  command.add_option("--feedback", r.feedback, "The feedback for the case manager");
  command.add_option("--follow-up", r.follow_up, "When to look at it again (YYYY-MM-DD)");
  command.add_option("--mark", r.marks, "Your mark of an item, as ITEM=MARK (repeatable)")
      ->allow_extra_args(false);
  auto* edit = command.add_flag("--edit", o->edit, "Fill in the review in $VISUAL or $EDITOR");
  auto* resume =
      command.add_flag("--resume", o->resume, "With --edit: reopen the text kept from an edit");
  resume->needs(edit);
  // The kept text is the whole review: options beside it would be ignored.
  for (const char* option : {"--checklist", "--goal", "--note", "--reviewer", "--date",
                             "--feedback", "--follow-up", "--mark"})
    resume->excludes(option);
  command.require_subcommand(0, 1);
  setup_ack(command, o, context);
  command.callback([o, &command, &context] {
    if (!command.get_subcommands().empty()) return;
    run_review(command, *o, context);
  });
}

}  // namespace casekit::cli
