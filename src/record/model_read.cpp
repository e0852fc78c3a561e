// Turning validated YAML trees into the record model. Validation has run
// first, so a value of the wrong type here is simply left empty.
#include "record/model_read.hpp"
#include <algorithm>

#include <charconv>
#include <cstdlib>

namespace casekit {
namespace {

const YamlNode kEmpty;

const YamlNode& at(const YamlNode& node, const char* key) {
  const YamlNode* value = node.find(key);
  return value ? *value : kEmpty;
}

std::string text(const YamlNode& node, const char* key) {
  return node.text_at(key);
}

std::optional<Date> date(const YamlNode& node, const char* key) {
  const YamlNode& value = at(node, key);
  return value.is_scalar() ? Date::parse(value.value) : std::nullopt;
}

std::optional<bool> flag(const YamlNode& node, const char* key) {
  const YamlNode& value = at(node, key);
  if (value.is_scalar() && (value.value == "true" || value.value == "false"))
    return value.value == "true";
  return std::nullopt;
}

std::optional<double> number(const YamlNode& node, const char* key) {
  const YamlNode& value = at(node, key);
  if (!value.is_scalar()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(value.value.c_str(), &end);
  if (value.value.empty() || end != value.value.c_str() + value.value.size()) return std::nullopt;
  return d;
}

Strings strings(const YamlNode& node, const char* key) {
  return node.texts_at(key);
}

template <typename T, typename Read>
std::vector<T> each(const YamlNode& node, const char* key, Read read) {
  std::vector<T> out;
  for (const auto& item : at(node, key).items)
    if (item.is_mapping()) out.push_back(read(item));
  return out;
}

std::string or_default(const std::string& value, const char* fallback) {
  return value.empty() ? fallback : value;
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  Location where(const YamlNode& node) const {
    return {file_, node.mark.line + 1, node.mark.column + 1};
  }

  Need need(const YamlNode& n) const {
    return {text(n, "id"),
            text(n, "domain"),
            text(n, "description"),
            or_default(text(n, "status"), "open"),
            date(n, "identified"),
            date(n, "met_on"),
            flag(n, "emergent").value_or(false),
            flag(n, "in_scope"),
            where(n)};
  }

  Consent consent(const YamlNode& n) const {
    return {text(n, "partner"),   strings(n, "scope"), date(n, "signed"),
            date(n, "expires"),   date(n, "revoked"),  where(n),
            strings(n, "shares"), text(n, "document")};
  }

  ClientDocument document(const YamlNode& n) const {
    ClientDocument d{text(n, "id"),     text(n, "kind"), text(n, "file"),
                     text(n, "note"),   date(n, "date"), 0,
                     text(n, "sha256"), where(n)};
    // A count too large for the type stays 0: check compares it with the file.
    std::string bytes = text(n, "bytes");
    std::from_chars(bytes.data(), bytes.data() + bytes.size(), d.bytes);
    return d;
  }

  Assessment assessment(const YamlNode& n) const {
    Assessment a;
    a.present = n.is_mapping();
    a.date = date(n, "date");
    a.language = text(n, "language");
    a.interpreter = text(n, "interpreter");
    a.background = text(n, "background");
    a.readiness = text(n, "readiness");
    a.methods = strings(n, "methods");
    a.strengths = strings(n, "strengths");
    a.resources = strings(n, "resources");
    a.challenges = strings(n, "challenges");
    a.barriers = strings(n, "barriers");
    a.client_words = strings(n, "client_words");
    a.needs = each<Need>(n, "needs", [&](const YamlNode& i) { return need(i); });
    a.screenings = each<Screening>(n, "screenings", [&](const YamlNode& i) {
      return Screening{text(i, "topic"), text(i, "result"), text(i, "declined"), date(i, "date"),
                       where(i)};
    });
    const YamlNode& basic = at(n, "basic_needs");
    for (std::size_t i = 0; i < basic.keys.size(); ++i)
      if (basic.items[i].is_scalar()) a.basic_needs[basic.keys[i].value] = basic.items[i].value;
    a.eligible = flag(at(n, "eligibility"), "eligible");
    a.eligibility_basis = text(at(n, "eligibility"), "basis");
    return a;
  }

  ShortTermGoal goal(const YamlNode& n) const {
    ShortTermGoal g;
    g.id = text(n, "id");
    g.statement = text(n, "statement");
    g.long_term = text(n, "long_term");
    g.needs = strings(n, "needs");
    if (const YamlNode* m = n.find("measure"); m && m->is_mapping())
      g.measure = Measure{number(*m, "baseline"), number(*m, "target"), text(*m, "unit")};
    g.target_date = date(n, "target_date");
    g.frequency = text(n, "frequency");
    g.duration = text(n, "duration");
    g.strengths_used = strings(n, "strengths_used");
    g.milestones = each<Milestone>(n, "milestones", [](const YamlNode& i) {
      return Milestone{text(i, "step"), text(i, "who"), date(i, "due"), date(i, "done")};
    });
    g.methods = text(n, "methods");
    g.responsible = text(n, "responsible");
    g.program_outcome = text(n, "program_outcome");
    g.status = or_default(text(n, "status"), "active");
    g.status_date = date(n, "status_date");
    g.where = where(n);
    return g;
  }

  Closure closure(const YamlNode& n) const {
    Closure c{n.is_mapping(), date(n, "date"), text(n, "reason"), text(n, "summary")};
    c.exit_plan = text(n, "exit_plan");
    c.releases = text(n, "releases");
    c.follow_ups = each<FollowUp>(n, "follow_ups", [&](const YamlNode& i) {
      return FollowUp{date(i, "due"), date(i, "done"), text(i, "result"), where(i)};
    });
    return c;
  }

  Episode episode(const YamlNode& n) const {
    return {date(n, "opened"), text(n, "reopen_reason"), closure(at(n, "closure")), where(n)};
  }

  Signature signature(const YamlNode& n) const {
    return {n.is_mapping(), text(n, "name"), text(n, "declined"), date(n, "date"),
            text(n, "digest")};
  }

 private:
  std::string file_;
};

}  // namespace

Client read_client(const YamlNode& root, const std::string& file) {
  Reader r(file);
  Client c;
  c.id = text(root, "id");
  c.name = text(root, "name");
  c.preferred_name = text(root, "preferred_name");
  c.pronouns = text(root, "pronouns");
  c.language = text(root, "language");
  c.case_manager = text(root, "case_manager");
  c.profile = text(root, "profile");
  c.status = or_default(text(root, "status"), "active");
  c.phone = text(at(root, "contact"), "phone");
  c.email = text(at(root, "contact"), "email");
  c.address = text(at(root, "contact"), "address");
  c.date_of_birth = date(root, "date_of_birth");
  c.opened = date(root, "opened");
  c.assessment = r.assessment(at(root, "assessment"));
  c.consents = each<Consent>(root, "consents", [&](const YamlNode& i) { return r.consent(i); });
  c.documents =
      each<ClientDocument>(root, "documents", [&](const YamlNode& i) { return r.document(i); });
  c.closure = r.closure(at(root, "closure"));
  c.where = r.where(root);
  c.reopen_reason = text(root, "reopen_reason");
  c.episodes = each<Episode>(root, "episodes", [&](const YamlNode& i) { return r.episode(i); });
  c.earlier_assessments = each<Assessment>(root, "earlier_assessments",
                                           [&](const YamlNode& i) { return r.assessment(i); });
  return c;
}

Plan read_plan(const YamlNode& root, const std::string& file) {
  Reader r(file);
  Plan p;
  p.created = date(root, "created");
  p.reviewed = date(root, "reviewed");
  p.next_review = date(root, "next_review");
  p.long_term_goals = each<LongTermGoal>(root, "long_term_goals", [&](const YamlNode& i) {
    return LongTermGoal{text(i, "id"), text(i, "statement"), text(i, "client_words"), r.where(i)};
  });
  p.short_term_goals =
      each<ShortTermGoal>(root, "short_term_goals", [&](const YamlNode& i) { return r.goal(i); });
  p.services = each<Service>(root, "services", [&](const YamlNode& i) {
    return Service{text(i, "id"),       text(i, "name"),
                   text(i, "provider"), or_default(text(i, "status"), "planned"),
                   strings(i, "needs"), strings(i, "goals"),
                   date(i, "start"),    date(i, "end"),
                   r.where(i)};
  });
  p.referrals = each<Referral>(root, "referrals", [&](const YamlNode& i) {
    Referral out{text(i, "id"),      text(i, "to"),   text(i, "outcome"), strings(i, "needs"),
                 date(i, "consent"), date(i, "date"), r.where(i)};
    out.shares_information =
        flag(i, "shares_information").value_or(true) && text(i, "shares") != "none";
    out.release = text(i, "release");
    out.statuses = each<ReferralStatus>(i, "statuses", [&](const YamlNode& s) {
      return ReferralStatus{text(s, "status"), text(s, "note"), date(s, "date"), r.where(s)};
    });
    return out;
  });
  p.accommodations = strings(root, "accommodations");
  p.client_signature = r.signature(at(at(root, "signatures"), "client"));
  p.case_manager_signature = r.signature(at(at(root, "signatures"), "case_manager"));
  p.exit_plan = text(root, "exit_plan");
  p.where = r.where(root);
  return p;
}

Note read_note_heading(const YamlNode& root, const std::string& file_name) {
  Note n;
  n.file_name = file_name;
  n.date = date(root, "date").value_or(Date{});
  n.time = text(root, "time");
  n.contact = text(root, "contact");
  return n;
}

Note read_note(const YamlNode& root, const std::string& file, const std::string& file_name) {
  Reader r(file);
  Note n = read_note_heading(root, file_name);
  n.written = date(root, "written");
  n.author = text(root, "author");
  n.location = text(root, "location");
  n.goals = strings(root, "goals");
  n.event = text(root, "event");
  n.service = text(root, "service");
  n.needs = strings(root, "needs");
  n.strengths = text(root, "strengths");
  n.objective = text(root, "objective");
  n.assessment = text(root, "assessment");
  n.data = text(root, "data");
  if (const YamlNode& measures = at(root, "measures"); measures.is_mapping())
    for (std::size_t i = 0; i < measures.keys.size(); ++i)
      if (auto value = number(measures, measures.keys[i].value.c_str()))
        n.measures[measures.keys[i].value] = *value;
  n.plan = each<NextStep>(root, "plan", [](const YamlNode& i) {
    return NextStep{text(i, "step"), text(i, "who"), date(i, "by")};
  });
  n.client_steps = strings(root, "client_steps");
  n.worker_steps = strings(root, "worker_steps");
  n.where = r.where(root);
  return n;
}

// The kinds of contact that reach the client: a collateral contact (with a
// teacher, a partner agency) and an attempt do not (seed 003: "Participant
// and collateral contact should be frequent" names them apart). check,
// due, list and the exports all count contacts by this one list.
const Note* ClientRecord::last_contact() const {
  constexpr std::string_view kClientContacts[] = {"in-person", "phone", "video"};
  for (auto it = notes.rbegin(); it != notes.rend(); ++it)
    if (std::find(std::begin(kClientContacts), std::end(kClientContacts), it->contact) !=
        std::end(kClientContacts))
      return &*it;
  return nullptr;
}

const Consent* ClientRecord::consent_for(const Referral& referral) const {
  if (!referral.consent) return nullptr;
  const Consent* found = nullptr;
  for (const auto& c : client.consents)
    if (c.signed_on && *c.signed_on == *referral.consent && (!found || c.partner == referral.to))
      found = &c;
  return found;
}

std::vector<Episode> Client::all_episodes() const {
  std::vector<Episode> out = episodes;
  out.push_back({opened, reopen_reason, closure, where});
  return out;
}

const ReferralStatus* Referral::last_step() const {
  const ReferralStatus* last = nullptr;
  for (const auto& step : statuses)
    if (!last || !last->date || (step.date && *step.date >= *last->date)) last = &step;
  return last;
}

std::string Referral::status() const {
  if (const ReferralStatus* last = last_step()) return last->status;
  return date ? "made" : "";
}

bool Referral::answered() const {
  if (outcome.find_first_not_of(" \t\n") != std::string::npos) return true;
  std::string now = status();
  return !now.empty() && now != "made";
}

std::optional<Date> Referral::last_change() const {
  const ReferralStatus* last = last_step();
  return last && last->date ? last->date : date;
}

std::optional<Date> Plan::review_due(int plan_review_days) const {
  if (next_review && (!reviewed || *next_review > *reviewed)) return next_review;
  std::optional<Date> last = reviewed ? reviewed : created;
  if (last) return last->add_days(plan_review_days);
  return std::nullopt;
}

}  // namespace casekit
