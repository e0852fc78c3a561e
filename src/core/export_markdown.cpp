// The record as a person prints it (seeds 002 and 004: the plan is an
// agreement the client and the case manager both sign, so it reads as one).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "casekit/export.hpp"

namespace casekit {
namespace {

std::string date_or(const std::optional<Date>& d, const char* absent) { return d ? d->str() : absent; }

// Table cells hold one line; a | would end the cell.
std::string cell(std::string text) {
  for (auto& c : text)
    if (c == '\n') c = ' ';
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// Lines of a text block are paragraphs in print.
std::string paragraphs(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\n\n") : std::string(1, c);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void list_section(std::string& out, const char* title, const Strings& items) {
  if (items.empty()) return;
  out += fmt::format("### {}\n\n", title);
  for (const auto& item : items) out += fmt::format("- {}\n", item);
  out += "\n";
}

void assessment_section(std::string& out, const Client& c) {
  const Assessment& a = c.assessment;
  if (!a.present) return;
  out += fmt::format("## Assessment ({})\n\n", date_or(a.date, "undated"));
  // Strengths first: the desk guides ask for a strength-based record.
  list_section(out, "Strengths", a.strengths);
  list_section(out, "Resources and supports", a.resources);
  if (!a.background.empty()) out += fmt::format("### Background\n\n{}\n\n", paragraphs(a.background));
  list_section(out, "Challenges", a.challenges);
  list_section(out, "Barriers", a.barriers);
  if (!a.readiness.empty()) out += fmt::format("### Readiness\n\n{}\n\n", paragraphs(a.readiness));
  list_section(out, "In the client's words", a.client_words);
}

// What addresses a need: goals, services and referrals, each with who and when.
Strings actions_for(const Plan& p, const std::string& need) {
  Strings out;
  auto has = [&](const Strings& ids) { return std::find(ids.begin(), ids.end(), need) != ids.end(); };
  for (const auto& g : p.short_term_goals)
    if (has(g.needs))
      out.push_back(fmt::format("Goal {} by {} (who: {})", g.id, date_or(g.target_date, "no date"),
                                g.responsible.empty() ? "not recorded" : g.responsible));
  for (const auto& s : p.services)
    if (has(s.needs))
      out.push_back(fmt::format("Service {}: {}{} ({})", s.id, s.name, s.provider.empty() ? "" : ", " + s.provider,
                                s.status));
  for (const auto& r : p.referrals)
    if (has(r.needs))
      out.push_back(fmt::format("Referral {}: to {} ({})", r.id, r.to, date_or(r.date, "not yet made")));
  return out;
}

void action_plan(std::string& out, const Client& c, const Plan& p) {
  out += "### Action plan\n\n| Need | What we will do: who, by when |\n| --- | --- |\n";
  for (const auto& n : c.assessment.needs) {
    Strings actions = actions_for(p, n.id);
    std::string need = fmt::format("{} {}{}", n.id, n.description, n.status == "met" ? " (met)" : "");
    out += fmt::format("| {} | {} |\n", cell(need),
                       actions.empty() ? "nothing yet" : cell(fmt::format("{}", fmt::join(actions, "<br>"))));
  }
  out += "\n";
}

void goals_section(std::string& out, const Plan& p) {
  for (const auto& g : p.long_term_goals) out += fmt::format("- **{}** (long-term): {}\n", g.id, g.statement);
  if (!p.long_term_goals.empty()) out += "\n";
  for (const auto& g : p.short_term_goals) {
    out += fmt::format("#### {}: {}\n\n", g.id, g.statement);
    out += fmt::format("Status: {}. Target date: {}. Responsible: {}.\n\n", g.status, date_or(g.target_date, "none"),
                       g.responsible.empty() ? "not recorded" : g.responsible);
    if (!g.methods.empty()) out += fmt::format("Methods: {}\n\n", paragraphs(g.methods));
    for (const auto& m : g.milestones)
      out += fmt::format("- [{}] {} (due {}{}{})\n", m.done ? "x" : " ", m.step, date_or(m.due, "undated"),
                         m.who.empty() ? "" : ", " + m.who, m.done ? ", done " + m.done->str() : "");
    if (!g.milestones.empty()) out += "\n";
  }
}

void signature_line(std::string& out, const char* role, const Signature& s) {
  if (s.present && !s.declined.empty()) {
    out += fmt::format("{}: did not sign ({})\n\n", role, s.declined);
    return;
  }
  std::string name = s.present && !s.name.empty() ? s.name : "______________________________";
  std::string when = s.present && s.date ? s.date->str() : "______________";
  out += fmt::format("{}: {}    Date: {}\n\n", role, name, when);
}

void plan_section(std::string& out, const Client& c, const Plan& p) {
  out += fmt::format("## Individual service plan (created {}, next review {})\n\n", date_or(p.created, "undated"),
                     date_or(p.next_review, "not set"));
  action_plan(out, c, p);
  out += "### Goals\n\n";
  goals_section(out, p);
  if (!p.exit_plan.empty()) out += fmt::format("### Exit plan\n\n{}\n\n", paragraphs(p.exit_plan));
  out += "### Signatures\n\nWe agree to this plan.\n\n";
  signature_line(out, "Client", p.client_signature);
  signature_line(out, "Case manager", p.case_manager_signature);
}

void notes_section(std::string& out, const std::vector<Note>& notes) {
  if (notes.empty()) return;
  out += "## Progress notes\n\n";
  for (const auto& n : notes) {
    out += fmt::format("### {} {} ({})\n\n", n.date.str(), n.time, n.contact);
    for (const auto& [label, text] : {std::pair{"Strengths", &n.strengths}, std::pair{"Objective", &n.objective},
                                      std::pair{"Assessment", &n.assessment}, std::pair{"Data", &n.data}})
      if (!text->empty()) out += fmt::format("**{}.** {}\n\n", label, paragraphs(*text));
    for (const auto& s : n.plan)
      out += fmt::format("- Next: {} (by {}{})\n", s.step, date_or(s.by, "no date"), s.who.empty() ? "" : ", " + s.who);
    if (!n.plan.empty()) out += "\n";
  }
}

}  // namespace

std::string export_markdown(const ClientRecord& record) {
  const Client& c = record.client;
  std::string out = fmt::format("# {}\n\n", c.name);
  out += fmt::format("Client id: {}. Case manager: {}. Opened: {}. Status: {}.\n\n", c.id,
                     c.case_manager.empty() ? "not recorded" : c.case_manager, date_or(c.opened, "unknown"), c.status);
  assessment_section(out, c);
  if (record.plan) plan_section(out, c, *record.plan);
  notes_section(out, record.notes);
  return out;
}

}  // namespace casekit
