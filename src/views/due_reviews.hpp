// The coaching reviews in casekit due: a review the case worker has not
// acknowledged (due a week after it was written), and a follow-up date
// the reviewer set (due on that date until a later review of the same
// part of the record is written).
#pragma once

#include <vector>

#include "record/case_folder.hpp"
#include "record/review.hpp"
#include "views/due_item.hpp"
#include "views/person_filter.hpp"

namespace casekit {

// The reviews of one client as a list: every one that reads, in file order.
std::vector<Review> client_reviews(const ClientFiles& files);

// The due items of one client's reviews, up to options.today +
// within_days; with a reviewer filter, only that reviewer's reviews.
std::vector<DueItem> review_due_items(const ClientFiles& files, const DueOptions& options,
                                      PersonFilter* reviewer);

// A word for a shell: as it is when it needs no quotes, else in single
// quotes, so a printed command runs as printed whatever the name holds.
std::string shell_word(const std::string& text);

}  // namespace casekit
