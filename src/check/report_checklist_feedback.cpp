// The feedback of --format checklist, as the coaching tool's "tips for
// providing competency-based feedback" (seed 001) ask: strengths first,
// linked to what comes next with "and", at most three improvements, each
// specific with an example and its place, and a question offering support.
#include <fmt/format.h>

#include <algorithm>

#include "check/report.hpp"
#include "check/report_checklist.hpp"

namespace casekit::checklist {
namespace {

struct Improvement {
  std::string rule;
  const std::vector<const Diagnostic*>* findings;
  Severity worst;
  std::size_t order;  // place in rules.yaml, so ties read in a fixed order
};

// The tips say to prioritise and not overload: errors first, then the
// rules with the most findings.
std::vector<Improvement> priorities(const Record& r) {
  std::vector<Improvement> out;
  for (const auto& [id, list] : r.by_rule) {
    Severity worst = Severity::info;
    for (const Diagnostic* d : list) worst = std::max(worst, d->severity);
    const RuleInfo* rule = find_rule(id);
    out.push_back({id, &list, worst,
                   rule ? static_cast<std::size_t>(rule - rule_catalogue().data())
                        : rule_catalogue().size()});
  }
  std::sort(out.begin(), out.end(), [](const Improvement& a, const Improvement& b) {
    if (a.worst != b.worst) return a.worst > b.worst;
    if (a.findings->size() != b.findings->size()) return a.findings->size() > b.findings->size();
    return a.order < b.order;
  });
  return out;
}

// Specific, with an example and its place, and the fix as a solution.
std::string improvement(std::size_t number, const Improvement& i) {
  const RuleInfo* rule = find_rule(i.rule);
  std::size_t n = i.findings->size();
  std::string what =
      (rule ? plain_item(rule->item) : i.rule) + (n > 1 ? " " + findings_count(n) : "");
  const Diagnostic& d = *i.findings->front();
  std::string example = d.hint.empty() ? d.message : fmt::format("{} ({})", d.message, d.hint);
  std::string place =
      to_string(d.location).empty() ? "" : fmt::format("At{}{}: ", glue, to_string(d.location));
  return wrap(what, fmt::format("    {}. ", number), "       ") +
         wrap(place + example + ".", "       ", "       ");
}

void opening(Sheet& sheet) {
  std::string& out = sheet.text;
  out += "\nFeedback\n";
  if (sheet.met == 0) {
    out += wrap(
        "Thank you for keeping this record in casekit: each item below comes with a clear way to "
        "meet it.",
        "  ", "  ");
    return;
  }
  out +=
      wrap(fmt::format("What this record does well: {} of {} checklist items are met, among them:",
                       sheet.met, sheet.met + sheet.not_met),
           "  ", "  ");
  for (std::size_t i = 0; i < sheet.strengths.size() && i < 3; ++i)
    out += wrap(sheet.strengths[i], "    - ", "      ");
}

// Joins the strengths to what comes next with "and", as the tips ask.
std::string bridge(const Sheet& sheet, std::size_t improvements) {
  if (improvements == 0)
    return sheet.met > 0
               ? "These are real strengths, and the record meets every item casekit checks."
               : "Nothing casekit could check needs changing, and that is a good start.";
  if (sheet.met == 0) return "Here is where to start, and each step makes the record stronger:";
  if (improvements == 1)
    return "These are real strengths to build on, and one change would make the record stronger "
           "still:";
  return "These are real strengths to build on, and a few changes would make the record stronger "
         "still, the most important first:";
}

// Ends on a question that offers support, as the tips ask.
std::string closing(const Record& r, const std::vector<Improvement>& list, std::size_t cited) {
  if (list.empty())
    return wrap("Would you be willing to share this record with the team as an example?", "  ",
                "  ");
  std::string out;
  if (std::size_t rest = r.client->findings.size() - cited; rest > 0)
    out = wrap(fmt::format("`casekit check {}` lists the other {} finding{}.", r.client->id, rest,
                           rest == 1 ? "" : "s"),
               "  ", "  ");
  return out +
         wrap(fmt::format("Would it help to go through `casekit check --explain {}` together, "
                          "or to look at a record that meets this item?",
                          list.front().rule),
              "  ", "  ");
}

}  // namespace

// Strengths first, then at most three improvements so as not to overload,
// then the question: the coaching tips in order.
void feedback(Sheet& sheet, const Record& r) {
  opening(sheet);
  std::vector<Improvement> list = priorities(r);
  sheet.text += wrap(bridge(sheet, list.size()), "  ", "  ");
  std::size_t cited = 0;
  for (std::size_t i = 0; i < list.size() && i < 3; ++i) {
    sheet.text += improvement(i + 1, list[i]);
    cited += list[i].findings->size();
  }
  sheet.text += closing(r, list, cited);
}

}  // namespace casekit::checklist
