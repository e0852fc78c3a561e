// A coaching review's marks filled in from check's findings (casekit
// review): an item whose rules found something in the part reviewed is
// not-met, their messages its comment; an item whose rules ran and found
// nothing is met; a judgement item, or one whose rules did not run (turned
// off, or nothing to check), stays unmarked for the supervisor.
#pragma once

#include <vector>

#include "check/results.hpp"
#include "record/coaching.hpp"
#include "record/review.hpp"

namespace casekit {

// Whether a finding is about the part of the record a review reviews: the
// goal (its subject), the note (its file) or the assessment (client.yaml).
bool about_reviewed_part(const Diagnostic& finding, const Review& review);

// A mark per item of the checklist, in the checklist's order. `report`
// must have been made with CheckOptions::rule_coverage.
std::vector<ReviewMark> prefill_marks(const CoachingChecklist& checklist,
                                      const ClientReport& report, const Review& review);

}  // namespace casekit
