// A supervisor's coaching review (casekit(5), REVIEWS): one part of a
// client's record (the assessment, one short-term goal, one progress note)
// reviewed with a checklist of the Coaching Tool (record/coaching.hpp), a
// mark per item, feedback, a follow-up date and the case worker's
// acknowledgement. Kept in clients/<id>/reviews/, one file per review.
// Internal supervision: never part of the record an export renders.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "findings/diagnostic.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

struct ReviewMark {
  std::string item;     // the checklist item's id
  std::string mark;     // met, not-met, n/a, unmarked
  std::string comment;  // "" when none
};

struct Review {
  std::string file_name;  // 2026-11-25-isp-short-term-goal-G1.yaml
  std::string reviewer, date, checklist, case_manager;
  std::string goal;  // the goal reviewed, for the short-term goal checklist
  std::string note;  // the note's file name, for the progress note checklist
  std::vector<ReviewMark> marks;
  std::string feedback, follow_up;
  std::string ack_by, ack_date;  // empty until acknowledged

  bool acknowledged() const { return !ack_date.empty(); }
  // "goal G1", "note 2026-11-20-1430-in-person.yaml", "the assessment".
  std::string subject() const;
  // Whether the two reviews are of the same part of the record.
  bool same_subject(const Review& other) const;
  std::size_t count(std::string_view mark) const;
};

// The review read from its file's tree; `file_name` is the file's name.
Review read_review(const YamlNode& root, std::string file_name);

// DATE-CHECKLIST[-GOAL|-NOTE].yaml, NOTE without its .yaml; the writer adds
// -2, -3 ... when a file of that name exists.
std::string review_file_name(const Review& review);

// The review as casekit writes it, each mark under a comment with the
// item's words. A form (for the editor) has the coaching tips and
// instructions on "# casekit-edit:" lines, which the editor removes.
std::string review_yaml(const Review& review, bool form = false);

// What the schema cannot say of a review file: a mark for an item its
// checklist does not have (format/unknown-key), a goal or note the record
// does not have (format/dangling-ref), the goal or note its checklist
// reviews missing, or given to a checklist that reviews neither
// (format/missing-key, format/unknown-key).
std::vector<Diagnostic> review_findings(const YamlNode& root, const std::string& file,
                                        const std::vector<std::string>& goal_ids,
                                        const std::vector<std::string>& note_names);

}  // namespace casekit
