// The coaching reviews in casekit due: a review the case worker has not
// acknowledged (due a week after it was written), and a follow-up date
// the reviewer set (due on that date until a later review of the same
// part of the record is written).
#pragma once

#include <string>
#include <vector>

#include "record/case_folder.hpp"
#include "record/review.hpp"
#include "views/due_item.hpp"

namespace casekit {

// The reviews of one client as a list: every one that reads, in file order.
std::vector<Review> client_reviews(const ClientFiles& files);

// One review's due items, with who wrote it (for due's --reviewer).
struct ReviewDue {
  std::string reviewer;
  std::vector<DueItem> items;
};
// The due items of each of one client's reviews, in file order, up to
// options.today + within_days.
std::vector<ReviewDue> review_due_items(const ClientFiles& files, const DueOptions& options);

// A word for a shell: as it is when it needs no quotes, else in single
// quotes, so a printed command runs as printed whatever the name holds.
std::string shell_word(const std::string& text);

}  // namespace casekit
