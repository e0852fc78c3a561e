// The Coaching Tool for Program Managers (seed 001) as data: its three
// checklists, each item with its id, the seed's words and the rules of
// casekit check that judge it, and the tips for giving feedback
// (src/data/coaching.yaml, compiled in). `casekit review` fills a review
// from them; check reads a review's marks against them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

struct CoachingItem {
  std::string id;                  // what a review's marks: names it by
  std::string text;                // the seed's words
  std::vector<std::string> rules;  // check's rules that judge it; none: a judgement item
  bool judgement = false;          // left unmarked for the supervisor
};

struct CoachingChecklist {
  std::string id;     // initial-assessment, isp-short-term-goal, progress-note
  std::string title;  // as the seed heads it
  std::vector<CoachingItem> items;

  const CoachingItem* find(std::string_view item) const;
  std::vector<std::string> item_ids() const;
};

const std::vector<CoachingChecklist>& coaching_checklists();
const CoachingChecklist* find_coaching_checklist(std::string_view id);
// Seed 001's "Tips for providing competency-based feedback", in order.
const std::vector<std::string>& coaching_tips();

}  // namespace casekit
