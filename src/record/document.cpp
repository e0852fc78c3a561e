// The record laid out for print (seeds 002 and 004: the plan is an
// agreement the client and the case manager both sign, so it reads as one).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "record/document.hpp"

namespace casekit {
namespace {

std::string date_or(const std::optional<Date>& d, const std::string& absent) {
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

void list_section(Document& doc, const std::string& title, const Strings& items, int level = 3) {
  if (items.empty()) return;
  doc.push_back(heading(level, title));
  doc.push_back(list(items));
}

void text_section(Document& doc, const std::string& title, const std::string& text) {
  if (text.empty()) return;
  doc.push_back(heading(3, title));
  doc.push_back(paragraph(text));
}

// "Language: Spanish. Interpreter: Rosa Delgado.", of what is recorded.
std::string language_line(const Assessment& a, const Labels& l) {
  std::string out;
  if (!a.language.empty()) out += fmt::format("{}: {}.", l.tr("language"), a.language);
  if (!a.interpreter.empty())
    out += fmt::format("{}{}: {}.", out.empty() ? "" : " ", l.tr("interpreter"), a.interpreter);
  return out;
}

// "N1 (housing, emergent): Needs a room (met)": the domain as written.
std::string need_line(const Need& n, const Labels& l) {
  return fmt::format("{} ({}{}{}): {}{}", n.id, n.domain, n.emergent ? ", " + l.tr("emergent") : "",
                     n.in_scope == false ? ", " + l.tr("outside_program") : "", n.description,
                     n.status == "met" ? fmt::format(" ({})", l.tr("need_met")) : "");
}

// Needs on their own, for a client with no plan yet: the action plan
// lists them otherwise.
void needs_section(Document& doc, const Assessment& a, const Labels& l) {
  Strings needs;
  for (const auto& n : a.needs) needs.push_back(need_line(n, l));
  list_section(doc, l.tr("needs"), needs);
}

void eligibility_section(Document& doc, const Assessment& a, const Labels& l) {
  Strings basic;
  for (const auto& [need, answer] : a.basic_needs)
    basic.push_back(
        fmt::format("{}: {}", l.value("basic_need", need), l.value("basic_answer", answer)));
  list_section(doc, l.tr("basic_needs"), basic);
  if (!a.eligible && a.eligibility_basis.empty()) return;
  doc.push_back(heading(3, l.tr("eligibility")));
  std::string verdict = l.tr(!a.eligible   ? "not_recorded"
                             : *a.eligible ? "answer_yes"
                                           : "answer_no");
  doc.push_back(paragraph(l.tr("eligible", {{"answer", verdict}})));
  if (!a.eligibility_basis.empty()) doc.push_back(paragraph(a.eligibility_basis, l.tr("basis")));
}

void screenings_section(Document& doc, const Assessment& a, const Labels& l) {
  Strings lines;
  for (const auto& s : a.screenings)
    lines.push_back(fmt::format(
        "{} ({}): {}", l.value("screening", s.topic), date_or(s.date, l.tr("undated")),
        s.declined.empty() ? s.result : l.tr("screening_declined", {{"reason", s.declined}})));
  list_section(doc, l.tr("screenings"), lines);
}

void assessment_section(Document& doc, const Assessment& a, bool with_needs, const Labels& l) {
  if (!a.present) return;
  doc.push_back(heading(2, l.tr("assessment", {{"date", date_or(a.date, l.tr("undated"))}})));
  if (std::string line = language_line(a, l); !line.empty()) doc.push_back(paragraph(line));
  // Strengths first: the desk guides ask for a strength-based record.
  list_section(doc, l.tr("strengths"), a.strengths);
  list_section(doc, l.tr("resources"), a.resources);
  text_section(doc, l.tr("background"), a.background);
  list_section(doc, l.tr("challenges"), a.challenges);
  list_section(doc, l.tr("barriers"), a.barriers);
  text_section(doc, l.tr("readiness"), a.readiness);
  list_section(doc, l.tr("client_words"), a.client_words);
  if (with_needs) needs_section(doc, a, l);
  eligibility_section(doc, a, l);
  screenings_section(doc, a, l);
}

// "Referral R1: to Bronx Works (2026-10-01; no-show 2026-10-10)", with its
// last recorded step when it has one.
std::string referral_action(const Referral& r, const Labels& l) {
  std::string date = date_or(r.date, l.tr("not_yet_made"));
  const ReferralStatus* last = r.last_step();
  if (!last) return l.tr("action_referral", {{"id", r.id}, {"to", r.to}, {"date", date}});
  return l.tr("action_referral_step", {{"id", r.id},
                                       {"to", r.to},
                                       {"date", date},
                                       {"status", l.value("referral_status", last->status)},
                                       {"status_date", date_or(last->date, l.tr("undated"))}});
}

// What addresses a need: goals, services and referrals, with who and when.
Strings actions_for(const Plan& p, const std::string& need, const Labels& l) {
  Strings out;
  auto has = [&](const Strings& ids) {
    return std::find(ids.begin(), ids.end(), need) != ids.end();
  };
  for (const auto& g : p.short_term_goals)
    if (has(g.needs))
      out.push_back(l.tr("action_goal",
                         {{"id", g.id},
                          {"date", date_or(g.target_date, l.tr("no_date"))},
                          {"who", g.responsible.empty() ? l.tr("not_recorded") : g.responsible}}));
  for (const auto& s : p.services)
    if (has(s.needs))
      out.push_back(l.tr(s.provider.empty() ? "action_service" : "action_service_provider",
                         {{"id", s.id},
                          {"name", s.name},
                          {"provider", s.provider},
                          {"status", l.value("service_status", s.status)}}));
  for (const auto& r : p.referrals)
    if (has(r.needs)) out.push_back(referral_action(r, l));
  return out;
}

void action_plan(Document& doc, const Client& c, const Plan& p, const Labels& l) {
  doc.push_back(heading(3, l.tr("action_plan")));
  Block table{Block::Kind::table};
  table.items = {l.tr("need"), l.tr("what_we_will_do")};
  for (const auto& n : c.assessment.needs) {
    Strings actions = actions_for(p, n.id, l);
    table.rows.push_back(
        {fmt::format("{} {}{}", n.id, n.description,
                     n.status == "met" ? fmt::format(" ({})", l.tr("need_met")) : ""),
         actions.empty() ? l.tr("nothing_yet") : fmt::format("{}", fmt::join(actions, "\n"))});
  }
  doc.push_back(table);
}

std::string number(const std::optional<double>& value, const Labels& l) {
  return value ? fmt::format("{}", *value) : l.tr("not_recorded");
}

// "baseline 70, target 78 (percent)".
std::string measure_line(const Measure& m, const Labels& l) {
  return l.tr(
      m.unit.empty() ? "measure_line" : "measure_line_unit",
      {{"baseline", number(m.baseline, l)}, {"target", number(m.target, l)}, {"unit", m.unit}});
}

// "Find a tutor (due 2026-10-01, Marcus, done 2026-09-30)".
std::string milestone_line(const Milestone& m, const Labels& l) {
  return l.tr(m.who.empty() ? (m.done ? "milestone_done" : "milestone")
                            : (m.done ? "milestone_who_done" : "milestone_who"),
              {{"step", m.step},
               {"due", date_or(m.due, l.tr("undated"))},
               {"who", m.who},
               {"done", m.done ? m.done->str() : ""}});
}

void short_term_goal(Document& doc, const ShortTermGoal& g, const Labels& l) {
  doc.push_back(heading(4, fmt::format("{}: {}", g.id, g.statement)));
  doc.push_back(paragraph(
      l.tr("goal_line", {{"status", l.value("goal_status", g.status)},
                         {"date", date_or(g.target_date, l.tr("none"))},
                         {"who", g.responsible.empty() ? l.tr("not_recorded") : g.responsible}})));
  if (g.measure) doc.push_back(paragraph(measure_line(*g.measure, l), l.tr("measure")));
  if (!g.methods.empty()) doc.push_back(paragraph(g.methods, l.tr("methods")));
  if (g.milestones.empty()) return;
  Block checklist{Block::Kind::checklist};
  for (const auto& m : g.milestones) {
    checklist.items.push_back(milestone_line(m, l));
    checklist.done.push_back(m.done.has_value());
  }
  doc.push_back(checklist);
}

void goals_section(Document& doc, const Plan& p, const Labels& l) {
  doc.push_back(heading(3, l.tr("goals")));
  Strings long_term;
  for (const auto& g : p.long_term_goals)
    long_term.push_back(l.tr("long_term_goal", {{"id", g.id}, {"statement", g.statement}}));
  if (!long_term.empty()) doc.push_back(list(long_term));
  for (const auto& g : p.short_term_goals) short_term_goal(doc, g, l);
}

// `printed`: the signer's name under the line, from the record when the
// signature does not give one.
Block signature(const std::string& role, const Signature& s, const std::string& printed,
                const Labels& l) {
  if (s.present && !s.declined.empty())
    return paragraph(l.tr("did_not_sign", {{"reason", s.declined}}), role);
  Block b{Block::Kind::signature};
  b.label = role;
  b.text = s.present ? s.name : "";
  b.printed = s.present && !s.name.empty() ? s.name : printed;
  b.date = s.present && s.date ? s.date->str() : "";
  return b;
}

void plan_section(Document& doc, const Client& c, const Plan& p, const Labels& l) {
  doc.push_back(
      heading(2, l.tr("plan", {{"created", date_or(p.created, l.tr("undated"))},
                               {"next_review", date_or(p.next_review, l.tr("not_set"))}})));
  // The pages to sign start on a page of their own.
  doc.back().new_page = true;
  action_plan(doc, c, p, l);
  goals_section(doc, p, l);
  text_section(doc, l.tr("exit_plan"), p.exit_plan);
  doc.push_back(heading(3, l.tr("signatures")));
  doc.back().keep_together = true;
  doc.push_back(paragraph(l.tr("agreement")));
  doc.push_back(signature(l.tr("sign_client"), p.client_signature, c.name, l));
  doc.push_back(signature(l.tr("sign_case_manager"), p.case_manager_signature, c.case_manager, l));
}

void note_section(Document& doc, const Note& n, const Labels& l) {
  doc.push_back(heading(3, l.tr("note_heading", {{"date", n.date.str()},
                                                 {"time", n.time},
                                                 {"contact", l.value("contact", n.contact)}})));
  if (!n.author.empty()) doc.push_back(paragraph(n.author, l.tr("written_by")));
  for (const auto& [label, text] :
       {std::pair{"note_strengths", &n.strengths}, std::pair{"note_objective", &n.objective},
        std::pair{"note_assessment", &n.assessment}, std::pair{"note_data", &n.data}})
    if (!text->empty()) doc.push_back(paragraph(*text, l.tr(label)));
  // What was done since the last contact, then what comes next (001).
  list_section(doc, l.tr("client_steps"), n.client_steps, 4);
  list_section(doc, l.tr("worker_steps"), n.worker_steps, 4);
  Strings next;
  for (const auto& s : n.plan)
    next.push_back(
        l.tr(s.who.empty() ? "next_step" : "next_step_who",
             {{"step", s.step}, {"date", date_or(s.by, l.tr("no_date"))}, {"who", s.who}}));
  if (!next.empty()) doc.push_back(list(next));
}

void notes_section(Document& doc, const std::vector<Note>& notes, const Labels& l) {
  if (notes.empty()) return;
  doc.push_back(heading(2, l.tr("progress_notes")));
  // Off the plan's pages, so those print and file as the signed agreement.
  doc.back().new_page = true;
  for (const auto& n : notes) note_section(doc, n, l);
}

// The documents kept with the record (casekit attach): what each is, so a
// reader knows the signed forms are in the client's file.
void documents_section(Document& doc, const std::vector<ClientDocument>& documents,
                       const Labels& l) {
  if (documents.empty()) return;
  doc.push_back(heading(2, l.tr("documents")));
  Block table{Block::Kind::table};
  table.items = {l.tr("document"), l.tr("file")};
  for (const auto& d : documents)
    table.rows.push_back({l.tr("document_line", {{"id", d.id},
                                                 {"kind", l.value("document_kind", d.kind)},
                                                 {"date", date_or(d.date, l.tr("unknown"))}}),
                          d.note.empty() ? d.file : fmt::format("{}: {}", d.file, d.note)});
  doc.push_back(table);
}

// "Preferred name: Xavi. Pronouns: he/him. Language: Spanish.", of what
// is recorded: how to address the client comes first on the page.
std::string person_line(const Client& c, const Labels& l) {
  Strings parts;
  for (const auto& [label, value] :
       {std::pair{"preferred_name", &c.preferred_name}, std::pair{"pronouns", &c.pronouns},
        std::pair{"language", &c.language}})
    if (!value->empty()) parts.push_back(fmt::format("{}: {}.", l.tr(label), *value));
  return fmt::format("{}", fmt::join(parts, " "));
}

// "Opened 2026-01-05, closed 2026-06-30: Moved away." of an episode.
std::string episode_line(const Episode& e, const Labels& l) {
  std::string opened = date_or(e.opened, l.tr("unknown"));
  std::string line =
      e.reopen_reason.empty()
          ? l.tr("episode_opened", {{"date", opened}})
          : l.tr("episode_reopened", {{"date", opened}, {"reason", e.reopen_reason}});
  if (e.closure.present)
    line += l.tr("episode_closed", {{"date", date_or(e.closure.date, l.tr("undated"))},
                                    {"reason", e.closure.reason}});
  return line;
}

// The record's history, once it has one: the earlier assessments (each
// whole, under its date) and every episode of care.
void history_section(Document& doc, const Client& c, const Labels& l) {
  for (auto it = c.earlier_assessments.rbegin(); it != c.earlier_assessments.rend(); ++it) {
    std::size_t heading_at = doc.size();
    assessment_section(doc, *it, true, l);
    if (heading_at < doc.size())
      doc[heading_at].text =
          l.tr("earlier_assessment", {{"date", date_or(it->date, l.tr("undated"))}});
  }
  if (c.episodes.empty()) return;
  Strings lines;
  for (const auto& e : c.all_episodes()) lines.push_back(episode_line(e, l));
  doc.push_back(heading(2, l.tr("episodes")));
  doc.push_back(list(lines));
}

}  // namespace

Document record_document(const ClientRecord& record, const Labels& l, bool plan_only) {
  const Client& c = record.client;
  Document doc{
      heading(1, c.name),
      paragraph(l.tr("client_line", {{"id", c.id},
                                     {"case_manager", c.case_manager.empty() ? l.tr("not_recorded")
                                                                             : c.case_manager},
                                     {"opened", date_or(c.opened, l.tr("unknown"))},
                                     {"status", l.value("client_status", c.status)}}))};
  if (std::string line = person_line(c, l); !line.empty()) doc.push_back(paragraph(line));
  if (plan_only) {
    if (record.plan)
      plan_section(doc, c, *record.plan, l);
    else
      doc.push_back(paragraph(l.tr("no_plan")));
    // Alone, the plan follows the client's name on the first page.
    for (auto& block : doc) block.new_page = false;
    return doc;
  }
  assessment_section(doc, c.assessment, !record.plan, l);
  if (record.plan) plan_section(doc, c, *record.plan, l);
  notes_section(doc, record.notes, l);
  documents_section(doc, c.documents, l);
  history_section(doc, c, l);
  return doc;
}

}  // namespace casekit
