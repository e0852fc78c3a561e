#include "record/review.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "findings/finding_sink.hpp"
#include "record/case_folder.hpp"
#include "record/coaching.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {

std::string Review::subject() const {
  if (!goal.empty()) return "goal " + goal;
  if (!note.empty()) return "note " + note;
  return "the assessment";
}

bool Review::same_subject(const Review& other) const {
  return checklist == other.checklist && goal == other.goal && note == other.note;
}

std::size_t Review::count(std::string_view mark) const {
  return static_cast<std::size_t>(std::count_if(
      marks.begin(), marks.end(), [&](const ReviewMark& m) { return m.mark == mark; }));
}

Review read_review(const YamlNode& root, std::string file_name) {
  Review r;
  r.file_name = std::move(file_name);
  if (!root.is_mapping()) return r;
  r.reviewer = root.text_at("reviewer");
  r.date = root.text_at("date");
  r.checklist = root.text_at("checklist");
  r.case_manager = root.text_at("case_manager");
  r.goal = root.text_at("goal");
  r.note = root.text_at("note");
  r.feedback = root.text_at("feedback");
  r.follow_up = root.text_at("follow_up");
  if (const YamlNode* ack = root.find("acknowledged"); ack && ack->is_mapping()) {
    r.ack_by = ack->text_at("by");
    r.ack_date = ack->text_at("date");
  }
  const YamlNode* marks = root.find("marks");
  for (std::size_t i = 0; marks && marks->is_mapping() && i < marks->keys.size(); ++i)
    r.marks.push_back({marks->keys[i].value, marks->items[i].text_at("mark"),
                       marks->items[i].text_at("comment")});
  return r;
}

std::string review_file_name(const Review& review) {
  std::string subject = review.goal;
  if (!review.note.empty())
    subject = review.note.ends_with(".yaml") ? review.note.substr(0, review.note.size() - 5)
                                             : review.note;
  return fmt::format("{}-{}{}{}.yaml", review.date, review.checklist, subject.empty() ? "" : "-",
                     subject);
}

namespace {

constexpr const char* kEdit = "# casekit-edit: ";

std::string form_header(const Review& r) {
  std::string out = fmt::format(
      "{0}Coaching review of {1} ({2}). Mark each item met, not-met, n/a or unmarked;\n"
      "{0}a comment says why. Save and close to keep it; leave it unchanged to cancel.\n"
      "{0}Marks of items check can judge are filled in from its findings; the\n"
      "{0}judgement items are unmarked, for you to judge with the case manager.\n"
      "{0}Tips for providing competency-based feedback (Coaching Tool):\n",
      kEdit, r.subject(), r.checklist);
  for (const auto& tip : coaching_tips()) out += fmt::format("{}  - {}\n", kEdit, tip);
  return out;
}

std::string comment_lines(std::string_view text, int indent) {
  std::string out;
  std::string pad(static_cast<std::size_t>(indent), ' ');
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    out += pad + "# " + std::string(text.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return out;
}

std::string marks_yaml(const Review& r, bool form) {
  const CoachingChecklist* list = find_coaching_checklist(r.checklist);
  std::string out = "marks:\n";
  for (const auto& m : r.marks) {
    const CoachingItem* item = list ? list->find(m.item) : nullptr;
    if (item) out += comment_lines(item->text, 2);
    if (form && item && item->judgement)
      out += fmt::format("{}{} is for you to judge: met, not-met or n/a\n", kEdit, m.item);
    YamlNode mark = YamlNode::mapping();
    mark.set("mark", YamlNode::scalar(m.mark));
    if (!m.comment.empty()) mark.set("comment", text_node(m.comment));
    out += render_entry(m.item, mark, 2);
  }
  return out;
}

void put(std::string& out, const char* key, const std::string& value) {
  if (!value.empty()) out += render_entry(key, text_node(value), 0);
}

}  // namespace

std::string review_yaml(const Review& r, bool form) {
  std::string out = form ? form_header(r) : "";
  put(out, "reviewer", r.reviewer);
  out += render_entry("date", YamlNode::scalar(r.date), 0);
  out += render_entry("checklist", YamlNode::scalar(r.checklist), 0);
  put(out, "case_manager", r.case_manager);
  if (!r.goal.empty()) out += render_entry("goal", YamlNode::scalar(r.goal), 0);
  put(out, "note", r.note);
  out += marks_yaml(r, form);
  if (form && r.feedback.empty())
    out += fmt::format(
        "{}what was done well, then what can be improved, linked with 'and':\n"
        "feedback: |\n",
        kEdit);
  put(out, "feedback", r.feedback);
  if (!r.follow_up.empty())
    out += render_entry("follow_up", YamlNode::scalar(r.follow_up), 0);
  else if (form)
    out += fmt::format("{}follow_up: YYYY-MM-DD sets when you look at it again\n", kEdit);
  if (r.acknowledged()) {
    YamlNode ack = YamlNode::mapping();
    ack.set("by", text_node(r.ack_by));
    ack.set("date", YamlNode::scalar(r.ack_date));
    out += render_entry("acknowledged", ack, 0);
  }
  return out;
}

namespace {

Location at(const std::string& file, const YamlNode& node) {
  return {file, node.mark.line + 1, node.mark.column + 1};
}

void check_items(const YamlNode& root, const std::string& file, const CoachingChecklist& list,
                 std::vector<Diagnostic>& out) {
  const YamlNode* marks = root.find("marks");
  if (!marks || !marks->is_mapping()) return;
  for (const YamlNode& key : marks->keys) {
    if (list.find(key.value)) continue;
    std::string guess = did_you_mean(key.value, list.item_ids());
    out.push_back(
        finding("format/unknown-key", at(file, key),
                fmt::format("the {} checklist has no item '{}'", list.id, printable(key.value)),
                guess.empty() ? fmt::format("its items are: {}", fmt::join(list.item_ids(), ", "))
                              : fmt::format("did you mean '{}'?", guess)));
  }
}

// The key a checklist reviews by (goal, note), or nullptr for the assessment.
std::string_view subject_key(std::string_view checklist) {
  if (checklist == "isp-short-term-goal") return "goal";
  if (checklist == "progress-note") return "note";
  return {};
}

void check_subject_key(const YamlNode& root, const std::string& file, std::string_view key,
                       std::string_view wanted, std::vector<Diagnostic>& out) {
  const YamlNode* given = root.find_key(key);
  std::string checklist = root.text_at("checklist");
  if (given && wanted != key)
    out.push_back(finding("format/unknown-key", at(file, *given),
                          fmt::format("a {} review names no {}", checklist, key),
                          wanted.empty()
                              ? fmt::format("remove `{}:`", key)
                              : fmt::format("remove `{}:`, and name the {} reviewed with `{}:`",
                                            key, wanted, wanted)));
  if (!given && wanted == key)
    out.push_back(finding("format/missing-key", {file, 1, 1},
                          fmt::format("a {} review names the {} it reviews", checklist, key),
                          fmt::format("add `{}:`", key)));
}

void check_reference(const YamlNode& root, const std::string& file, const char* key,
                     const std::vector<std::string>& known, std::vector<Diagnostic>& out) {
  const YamlNode* value = root.find(key);
  if (!value || !value->is_scalar() || value->value.empty()) return;
  if (std::find(known.begin(), known.end(), value->value) != known.end()) return;
  std::string guess = did_you_mean(value->value, known);
  out.push_back(
      finding("format/dangling-ref", at(file, *value),
              fmt::format("{} '{}' does not exist in this record", key, printable(value->value)),
              guess.empty() ? fmt::format("name a {} of the record", key)
                            : fmt::format("did you mean '{}'?", guess)));
}

}  // namespace

std::vector<Diagnostic> review_findings(const YamlNode& root, const std::string& file,
                                        const std::vector<std::string>& goal_ids,
                                        const std::vector<std::string>& note_names) {
  std::vector<Diagnostic> out;
  if (!root.is_mapping()) return out;
  const CoachingChecklist* list = find_coaching_checklist(root.text_at("checklist"));
  if (!list) return out;  // the schema reports the word
  check_items(root, file, *list, out);
  std::string_view wanted = subject_key(list->id);
  for (const char* key : {"goal", "note"}) check_subject_key(root, file, key, wanted, out);
  check_reference(root, file, "goal", goal_ids, out);
  check_reference(root, file, "note", note_names, out);
  return out;
}

void check_review_references(ClientFiles& files) {
  if (files.reviews.empty()) return;
  std::vector<std::string> goals, notes;
  if (files.plan && files.plan->parsed)
    if (const YamlNode* list = files.plan->tree.find("short_term_goals"))
      for (const YamlNode& goal : list->items) goals.push_back(goal.text_at("id"));
  for (const SourceFile& note : files.notes) notes.push_back(note.path.filename().string());
  for (const SourceFile& review : files.reviews)
    if (review.parsed)
      for (auto& d : review_findings(review.tree, review.display, goals, notes))
        files.diagnostics.push_back(std::move(d));
}

}  // namespace casekit
