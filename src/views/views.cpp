#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/printable.hpp"
#include "views/views.hpp"

namespace casekit {
namespace {

std::string date_or(const std::optional<Date>& date, const char* fallback) {
  return date ? date->str() : fallback;
}

// Text that may span lines, on one line: a summary has one line per item.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string join(const Strings& items, const char* separator = ", ") {
  return fmt::format("{}", fmt::join(items, separator));
}

// A reopened case's earlier episodes and a reassessed client's earlier
// assessments, each with its dates; nothing for a record without them.
void history(std::string& out, const Client& c) {
  if (!c.reopen_reason.empty())
    out += fmt::format("Reopened {}: {}\n", date_or(c.opened, "?"), one_line(c.reopen_reason));
  for (std::size_t i = 0; i < c.episodes.size(); ++i) {
    const Episode& e = c.episodes[i];
    out += fmt::format("Episode {}: opened {}, closed {}: {}\n", i + 1, date_or(e.opened, "?"),
                       date_or(e.closure.date, "?"), one_line(e.closure.reason));
  }
  if (c.earlier_assessments.empty()) return;
  Strings dates;
  for (const auto& a : c.earlier_assessments) dates.push_back(date_or(a.date, "undated"));
  out += fmt::format("Assessed {} (earlier: {})\n", date_or(c.assessment.date, "?"), join(dates));
}

void header(std::string& out, const ClientRecord& r) {
  const Client& c = r.client;
  std::string name =
      c.preferred_name.empty() ? c.name : fmt::format("{} ({})", c.name, c.preferred_name);
  out += fmt::format("{} [{}]", name, c.id);
  if (!c.pronouns.empty()) out += " · " + c.pronouns;
  out += " · " + c.status + "\n";
  out += fmt::format("Case manager: {} · opened {}",
                     c.case_manager.empty() ? "none recorded" : c.case_manager,
                     date_or(c.opened, "?"));
  if (const Note* last = r.last_contact())
    out += fmt::format(" · last contact {} ({})", last->date.str(), last->contact);
  out += "\n";
  if (c.closure.present)
    out += fmt::format("Closed {}: {}\n", date_or(c.closure.date, "?"), one_line(c.closure.reason));
  history(out, c);
}

void assessment(std::string& out, const Assessment& a) {
  if (!a.present) {
    out += "\nNo assessment recorded yet.\n";
    return;
  }
  if (!a.strengths.empty()) out += "\nStrengths\n";
  for (const auto& s : a.strengths) out += "  - " + one_line(s) + "\n";
  if (!a.resources.empty()) out += "\nResources\n";
  for (const auto& r : a.resources) out += "  - " + one_line(r) + "\n";
  if (a.needs.empty()) return;
  out += "\nNeeds\n";
  for (const auto& n : a.needs) {
    out += fmt::format("  {:<4} {:<5} {:<14} {}", n.id, n.status, one_line(n.domain),
                       one_line(n.description));
    if (n.met_on) out += fmt::format(" (met {})", n.met_on->str());
    if (n.emergent) out += " (emergent)";
    out += "\n";
  }
}

void goals(std::string& out, const Plan& p, const Date& today) {
  if (!p.long_term_goals.empty()) out += "\nLong-term goals\n";
  for (const auto& g : p.long_term_goals)
    out += fmt::format("  {:<4} {}\n", g.id, one_line(g.statement));
  if (!p.short_term_goals.empty()) out += "\nShort-term goals\n";
  for (const auto& g : p.short_term_goals) {
    std::string due = g.target_date ? "target " + g.target_date->str() : "no target date";
    if (g.target_date && g.status == "active" && *g.target_date < today) due += " (past)";
    out += fmt::format("  {:<4} {:<12} {}  {}\n", g.id, g.status, due, one_line(g.statement));
    if (!g.needs.empty() || !g.responsible.empty())
      out += fmt::format("       for {} · responsible: {}\n", g.needs.empty() ? "-" : join(g.needs),
                         g.responsible.empty() ? "-" : one_line(g.responsible));
    for (const auto& m : g.milestones) {
      out += fmt::format("       [{}] {}", m.done ? "x" : " ", one_line(m.step));
      if (m.due) out += " · due " + m.due->str();
      if (m.done) out += " · done " + m.done->str();
      out += "\n";
    }
  }
}

void services(std::string& out, const Plan& p) {
  if (!p.services.empty()) out += "\nServices\n";
  for (const auto& s : p.services) {
    out += fmt::format("  {:<4} {:<12} {}", s.id, s.status, one_line(s.name));
    if (!s.provider.empty()) out += " (" + one_line(s.provider) + ")";
    if (!s.needs.empty()) out += " · for " + join(s.needs);
    out += "\n";
  }
  if (!p.referrals.empty()) out += "\nReferrals\n";
  for (const auto& r : p.referrals) {
    out += fmt::format("  {:<4} {}", r.id, one_line(r.to));
    if (!r.needs.empty()) out += " · for " + join(r.needs);
    if (!r.shares_information)
      out += " · shares nothing";
    else if (!r.release.empty())
      out += " · release " + one_line(r.release);
    else
      out += r.consent ? " · consent " + r.consent->str() : " · no consent recorded";
    if (const ReferralStatus* last = r.last_step(); last && last->date)
      out += fmt::format(" · {} {}", last->status, last->date->str());
    if (!r.outcome.empty()) out += " · " + one_line(r.outcome);
    out += "\n";
  }
}

std::string signature(const Signature& s) {
  if (s.date) return "signed " + s.date->str();
  if (!s.declined.empty()) return "not signed: " + one_line(s.declined);
  return "not signed";
}

void plan_footer(std::string& out, const Plan& p, const Date& today) {
  out += fmt::format("\nSignatures: client {} · case manager {}\n", signature(p.client_signature),
                     signature(p.case_manager_signature));
  std::string review = date_or(p.next_review, "not set");
  if (p.next_review && *p.next_review < today) review += " (overdue)";
  out += "Next review: " + review + "\n";
}

void next_steps(std::string& out, const ClientRecord& r) {
  out += fmt::format("\nNotes: {}", r.notes.size());
  const Note* last = r.notes.empty() ? nullptr : &r.notes.back();
  if (!last) {
    out += "\n";
    return;
  }
  out += fmt::format(" (latest {} {})\n", last->date.str(), last->contact);
  if (last->plan.empty()) return;
  out += fmt::format("\nNext steps (from the {} note)\n", last->date.str());
  for (const auto& step : last->plan) {
    out += "  - " + one_line(step.step);
    if (step.by) out += " · by " + step.by->str();
    if (!step.who.empty()) out += " · " + one_line(step.who);
    out += "\n";
  }
}

}  // namespace

std::string render_show(const ClientRecord& record, const Date& today) {
  std::string out;
  header(out, record);
  assessment(out, record.client.assessment);
  if (record.plan) {
    goals(out, *record.plan, today);
    services(out, *record.plan);
    plan_footer(out, *record.plan, today);
  } else {
    out += "\nNo service plan yet.\n";
  }
  next_steps(out, record);
  // Block text keeps its lines; every other character that would steer the
  // terminal is shown as an escape.
  return printable(out, "\t\n");
}

CaseloadRow caseload_row(const ClientRecord& r) {
  CaseloadRow row{r.client.id, r.client.name, r.client.status, r.client.case_manager, "-",
                  "-",         true};
  if (const Note* last = r.last_contact()) row.last_contact = last->date.str();
  if (r.plan && r.plan->next_review) row.next_review = r.plan->next_review->str();
  return row;
}

std::string render_list(const std::vector<CaseloadRow>& rows) {
  std::vector<CaseloadRow> all = rows;
  // One line per client: a newline in a name must not make a second one.
  for (auto& r : all)
    for (std::string* field : {&r.id, &r.name, &r.status, &r.case_manager})
      *field = printable(*field);
  all.insert(all.begin(), CaseloadRow{"CLIENT", "NAME", "STATUS", "CASE MANAGER", "LAST CONTACT",
                                      "NEXT REVIEW", true});
  std::size_t widths[4] = {0, 0, 0, 0};
  for (const auto& r : all) {
    widths[0] = std::max(widths[0], r.id.size());
    widths[1] = std::max(widths[1], r.name.size());
    widths[2] = std::max(widths[2], r.status.size());
    widths[3] = std::max(widths[3], r.case_manager.size());
  }
  std::string out;
  for (const auto& r : all) {
    std::string line = fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {:<12}  {}", r.id, widths[0],
                                   r.name, widths[1], r.status, widths[2], r.case_manager,
                                   widths[3], r.last_contact, r.next_review);
    if (!r.valid) line += "  (has format errors: run casekit check)";
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace casekit
