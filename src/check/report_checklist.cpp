// --format checklist: the supervisor's view, laid out like the Coaching
// Tool for Program Managers (seed 001): per client, the Initial Assessment,
// ISP Short-Term Goal and Progress Note checklists with each item met or
// not, then feedback written the way its "tips for providing
// competency-based feedback" ask. Plain text, 80 columns, no clock.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "check/report.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

constexpr std::size_t page_width = 80;

// Columns on a terminal: UTF-8 continuation bytes take none.
std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Glues two words so a line never ends between them: "(3 findings)".
constexpr char glue = '\x1f';

// Fills lines up to 80 columns; a word longer than a line (a long file
// name) stands on a line of its own rather than being broken.
std::string wrap(std::string_view text, std::string_view first, std::string_view rest) {
  std::string out(first);
  std::size_t column = columns(first), start = 0;
  bool empty = true;
  while (start < text.size()) {
    std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!empty && column + 1 + columns(word) > page_width) {
      out += "\n" + std::string(rest);
      column = columns(rest);
      empty = true;
    }
    if (!empty) out += ' ', ++column;
    out += word;
    column += columns(word);
    empty = false;
  }
  std::replace(out.begin(), out.end(), glue, ' ');
  return out + "\n";
}

// The coaching tips ask to link strengths and improvements with "and", not
// "but" or "however"; some finding messages use "but", so the feedback
// rewords them rather than break the tip.
std::string with_and(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> swaps[] = {{", but ", ", and "},
                                                                        {" but ", " and "},
                                                                        {"But ", "And "},
                                                                        {"however", "also"},
                                                                        {"However", "Also"}};
  std::string out(text);
  for (const auto& [from, to] : swaps)
    for (std::size_t at = out.find(from); at != std::string::npos;
         at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  return out;
}

// An item as the seed's checklist words it, without the parenthesised
// detail rules.yaml adds: the sheet stays short, the example ("Xavier will
// ...") names no one else's client, and `--explain` keeps the detail.
std::string plain_item(std::string_view item) {
  std::string out(item);
  for (std::size_t open = out.find(" ("); open != std::string::npos; open = out.find(" (", open)) {
    std::size_t close = out.find(')', open);
    if (close == std::string::npos) break;
    out.erase(open, close + 1 - open);
  }
  return out;
}

std::string findings_count(std::size_t n) {
  return fmt::format("({}{}finding{})", n, glue, n == 1 ? "" : "s");
}

// "G2" from "short-term goal G2 has no target date": every goal rule names
// its goal this way, and the finding carries nothing else to group by.
std::string goal_of(const Diagnostic& d) {
  for (std::size_t at = d.message.find("goal G"); at != std::string::npos;
       at = d.message.find("goal G", at + 1)) {
    std::size_t end = at + 6;
    while (end < d.message.size() && std::isdigit(static_cast<unsigned char>(d.message[end])))
      ++end;
    if (end > at + 6) return d.message.substr(at + 5, end - at - 5);
  }
  return {};
}

struct Record {
  const ClientReport* client = nullptr;
  std::map<std::string, std::vector<const Diagnostic*>> by_rule;
  bool unchecked = false;  // the desk-guide rules did not run
  // Checklists that had nothing to check, and why: one line says so
  // rather than a column of [-].
  std::map<std::string, std::string, std::less<>> silent;
};

// What a checklist none of whose rules ran says instead of its items.
std::string not_run(std::string_view checklist) {
  if (checklist == "service-plan" || checklist == "short-term-goal")
    return "Not checked: there is no service plan yet, or these rules are turned off.";
  if (checklist == "progress-note")
    return "Not checked: there are no progress notes yet, or these rules are turned off.";
  return "Not checked: these rules are turned off for this record.";
}

// rules_run says which rules had something to check: the plan rules skip
// a client without a plan, the note rules one without notes.
void note_rules_not_run(Record& r) {
  const auto& run = r.client->rules_run;
  std::set<std::string, std::less<>> ran;
  for (const auto& rule : rule_catalogue())
    if (std::find(run.begin(), run.end(), rule.id) != run.end() || r.by_rule.contains(rule.id))
      ran.insert(rule.checklist);
  for (const auto& rule : rule_catalogue())
    if (rule.checklist != "structure" && !ran.contains(rule.checklist))
      r.silent[rule.checklist] = not_run(rule.checklist);
}

// Without rules_run, a record with format errors and nothing else is one
// the desk-guide rules skipped (run_check does): its checklists are unknown.
Record read_record(const ClientReport& client) {
  Record r{&client, {}, false, {}};
  bool format_error = false, desk_finding = false;
  for (const auto& d : client.findings) {
    r.by_rule[d.rule].push_back(&d);
    const RuleInfo* rule = find_rule(d.rule);
    bool structure = !rule || rule->checklist == "structure";
    format_error = format_error || (structure && d.severity == Severity::error);
    desk_finding = desk_finding || !structure;
  }
  r.unchecked = client.rules_run.empty() && format_error && !desk_finding;
  if (!client.rules_run.empty()) note_rules_not_run(r);
  return r;
}

enum class Mark { met, not_met, not_checked };

Mark mark_of(const Record& r, const RuleInfo& rule, std::size_t findings) {
  if (findings > 0) return Mark::not_met;
  const auto& run = r.client->rules_run;
  if (!run.empty() && std::find(run.begin(), run.end(), rule.id) == run.end())
    return Mark::not_checked;
  if (r.unchecked && rule.checklist != "structure") return Mark::not_checked;
  return Mark::met;
}

// The page as it is written, and what the feedback needs from it.
struct Sheet {
  std::string text;
  std::size_t met = 0, not_met = 0;
  std::vector<std::string> strengths;  // the first met item of each block
};

// One checklist block: which findings count (a goal's own, or all), the
// label a met item carries into the feedback, and how deep it sits.
struct Block {
  std::string_view checklist;
  std::function<bool(const Diagnostic&)> keep;
  std::string label;
  std::size_t indent = 2;
  bool only_not_met = false;
};

std::size_t count_kept(const Record& r, const std::string& rule, const Block& b) {
  auto found = r.by_rule.find(rule);
  if (found == r.by_rule.end()) return 0;
  return static_cast<std::size_t>(std::count_if(found->second.begin(), found->second.end(),
                                                [&](const Diagnostic* d) { return b.keep(*d); }));
}

void items(Sheet& sheet, const Record& r, const Block& b) {
  bool strength_noted = false;
  for (const auto& rule : rule_catalogue()) {
    if (rule.checklist != b.checklist) continue;
    std::size_t n = count_kept(r, rule.id, b);
    Mark mark = mark_of(r, rule, n);
    if (b.only_not_met && mark != Mark::not_met) continue;
    const char* box = mark == Mark::met ? "[x] " : mark == Mark::not_met ? "[ ] " : "[-] ";
    std::string count = n > 1 ? " " + findings_count(n) : "";
    sheet.text += wrap(plain_item(rule.item) + count, std::string(b.indent, ' ') + box,
                       std::string(b.indent + 4, ' '));
    sheet.met += mark == Mark::met ? 1 : 0;
    sheet.not_met += mark == Mark::not_met ? 1 : 0;
    if (mark == Mark::met && !strength_noted)
      sheet.strengths.push_back(b.label + plain_item(rule.item));
    strength_noted = strength_noted || mark == Mark::met;
  }
}

struct Goals {
  std::vector<std::string> ids;
  bool plan_read = false;  // the ids are the plan's, not only the findings'
};

// The plan's goals in order, so a goal that meets every item shows too;
// then any goal a finding names.
Goals goal_ids(const Record& r) {
  Goals goals;
  goals.ids = r.client->goal_ids;
  goals.plan_read = r.client->has_plan;
  for (const auto& d : r.client->findings)
    if (std::string id = goal_of(d);
        !id.empty() && std::find(goals.ids.begin(), goals.ids.end(), id) == goals.ids.end())
      goals.ids.push_back(id);
  return goals;
}

bool all(const Diagnostic&) {
  return true;
}

bool names_no_goal(const Diagnostic& d) {
  const RuleInfo* rule = find_rule(d.rule);
  return rule && rule->checklist == "short-term-goal" && goal_of(d).empty();
}

// A block per goal. Without the plan's text only the goals with findings
// are known by id; the rest are covered by one line, or, when no goal has
// a finding, by one block for all of them.
void goal_blocks(Sheet& sheet, const Record& r, const Goals& goals) {
  if (goals.ids.empty() && !goals.plan_read) {
    sheet.text += "  All goals\n";
    return items(sheet, r, {"short-term-goal", all, "Goals: ", 4});
  }
  for (const auto& id : goals.ids) {
    sheet.text += fmt::format("  Goal {}\n", id);
    items(sheet, r,
          {"short-term-goal", [&](const Diagnostic& d) { return goal_of(d) == id; },
           "Goal " + id + ": ", 4});
  }
  if (std::any_of(r.client->findings.begin(), r.client->findings.end(), names_no_goal)) {
    sheet.text += "  Findings that name no one goal\n";
    items(sheet, r, {"short-term-goal", names_no_goal, "Goals: ", 4, true});
  }
  if (!goals.plan_read)
    sheet.text +=
        wrap("Any other goal of the plan has no findings: it meets every item.", "  ", "  ");
}

void goals_block(Sheet& sheet, const Record& r) {
  sheet.text += "\nISP Short-Term Goals\n";
  if (auto silent = r.silent.find("short-term-goal"); silent != r.silent.end())
    return void(sheet.text += wrap(silent->second, "  ", "  "));
  Goals goals = goal_ids(r);
  if (goals.ids.empty() && goals.plan_read)
    return void(sheet.text += "  No short-term goals are on record to check.\n");
  goal_blocks(sheet, r, goals);
  // The seed's checklist has two items no rule can check.
  sheet.text +=
      wrap("Achievable and Realistic are for you to judge with the case manager.", "  ", "  ");
}

// The checklists in the seed's order, the plan before its goals; the
// record's format only when something is wrong with it.
void checklists(Sheet& sheet, const Record& r) {
  auto block = [&](std::string title, std::string_view checklist) {
    sheet.text += "\n" + title + "\n";
    if (auto silent = r.silent.find(checklist); silent != r.silent.end())
      sheet.text += wrap(silent->second, "  ", "  ");
    else
      items(sheet, r, {checklist, all, plain_item(title) + ": "});
  };
  block("Initial Assessment", "initial-assessment");
  block("Individual Service Plan", "service-plan");
  goals_block(sheet, r);
  block("Progress Notes", "progress-note");
  block("Case Coordination", "case");
  block("Writing (every file of the record)", "writing");
  bool format_findings = std::any_of(r.by_rule.begin(), r.by_rule.end(), [](const auto& entry) {
    const RuleInfo* rule = find_rule(entry.first);
    return rule && rule->checklist == "structure";
  });
  if (!format_findings) return;
  sheet.text += "\nRecord format\n";
  items(sheet, r, {"structure", all, "Record format: ", 2, true});
}

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
      with_and(rule ? plain_item(rule->item) : i.rule) + (n > 1 ? " " + findings_count(n) : "");
  const Diagnostic& d = *i.findings->front();
  std::string example =
      with_and(d.hint.empty() ? d.message : fmt::format("{} ({})", d.message, d.hint));
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
    out += wrap(with_and(sheet.strengths[i]), "    - ", "      ");
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

std::string client_heading(const Record& r) {
  std::string rule(page_width, '=');
  std::string out = fmt::format("\n{}\nClient: {}\n{}\n", rule, r.client->id, rule);
  if (r.unchecked)
    out += wrap(
        "The record has format errors, so the desk-guide checklists could not be checked ([-]); "
        "fix the items under Record format first.",
        "", "");
  return out;
}

// casekit.yaml and stray entries in clients/ belong to no client.
std::string folder_block(const CheckResult& result) {
  if (result.folder_findings.empty()) return {};
  std::string out = "\nCase folder\n";
  for (const auto& d : result.folder_findings) out += wrap(format_diagnostic(d), "  ", "    ");
  return out;
}

}  // namespace

std::string render_checklist(const CheckResult& result, const std::string& as_of) {
  std::string out =
      as_of.empty() ? "Case Management Coaching Tool: casekit check\n"
                    : fmt::format("Case Management Coaching Tool: casekit check as of {}\n", as_of);
  out += "[x] met   [ ] not met   [-] not checked\n";
  out += folder_block(result);
  for (const auto& client : result.clients) {
    Record r = read_record(client);
    Sheet sheet;
    sheet.text = client_heading(r);
    checklists(sheet, r);
    feedback(sheet, r);
    out += sheet.text;
  }
  return out;
}

}  // namespace casekit
