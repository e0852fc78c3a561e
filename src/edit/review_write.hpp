// Writing coaching reviews (record/review.hpp): a new review in the
// client's reviews/, and the case worker's acknowledgement of one. Both
// under the client's lock, checked against the record, written whole.
#pragma once

#include <string>

#include "record/case_folder.hpp"

namespace casekit {

// Adds a review from a YAML document (options, or the editor's form):
// checked against the schema, its checklist and the record; refuses a
// review dated after today, and a follow-up before the review. The file is
// DATE-CHECKLIST[-GOAL|-NOTE].yaml, with -2, -3 ... for another that day.
// Returns its path.
fs::path add_review(const CaseFolder& folder, const std::string& id, const std::string& text,
                    const std::string& source_name);

// Records that `by` acknowledged the review named `review` (its file name,
// with or without .yaml) on `date`. Refuses an unknown review (with a
// did-you-mean), one acknowledged already, and a date before the review
// or after today. Returns the review's path.
fs::path acknowledge_review(const CaseFolder& folder, const std::string& id,
                            const std::string& review, const std::string& by,
                            const std::string& date);

}  // namespace casekit
