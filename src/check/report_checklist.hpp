// The pieces of --format checklist that the sheet (report_checklist.cpp)
// and its feedback (report_checklist_feedback.cpp) share.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check/results.hpp"

namespace casekit::checklist {

// Glues two words so a line never ends between them: "(3 findings)".
constexpr char glue = '\x1f';

// Fills lines up to 80 columns after `first`, then `rest`; a word longer
// than a line (a long file name) stands on a line of its own.
std::string wrap(std::string_view text, std::string_view first, std::string_view rest);
// An item as the seed's checklist words it, without rules.yaml's detail.
std::string plain_item(std::string_view item);
// "(3 findings)", glued.
std::string findings_count(std::size_t n);

// One client's findings, by rule.
struct Record {
  const ClientReport* client = nullptr;
  std::map<std::string, std::vector<const Diagnostic*>> by_rule;
  bool unchecked = false;  // the desk-guide rules did not run
  // Checklists that had nothing to check, and why: one line says so
  // rather than a column of [-].
  std::map<std::string, std::string, std::less<>> silent;
};

// The page as it is written, and what the feedback needs from it.
struct Sheet {
  std::string text;
  std::size_t met = 0, not_met = 0;
  std::vector<std::string> strengths;  // the first met item of each block
};

// Strengths first, then at most three improvements so as not to overload,
// then a question: the coaching tips in order.
void feedback(Sheet& sheet, const Record& r);

}  // namespace casekit::checklist
