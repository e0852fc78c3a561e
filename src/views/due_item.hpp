// One item of casekit due, and the options of a due list: apart from
// due.hpp so that the kinds of items made in other files (the coaching
// reviews, due_reviews.hpp) need not include the whole tickler.
#pragma once

#include <string>

#include "base/date.hpp"

namespace casekit {

struct DueItem {
  std::string client;
  // note, contact, milestone, next-step, goal, review, signature, plan, consent, referral,
  // partner, coaching, coaching-follow-up (a review's), follow-up (after exit)
  std::string kind;
  std::string
      key;  // what the item is about within the client (G1.2, N1, 2026-11-20-1430-in-person.yaml)
  std::string what;     // in a case worker's words
  Date date;            // when it is or was due
  std::string command;  // what resolves it
};

struct DueOptions {
  Date today;
  int within_days = 7;       // items due up to this many days ahead
  std::string case_manager;  // empty: every case manager
  // Only the coaching reviews this supervisor wrote: their follow-ups, and
  // the ones not acknowledged yet. Empty: every item.
  std::string reviewer = {};
  // Through .casekit/cache/due (due_clients.hpp): the command line's
  // choice; off for tests and other callers, which must not write there.
  bool use_cache = false;
};

}  // namespace casekit
