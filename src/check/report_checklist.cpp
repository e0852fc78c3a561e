// --format checklist: the supervisor's view, laid out like the Coaching
// Tool for Program Managers (seed 001): per client, the Initial Assessment,
// ISP Short-Term Goal and Progress Note checklists with each item met or
// not, then feedback written the way its "tips for providing
// competency-based feedback" ask. Plain text, 80 columns, no clock.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "check/report.hpp"
#include "check/report_checklist.hpp"
#include "check/rule_groups.hpp"

namespace casekit::checklist {
namespace {

constexpr std::size_t page_width = 80;

// Columns on a terminal: UTF-8 continuation bytes take none.
std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

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

namespace {

// The goal a finding of the goal checklist is about (its subject): the
// checklist has a block per goal.
const std::string& goal_of(const Diagnostic& d) {
  static const std::string none;
  const RuleInfo* rule = find_rule(d.rule);
  bool goal_rule = rule && rule->checklist == "short-term-goal";
  return goal_rule && d.subject.kind == SubjectKind::goal ? d.subject.id : none;
}

// The note a finding of the progress-note checklist is about: its subject,
// or the note file it points into. The checklist has a block per note.
std::string note_of(const Diagnostic& d) {
  const RuleInfo* rule = find_rule(d.rule);
  if (!rule || rule->checklist != "progress-note") return {};
  if (d.subject.kind == SubjectKind::note) return d.subject.id;
  std::string_view file = d.location.file;
  std::size_t at = file.rfind("/notes/");
  return at == std::string_view::npos ? std::string() : std::string(file.substr(at + 7));
}

// What a checklist none of whose rules ran says instead of its items.
std::string not_run(std::string_view checklist) {
  const RuleGroup* group = find_rule_group(checklist);
  if (!group || group->absent.empty())
    return "Not checked: these rules are turned off for this record.";
  return fmt::format("Not checked: {}, or these rules are turned off.", group->absent);
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

void goals_block(Sheet& sheet, const Record& r, std::string_view title) {
  sheet.text += fmt::format("\n{}\n", title);
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

bool names_no_note(const Diagnostic& d) {
  const RuleInfo* rule = find_rule(d.rule);
  return rule && rule->checklist == "progress-note" && note_of(d).empty();
}

// The notes in order, then any a finding names that the record does not.
std::vector<std::string> note_files(const Record& r) {
  std::vector<std::string> files = r.client->note_files;
  for (const auto& d : r.client->findings)
    if (std::string file = note_of(d);
        !file.empty() && std::find(files.begin(), files.end(), file) == files.end())
      files.push_back(file);
  return files;
}

// A block per note, as the seed's checklist reviews one note at a time; a
// note that meets every item takes one line, so a long record stays short.
void notes_block(Sheet& sheet, const Record& r, std::string_view title) {
  sheet.text += fmt::format("\n{}\n", title);
  if (auto silent = r.silent.find("progress-note"); silent != r.silent.end())
    return void(sheet.text += wrap(silent->second, "  ", "  "));
  std::vector<std::string> files = note_files(r);
  // Without the record's notes (a report built elsewhere), one block.
  if (files.empty()) return items(sheet, r, {"progress-note", all, "Notes: ", 2});
  for (const auto& file : files) {
    auto about = [file](const Diagnostic& d) { return note_of(d) == file; };
    bool clean = std::none_of(r.client->findings.begin(), r.client->findings.end(), about);
    if (clean && !r.unchecked) {
      sheet.text += wrap(fmt::format("Note {}: every item met", file), "  [x] ", "      ");
      continue;
    }
    sheet.text += fmt::format("  Note {}\n", file);
    items(sheet, r, {"progress-note", about, "Note " + file + ": ", 4});
  }
  if (std::any_of(r.client->findings.begin(), r.client->findings.end(), names_no_note)) {
    sheet.text += "  Findings that name no one note\n";
    items(sheet, r, {"progress-note", names_no_note, "Notes: ", 4, true});
  }
}

// The checklists in the seed's order, the plan before its goals; the
// record's format only when something is wrong with it.
void checklists(Sheet& sheet, const Record& r) {
  for (const RuleGroup& group : rule_groups().subspan(1)) {
    if (group.checklist == "short-term-goal") {
      goals_block(sheet, r, group.title);
      continue;
    }
    if (group.checklist == "progress-note") {
      notes_block(sheet, r, group.title);
      continue;
    }
    sheet.text += fmt::format("\n{}\n", group.title);
    if (auto silent = r.silent.find(group.checklist); silent != r.silent.end())
      sheet.text += wrap(silent->second, "  ", "  ");
    else
      items(sheet, r, {group.checklist, all, plain_item(group.title) + ": "});
  }
  const RuleGroup& structure = rule_groups().front();
  bool format_findings = std::any_of(r.by_rule.begin(), r.by_rule.end(), [&](const auto& entry) {
    const RuleInfo* rule = find_rule(entry.first);
    return rule && rule->checklist == structure.checklist;
  });
  if (!format_findings) return;
  sheet.text += fmt::format("\n{}\n", structure.title);
  items(sheet, r, {structure.checklist, all, fmt::format("{}: ", structure.title), 2, true});
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
std::string folder_block(const std::vector<Diagnostic>& findings) {
  if (findings.empty()) return {};
  std::string out = "\nCase folder\n";
  for (const auto& d : findings) out += wrap(format_diagnostic(d), "  ", "    ");
  return out;
}

std::string page_head(const std::string& as_of) {
  std::string out =
      as_of.empty() ? "Case Management Coaching Tool: casekit check\n"
                    : fmt::format("Case Management Coaching Tool: casekit check as of {}\n", as_of);
  return out + "[x] met   [ ] not met   [-] not checked\n";
}

std::string client_sheet(const ClientReport& client) {
  Record r = read_record(client);
  Sheet sheet;
  sheet.text = client_heading(r);
  checklists(sheet, r);
  feedback(sheet, r);
  return sheet.text;
}

// The page's head, then the folder's findings (an empty id), then a sheet
// for each client.
class ChecklistWriter : public ReportWriter {
 public:
  explicit ChecklistWriter(std::string as_of) : as_of_(std::move(as_of)) {}
  std::string client(const ClientReport& report) override {
    std::string out = head_written_ ? "" : page_head(as_of_);
    head_written_ = true;
    return out + (report.id.empty() ? folder_block(report.findings) : client_sheet(report));
  }
  std::string end(const ReportTotals&) override { return head_written_ ? "" : page_head(as_of_); }

 private:
  std::string as_of_;
  bool head_written_ = false;
};

}  // namespace
}  // namespace casekit::checklist

namespace casekit {

std::unique_ptr<ReportWriter> checklist_writer(const ReportOptions& options) {
  return std::make_unique<checklist::ChecklistWriter>(options.as_of);
}

}  // namespace casekit
