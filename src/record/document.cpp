// The record laid out for print (seeds 002 and 004: the plan is an
// agreement the client and the case manager both sign, so it reads as one).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "record/document.hpp"

namespace casekit {
namespace {

std::string date_or(const std::optional<Date>& d, const char* absent) {
  return d ? d->str() : absent;
}

Block heading(int level, std::string text) {
  Block b{Block::Kind::heading};
  b.level = level;
  b.text = std::move(text);
  return b;
}

Block paragraph(std::string text, std::string label = {}) {
  Block b{Block::Kind::paragraph};
  b.text = std::move(text);
  b.label = std::move(label);
  return b;
}

Block list(Strings items) {
  Block b{Block::Kind::list};
  b.items = std::move(items);
  return b;
}

void list_section(Document& doc, const char* title, const Strings& items, int level = 3) {
  if (items.empty()) return;
  doc.push_back(heading(level, title));
  doc.push_back(list(items));
}

void text_section(Document& doc, const char* title, const std::string& text) {
  if (text.empty()) return;
  doc.push_back(heading(3, title));
  doc.push_back(paragraph(text));
}

// "Language: Spanish. Interpreter: Rosa Delgado.", of what is recorded.
std::string language_line(const Assessment& a) {
  std::string out;
  if (!a.language.empty()) out += fmt::format("Language: {}.", a.language);
  if (!a.interpreter.empty())
    out += fmt::format("{}Interpreter: {}.", out.empty() ? "" : " ", a.interpreter);
  return out;
}

// Needs on their own, for a client with no plan yet: the action plan
// lists them otherwise.
void needs_section(Document& doc, const Assessment& a) {
  Strings needs;
  for (const auto& n : a.needs)
    needs.push_back(fmt::format("{} ({}{}{}): {}{}", n.id, n.domain, n.emergent ? ", emergent" : "",
                                n.in_scope == false ? ", outside the program" : "", n.description,
                                n.status == "met" ? " (met)" : ""));
  list_section(doc, "Needs", needs);
}

void eligibility_section(Document& doc, const Assessment& a) {
  Strings basic;
  for (const auto& [need, answer] : a.basic_needs)
    basic.push_back(fmt::format("{}: {}", need, answer));
  list_section(doc, "Basic needs", basic);
  if (!a.eligible && a.eligibility_basis.empty()) return;
  doc.push_back(heading(3, "Eligibility"));
  std::string verdict = !a.eligible ? "not recorded" : *a.eligible ? "yes" : "no";
  doc.push_back(paragraph(fmt::format("Eligible: {}.", verdict)));
  if (!a.eligibility_basis.empty()) doc.push_back(paragraph(a.eligibility_basis, "Basis"));
}

void screenings_section(Document& doc, const Assessment& a) {
  Strings lines;
  for (const auto& s : a.screenings)
    lines.push_back(fmt::format("{} ({}): {}", s.topic, date_or(s.date, "undated"),
                                s.declined.empty() ? s.result : "declined, " + s.declined));
  list_section(doc, "Screenings", lines);
}

void assessment_section(Document& doc, const Assessment& a, bool with_needs) {
  if (!a.present) return;
  doc.push_back(heading(2, fmt::format("Assessment ({})", date_or(a.date, "undated"))));
  if (std::string line = language_line(a); !line.empty()) doc.push_back(paragraph(line));
  // Strengths first: the desk guides ask for a strength-based record.
  list_section(doc, "Strengths", a.strengths);
  list_section(doc, "Resources and supports", a.resources);
  text_section(doc, "Background", a.background);
  list_section(doc, "Challenges", a.challenges);
  list_section(doc, "Barriers", a.barriers);
  text_section(doc, "Readiness", a.readiness);
  list_section(doc, "In the client's words", a.client_words);
  if (with_needs) needs_section(doc, a);
  eligibility_section(doc, a);
  screenings_section(doc, a);
}

// A referral's last recorded step, "; no-show 2026-10-10", when it has one.
std::string last_status(const Referral& r) {
  const ReferralStatus* last = r.last_step();
  if (!last) return "";
  return fmt::format("; {} {}", last->status, date_or(last->date, "undated"));
}

// What addresses a need: goals, services and referrals, with who and when.
Strings actions_for(const Plan& p, const std::string& need) {
  Strings out;
  auto has = [&](const Strings& ids) {
    return std::find(ids.begin(), ids.end(), need) != ids.end();
  };
  for (const auto& g : p.short_term_goals)
    if (has(g.needs))
      out.push_back(fmt::format("Goal {} by {} (who: {})", g.id, date_or(g.target_date, "no date"),
                                g.responsible.empty() ? "not recorded" : g.responsible));
  for (const auto& s : p.services)
    if (has(s.needs))
      out.push_back(fmt::format("Service {}: {}{} ({})", s.id, s.name,
                                s.provider.empty() ? "" : ", " + s.provider, s.status));
  for (const auto& r : p.referrals)
    if (has(r.needs))
      out.push_back(fmt::format("Referral {}: to {} ({}{})", r.id, r.to,
                                date_or(r.date, "not yet made"), last_status(r)));
  return out;
}

void action_plan(Document& doc, const Client& c, const Plan& p) {
  doc.push_back(heading(3, "Action plan"));
  Block table{Block::Kind::table};
  table.items = {"Need", "What we will do: who, by when"};
  for (const auto& n : c.assessment.needs) {
    Strings actions = actions_for(p, n.id);
    table.rows.push_back(
        {fmt::format("{} {}{}", n.id, n.description, n.status == "met" ? " (met)" : ""),
         actions.empty() ? "nothing yet" : fmt::format("{}", fmt::join(actions, "\n"))});
  }
  doc.push_back(table);
}

std::string number(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : "not recorded";
}

// "baseline 70, target 78 (percent)".
std::string measure_line(const Measure& m) {
  return fmt::format("baseline {}, target {}{}", number(m.baseline), number(m.target),
                     m.unit.empty() ? "" : fmt::format(" ({})", m.unit));
}

void goals_section(Document& doc, const Plan& p) {
  doc.push_back(heading(3, "Goals"));
  Strings long_term;
  for (const auto& g : p.long_term_goals)
    long_term.push_back(fmt::format("{} (long-term): {}", g.id, g.statement));
  if (!long_term.empty()) doc.push_back(list(long_term));
  for (const auto& g : p.short_term_goals) {
    doc.push_back(heading(4, fmt::format("{}: {}", g.id, g.statement)));
    doc.push_back(paragraph(fmt::format("Status: {}. Target date: {}. Responsible: {}.", g.status,
                                        date_or(g.target_date, "none"),
                                        g.responsible.empty() ? "not recorded" : g.responsible)));
    if (g.measure) doc.push_back(paragraph(measure_line(*g.measure), "Measure"));
    if (!g.methods.empty()) doc.push_back(paragraph(g.methods, "Methods"));
    if (g.milestones.empty()) continue;
    Block checklist{Block::Kind::checklist};
    for (const auto& m : g.milestones) {
      checklist.items.push_back(fmt::format("{} (due {}{}{})", m.step, date_or(m.due, "undated"),
                                            m.who.empty() ? "" : ", " + m.who,
                                            m.done ? ", done " + m.done->str() : ""));
      checklist.done.push_back(m.done.has_value());
    }
    doc.push_back(checklist);
  }
}

// `printed`: the signer's name under the line, from the record when the
// signature does not give one.
Block signature(const char* role, const Signature& s, const std::string& printed) {
  if (s.present && !s.declined.empty())
    return paragraph(fmt::format("did not sign ({})", s.declined), role);
  Block b{Block::Kind::signature};
  b.label = role;
  b.text = s.present ? s.name : "";
  b.printed = s.present && !s.name.empty() ? s.name : printed;
  b.date = s.present && s.date ? s.date->str() : "";
  return b;
}

void plan_section(Document& doc, const Client& c, const Plan& p) {
  doc.push_back(
      heading(2, fmt::format("Individual service plan (created {}, next review {})",
                             date_or(p.created, "undated"), date_or(p.next_review, "not set"))));
  // The pages to sign start on a page of their own.
  doc.back().new_page = true;
  action_plan(doc, c, p);
  goals_section(doc, p);
  text_section(doc, "Exit plan", p.exit_plan);
  doc.push_back(heading(3, "Signatures"));
  doc.push_back(paragraph("We agree to this plan."));
  doc.push_back(signature("Client", p.client_signature, c.name));
  doc.push_back(signature("Case manager", p.case_manager_signature, c.case_manager));
}

void notes_section(Document& doc, const std::vector<Note>& notes) {
  if (notes.empty()) return;
  doc.push_back(heading(2, "Progress notes"));
  // Off the plan's pages, so those print and file as the signed agreement.
  doc.back().new_page = true;
  for (const auto& n : notes) {
    doc.push_back(heading(3, fmt::format("{} {} ({})", n.date.str(), n.time, n.contact)));
    if (!n.author.empty()) doc.push_back(paragraph(n.author, "Written by"));
    for (const auto& [label, text] :
         {std::pair{"Strengths", &n.strengths}, std::pair{"Objective", &n.objective},
          std::pair{"Assessment", &n.assessment}, std::pair{"Data", &n.data}})
      if (!text->empty()) doc.push_back(paragraph(*text, label));
    // What was done since the last contact, then what comes next (001).
    list_section(doc, "Steps the client took", n.client_steps, 4);
    list_section(doc, "Steps the case manager took", n.worker_steps, 4);
    Strings next;
    for (const auto& s : n.plan)
      next.push_back(fmt::format("Next: {} (by {}{})", s.step, date_or(s.by, "no date"),
                                 s.who.empty() ? "" : ", " + s.who));
    if (!next.empty()) doc.push_back(list(next));
  }
}

// "Preferred name: Xavi. Pronouns: he/him. Language: Spanish.", of what
// is recorded: how to address the client comes first on the page.
std::string person_line(const Client& c) {
  Strings parts;
  for (const auto& [label, value] :
       {std::pair{"Preferred name", &c.preferred_name}, std::pair{"Pronouns", &c.pronouns},
        std::pair{"Language", &c.language}})
    if (!value->empty()) parts.push_back(fmt::format("{}: {}.", label, *value));
  return fmt::format("{}", fmt::join(parts, " "));
}

// "Opened 2026-01-05, closed 2026-06-30: Moved away." of an episode.
std::string episode_line(const Episode& e) {
  std::string line = "Opened " + date_or(e.opened, "unknown");
  if (!e.reopen_reason.empty()) line += fmt::format(" (reopened: {})", e.reopen_reason);
  if (e.closure.present)
    line += fmt::format(", closed {}: {}", date_or(e.closure.date, "undated"), e.closure.reason);
  return line;
}

// The record's history, once it has one: the earlier assessments (each
// whole, under its date) and every episode of care.
void history_section(Document& doc, const Client& c) {
  for (auto it = c.earlier_assessments.rbegin(); it != c.earlier_assessments.rend(); ++it) {
    std::size_t heading_at = doc.size();
    assessment_section(doc, *it, true);
    if (heading_at < doc.size())
      doc[heading_at].text = "Earlier a" + doc[heading_at].text.substr(1);
  }
  if (c.episodes.empty()) return;
  Strings lines;
  for (const auto& e : c.all_episodes()) lines.push_back(episode_line(e));
  doc.push_back(heading(2, "Episodes of care"));
  doc.push_back(list(lines));
}

}  // namespace

Document record_document(const ClientRecord& record, bool plan_only) {
  const Client& c = record.client;
  Document doc{heading(1, c.name),
               paragraph(fmt::format("Client id: {}. Case manager: {}. Opened: {}. Status: {}.",
                                     c.id, c.case_manager.empty() ? "not recorded" : c.case_manager,
                                     date_or(c.opened, "unknown"), c.status))};
  if (std::string line = person_line(c); !line.empty()) doc.push_back(paragraph(line));
  if (plan_only) {
    if (record.plan)
      plan_section(doc, c, *record.plan);
    else
      doc.push_back(paragraph("No service plan has been written yet."));
    // Alone, the plan follows the client's name on the first page.
    for (auto& block : doc) block.new_page = false;
    return doc;
  }
  assessment_section(doc, c.assessment, !record.plan);
  if (record.plan) plan_section(doc, c, *record.plan);
  notes_section(doc, record.notes);
  history_section(doc, c);
  return doc;
}

}  // namespace casekit
