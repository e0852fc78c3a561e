// A coaching review as `casekit review` first writes it: the part of the
// record reviewed checked to exist, check run on the client as of the
// review's date, and each item's mark filled in from its findings
// (review_marks.hpp), then the supervisor's own marks given as options.
#pragma once

#include <string>
#include <vector>

#include "record/case_folder.hpp"
#include "record/review.hpp"

namespace casekit {

struct ReviewRequest {
  std::string checklist, goal, note, reviewer, date, feedback, follow_up;
  std::vector<std::string> marks;  // ITEM=MARK, the supervisor's own
};

// Refuses (nothing written) a checklist without the goal or note it
// reviews, a goal or note the record does not have (with a did-you-mean),
// an assessment review of a record without an assessment, and an item or
// mark word the checklist does not know.
Review draft_review(const CaseFolder& folder, const std::string& id, const ReviewRequest& request);

// Sets the marks given as ITEM=MARK; refuses an unknown item or word.
void apply_marks(Review& review, const std::vector<std::string>& marks);

}  // namespace casekit
