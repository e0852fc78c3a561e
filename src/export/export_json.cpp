// The JSON export, built with nlohmann::json (ordered, so keys appear in
// the order the schema documents them). Absent values are null and lists
// are always present, so every key of the schema is in every record.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

#include "base/json_text.hpp"
#include "export/export.hpp"
#include "export/record_stream.hpp"

namespace casekit {
namespace {

using Json = nlohmann::ordered_json;

Json text(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}
Json date(const std::optional<Date>& d) {
  return d ? Json(d->str()) : Json(nullptr);
}
Json flag(const std::optional<bool>& b) {
  return b ? Json(*b) : Json(nullptr);
}
// Whole numbers are written as integers (4, not 4.0), as they were typed.
Json number(double n) {
  bool whole = std::trunc(n) == n && std::abs(n) < 1e15;
  return whole ? Json(static_cast<std::int64_t>(n)) : Json(n);
}
Json number(const std::optional<double>& n) {
  return n ? number(*n) : Json(nullptr);
}

Json needs_json(const std::vector<Need>& needs) {
  Json out = Json::array();
  for (const auto& n : needs)
    out.push_back({{"id", n.id},
                   {"domain", text(n.domain)},
                   {"description", text(n.description)},
                   {"status", n.status},
                   {"identified", date(n.identified)},
                   {"met_on", date(n.met_on)},
                   {"emergent", n.emergent},
                   {"in_scope", flag(n.in_scope)}});
  return out;
}

Json screenings_json(const std::vector<Screening>& screenings) {
  Json out = Json::array();
  for (const auto& s : screenings)
    out.push_back({{"topic", s.topic},
                   {"date", date(s.date)},
                   {"result", text(s.result)},
                   {"declined", text(s.declined)}});
  return out;
}

Json assessment_json(const Assessment& a) {
  if (!a.present) return nullptr;
  Json basic = Json::object();
  for (const auto& [domain, status] : a.basic_needs) basic[domain] = status;
  return {{"date", date(a.date)},
          {"language", text(a.language)},
          {"interpreter", text(a.interpreter)},
          {"methods", a.methods},
          {"strengths", a.strengths},
          {"resources", a.resources},
          {"background", text(a.background)},
          {"challenges", a.challenges},
          {"barriers", a.barriers},
          {"readiness", text(a.readiness)},
          {"eligibility", {{"eligible", flag(a.eligible)}, {"basis", text(a.eligibility_basis)}}},
          {"client_words", a.client_words},
          {"basic_needs", basic},
          {"needs", needs_json(a.needs)},
          {"screenings", screenings_json(a.screenings)}};
}

Json consents_json(const std::vector<Consent>& consents) {
  Json out = Json::array();
  for (const auto& c : consents)
    out.push_back({{"partner", c.partner},
                   {"scope", c.scope},
                   {"shares", c.shares},
                   {"signed", date(c.signed_on)},
                   {"expires", date(c.expires)},
                   {"revoked", date(c.revoked)},
                   {"document", text(c.document)}});
  return out;
}

Json documents_json(const std::vector<ClientDocument>& documents) {
  Json out = Json::array();
  for (const auto& d : documents)
    out.push_back({{"id", d.id},
                   {"kind", d.kind},
                   {"date", date(d.date)},
                   {"file", d.file},
                   {"bytes", d.bytes},
                   {"sha256", d.sha256},
                   {"note", text(d.note)}});
  return out;
}

// A closure, with what close records beyond its date, reason and summary
// only when it was recorded (records closed before that keep their shape).
Json closure_json(const Closure& c) {
  if (!c.present) return nullptr;
  Json out = {{"date", date(c.date)}, {"reason", text(c.reason)}, {"summary", text(c.summary)}};
  if (!c.exit_plan.empty()) out["exit_plan"] = c.exit_plan;
  if (!c.releases.empty()) out["releases"] = c.releases;
  if (c.follow_ups.empty()) return out;
  out["follow_ups"] = Json::array();
  for (const auto& f : c.follow_ups)
    out["follow_ups"].push_back(
        {{"due", date(f.due)}, {"done", date(f.done)}, {"result", text(f.result)}});
  return out;
}

// The earlier episodes and assessments, present once there are any.
void add_history(Json& out, const Client& c) {
  if (!c.reopen_reason.empty()) out["reopen_reason"] = c.reopen_reason;
  if (!c.episodes.empty()) out["episodes"] = Json::array();
  for (const auto& e : c.episodes)
    out["episodes"].push_back({{"opened", date(e.opened)},
                               {"reopen_reason", text(e.reopen_reason)},
                               {"closure", closure_json(e.closure)}});
  if (!c.earlier_assessments.empty()) out["earlier_assessments"] = Json::array();
  for (const auto& a : c.earlier_assessments)
    out["earlier_assessments"].push_back(assessment_json(a));
}

Json client_json(const Client& c) {
  Json closure = closure_json(c.closure);
  Json out = {{"id", c.id},
              {"name", c.name},
              {"preferred_name", text(c.preferred_name)},
              {"pronouns", text(c.pronouns)},
              {"date_of_birth", date(c.date_of_birth)},
              {"language", text(c.language)},
              {"contact",
               {{"phone", text(c.phone)}, {"email", text(c.email)}, {"address", text(c.address)}}},
              {"case_manager", text(c.case_manager)},
              {"profile", text(c.profile)},
              {"status", c.status},
              {"opened", date(c.opened)},
              {"assessment", assessment_json(c.assessment)},
              {"consents", consents_json(c.consents)},
              {"documents", documents_json(c.documents)},
              {"closure", closure}};
  add_history(out, c);
  return out;
}

Json goal_json(const ShortTermGoal& g) {
  Json measure = nullptr;
  if (g.measure)
    measure = {{"baseline", number(g.measure->baseline)},
               {"target", number(g.measure->target)},
               {"unit", text(g.measure->unit)}};
  Json milestones = Json::array();
  for (const auto& m : g.milestones)
    milestones.push_back(
        {{"step", m.step}, {"due", date(m.due)}, {"who", text(m.who)}, {"done", date(m.done)}});
  return {{"id", g.id},
          {"statement", g.statement},
          {"long_term", text(g.long_term)},
          {"needs", g.needs},
          {"strengths_used", g.strengths_used},
          {"measure", measure},
          {"target_date", date(g.target_date)},
          {"frequency", text(g.frequency)},
          {"duration", text(g.duration)},
          {"methods", text(g.methods)},
          {"responsible", text(g.responsible)},
          {"program_outcome", text(g.program_outcome)},
          {"status", g.status},
          {"status_date", date(g.status_date)},
          {"milestones", milestones}};
}

Json signature_json(const Signature& s) {
  if (!s.present) return nullptr;
  return {{"name", text(s.name)}, {"date", date(s.date)}, {"declined", text(s.declined)}};
}

Json referral_json(const Referral& r) {
  Json statuses = Json::array();
  for (const auto& s : r.statuses)
    statuses.push_back({{"status", s.status}, {"date", date(s.date)}, {"note", text(s.note)}});
  return {{"id", r.id},
          {"to", r.to},
          {"needs", r.needs},
          {"consent", date(r.consent)},
          {"date", date(r.date)},
          {"outcome", text(r.outcome)},
          {"status", text(r.status())},
          {"statuses", statuses}};
}

Json plan_json(const std::optional<Plan>& plan) {
  if (!plan) return nullptr;
  const Plan& p = *plan;
  Json long_term = Json::array(), short_term = Json::array(), services = Json::array(),
       referrals = Json::array();
  for (const auto& g : p.long_term_goals)
    long_term.push_back(
        {{"id", g.id}, {"statement", g.statement}, {"client_words", text(g.client_words)}});
  for (const auto& g : p.short_term_goals) short_term.push_back(goal_json(g));
  for (const auto& s : p.services)
    services.push_back({{"id", s.id},
                        {"name", s.name},
                        {"provider", text(s.provider)},
                        {"needs", s.needs},
                        {"goals", s.goals},
                        {"start", date(s.start)},
                        {"end", date(s.end)},
                        {"status", s.status}});
  for (const auto& r : p.referrals) referrals.push_back(referral_json(r));
  return {{"created", date(p.created)},
          {"reviewed", date(p.reviewed)},
          {"next_review", date(p.next_review)},
          {"long_term_goals", long_term},
          {"short_term_goals", short_term},
          {"services", services},
          {"referrals", referrals},
          {"accommodations", p.accommodations},
          {"exit_plan", text(p.exit_plan)},
          {"signatures",
           {{"client", signature_json(p.client_signature)},
            {"case_manager", signature_json(p.case_manager_signature)}}}};
}

Json note_json(const Note& n) {
  Json next = Json::array();
  for (const auto& s : n.plan)
    next.push_back({{"step", s.step}, {"by", date(s.by)}, {"who", text(s.who)}});
  Json measures = Json::object();
  for (const auto& [goal, value] : n.measures) measures[goal] = number(value);
  return {{"file", n.file_name},
          {"date", n.date.str()},
          {"time", text(n.time)},
          {"written", date(n.written)},
          {"author", text(n.author)},
          {"contact", text(n.contact)},
          {"location", text(n.location)},
          {"event", text(n.event)},
          {"service", text(n.service)},
          {"goals", n.goals},
          {"needs", n.needs},
          {"strengths", text(n.strengths)},
          {"objective", text(n.objective)},
          {"assessment", text(n.assessment)},
          {"data", text(n.data)},
          {"measures", measures},
          {"plan", next},
          {"client_steps", n.client_steps},
          {"worker_steps", n.worker_steps}};
}

// The document with no client, cut where the clients go: its head ends
// with "[" and its tail starts with "]".
std::pair<std::string, std::string> document_around_clients() {
  Json doc = {
      {"format", "casekit-export"}, {"version", kExportJsonVersion}, {"clients", Json::array()}};
  std::string text = json_text(doc);
  std::size_t at = text.rfind("[]") + 1;
  return {text.substr(0, at), text.substr(at) + "\n"};
}

// A client's object as it stands in the "clients" list: nlohmann indents
// an element of a list two levels deep by four spaces, line by line.
std::string client_text(const ClientRecord& record) {
  Json client = client_json(record.client);
  client["plan"] = plan_json(record.plan);
  Json notes = Json::array();
  for (const auto& note : record.notes) notes.push_back(note_json(note));
  client["notes"] = std::move(notes);
  std::string text = json_text(client);
  std::string out = "    ";
  out.reserve(text.size() + text.size() / 8);
  std::string_view rest = text;
  for (std::size_t end; (end = rest.find('\n')) != std::string_view::npos;) {
    out.append(rest.substr(0, end + 1)).append("    ");
    rest.remove_prefix(end + 1);
  }
  return out.append(rest);
}

class JsonStream : public RecordStream {
 public:
  JsonStream(ExportWriter& out, std::string name) : out_(out), name_(std::move(name)) {}
  RenderedRecord render(const ClientRecord& record) const override {
    return {record.client.id, {client_text(record)}};
  }
  void write(RenderedRecord rendered) override {
    out_.write(name_, clients_++ ? ",\n" : around_.first + "\n");
    out_.write(name_, rendered.parts.at(0));
  }
  void finish() override {
    if (clients_ == 0)
      out_.write(name_, around_.first + around_.second);
    else
      out_.write(name_, "\n  " + around_.second);
    out_.close(name_);
  }

 private:
  ExportWriter& out_;
  std::string name_;
  std::pair<std::string, std::string> around_ = document_around_clients();
  std::size_t clients_ = 0;
};

// Holds what is written, for export_json's one string.
class HeldText : public ExportWriter {
 public:
  void write(const std::string&, std::string_view data) override { text.append(data); }
  void close(const std::string&) override {}
  std::string text;
};

}  // namespace

std::unique_ptr<RecordStream> json_stream(ExportWriter& out, std::string name) {
  return std::make_unique<JsonStream>(out, std::move(name));
}

std::string export_json(const std::vector<ClientRecord>& records) {
  HeldText held;
  JsonStream stream(held, "caseload.json");
  for (const auto& record : records) stream.add(record);
  stream.finish();
  return std::move(held.text);
}

}  // namespace casekit
