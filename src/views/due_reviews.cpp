#include "views/due_reviews.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "record/review.hpp"

namespace casekit {

std::vector<Review> client_reviews(const ClientFiles& files) {
  std::vector<Review> out;
  for (const SourceFile& file : files.reviews)
    if (file.parsed) out.push_back(read_review(file.tree, file.path.filename().string()));
  return out;
}

std::string shell_word(const std::string& text) {
  bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
           c == '/';
  });
  if (plain) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

namespace {

// The option that names the part reviewed, as `casekit review` takes it.
std::string subject_option(const Review& r) {
  if (!r.goal.empty()) return " --goal " + shell_word(r.goal);
  if (!r.note.empty()) return " --note " + shell_word(r.note);
  return "";
}

// A follow-up is done once a later review of the same part is written.
bool followed_up(const Review& r, const std::vector<Review>& all) {
  return std::any_of(all.begin(), all.end(), [&](const Review& other) {
    return &other != &r && other.same_subject(r) && other.date > r.date;
  });
}

void add_items(const Review& r, const std::vector<Review>& all, const std::string& id,
               const Date& horizon, std::vector<DueItem>& out) {
  auto date = Date::parse(r.date);
  if (!date) return;
  Date ack_due = date->add_days(7);
  if (!r.acknowledged() && ack_due <= horizon)
    out.push_back({id, "coaching", r.file_name,
                   fmt::format("acknowledge {}'s coaching review of {} ({})", r.reviewer,
                               r.subject(), r.date),
                   ack_due, fmt::format("casekit review {} ack {}", id, r.file_name)});
  auto follow_up = Date::parse(r.follow_up);
  if (follow_up && *follow_up <= horizon && !followed_up(r, all))
    out.push_back(
        {id, "coaching-follow-up", r.file_name,
         fmt::format("follow up {}'s coaching review of {} ({})", r.reviewer, r.subject(), r.date),
         *follow_up,
         fmt::format("casekit review {} --checklist {}{} --reviewer {}", id, r.checklist,
                     subject_option(r), shell_word(r.reviewer))});
}

}  // namespace

std::vector<ReviewDue> review_due_items(const ClientFiles& files, const DueOptions& options) {
  std::vector<Review> all = client_reviews(files);
  std::vector<ReviewDue> out;
  Date horizon = options.today.add_days(options.within_days);
  for (const Review& r : all) {
    out.push_back({r.reviewer, {}});
    add_items(r, all, files.id, horizon, out.back().items);
  }
  return out;
}

}  // namespace casekit
