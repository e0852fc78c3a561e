#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "base/embedded.hpp"
#include "base/error.hpp"
#include "export/export.hpp"
#include "export/formats.hpp"
#include "export/redact.hpp"
#include "export/share.hpp"
#include "schema/schema.hpp"
#include "temp_folder.hpp"

using namespace casekit;

namespace {

const Date kToday{2026, 11, 23};

ClientFiles client_sharing(const std::string& release) {
  ClientFiles files;
  files.id = "ana-lopez";
  SourceFile client;
  client.tree = parse_yaml(
      "id: ana-lopez\nname: Ana Lopez\ndate_of_birth: 2009-04-02\ncontact: {phone: 718-555-0100}\n"
      "assessment:\n  background: SECRET-BACKGROUND\n  needs:\n    - {id: N1, description: Needs a "
      "diploma.}\n"
      "consents:\n  - partner: Other Partner\n    shares: [contact]\n    signed: 2026-01-01\n" +
          release,
      "client.yaml");
  client.parsed = true;
  files.client = client;
  SourceFile plan;
  plan.tree = parse_yaml("created: 2026-09-10\n", "plan.yaml");
  plan.parsed = true;
  files.plan = plan;
  SourceFile note;
  note.tree = parse_yaml("date: 2026-11-20\nobjective: SECRET-NOTE\n", "note.yaml");
  note.parsed = true;
  files.notes.push_back(note);
  return files;
}

std::string refusal(std::vector<ClientFiles>& clients, const std::string& partner) {
  try {
    keep_shared(clients, partner, kToday);
  } catch (const Error& e) {
    return e.what();
  }
  return "no refusal";
}

}  // namespace

TEST_CASE("keep_shared keeps only what the release shares, and only that release") {
  std::vector<ClientFiles> clients{
      client_sharing("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-09-10\n")};
  CHECK(keep_shared(clients, "eastside", kToday).empty());
  const YamlNode& tree = clients[0].client->tree;
  CHECK(tree.find("date_of_birth") == nullptr);
  CHECK(tree.find("contact") == nullptr);
  CHECK(tree.find("assessment")->find("background") == nullptr);
  CHECK(tree.find("assessment")->find("needs")->items.size() == 1);
  CHECK(clients[0].plan.has_value());
  CHECK(clients[0].notes.empty());
  REQUIRE(tree.find("consents")->items.size() == 1);
  CHECK(tree.find("consents")->items[0].text_at("partner") == "Eastside");
}

TEST_CASE("keep_shared refuses releases not in force, saying why") {
  auto why = [](const std::string& release) {
    std::vector<ClientFiles> clients{client_sharing(release)};
    return refusal(clients, "Eastside");
  };
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n").find("not signed") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-12-01\n")
            .find("later date") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n    expires: "
            "2026-11-22\n")
            .find("expired on 2026-11-22") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n    revoked: "
            "2026-11-01\n")
            .find("revoked on 2026-11-01") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    signed: 2026-01-01\n").find("add `shares:`") !=
        std::string::npos);
  CHECK(why("").find("no release of information with this partner") != std::string::npos);
}

TEST_CASE("keep_shared: a revocation takes effect on its date, not before") {
  const std::string release =
      "  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n    revoked: ";
  std::vector<ClientFiles> later{client_sharing(release + "2026-11-24\n")};
  CHECK(keep_shared(later, "Eastside", kToday).empty());
  CHECK(later.size() == 1);
  std::vector<ClientFiles> today{client_sharing(release + "2026-11-23\n")};
  CHECK(refusal(today, "Eastside").find("revoked on 2026-11-23") != std::string::npos);
}

TEST_CASE("keep_changed_since: the notes of those days, the plan only if it changed") {
  // The plan was created 2026-09-10; the note is of 2026-11-20.
  auto kept = [](const char* since, const char* plan) {
    std::vector<ClientFiles> clients{client_sharing("")};
    clients[0].plan->tree = parse_yaml(plan, "plan.yaml");
    keep_changed_since(clients, *Date::parse(since), kToday);
    return fmt::format("plan {}, {} notes", clients[0].plan ? "kept" : "left out",
                       clients[0].notes.size());
  };
  const char* unchanged = "created: 2026-09-10\n";
  CHECK(kept("2026-11-20", unchanged) == "plan left out, 1 notes");
  CHECK(kept("2026-11-21", unchanged) == "plan left out, 0 notes");
  CHECK(kept("2026-09-10", unchanged) == "plan kept, 1 notes");
  // A referral's step, a milestone done, a review: each is a change.
  CHECK(kept("2026-11-21",
             "created: 2026-09-10\nreferrals:\n  - id: R1\n    to: X\n    statuses:\n"
             "      - {status: no-show, date: 2026-11-22}\n") == "plan kept, 0 notes");
  CHECK(kept("2026-11-21",
             "short_term_goals:\n  - id: G1\n    statement: S\n    milestones:\n"
             "      - {step: A, due: 2026-12-01, done: 2026-11-21}\n") == "plan kept, 0 notes");
  CHECK(kept("2026-11-21", "created: 2026-09-10\nreviewed: 2026-11-23\n") == "plan kept, 0 notes");
  // Near-misses: a date to come, a due date, a next review are no change.
  CHECK(kept("2026-11-21",
             "services:\n  - {id: S1, name: N, start: 2026-12-01}\nnext_review: 2027-01-01\n"
             "short_term_goals:\n  - id: G1\n    statement: S\n    target_date: 2026-11-22\n") ==
        "plan left out, 0 notes");
}

TEST_CASE("keep_shared leaves out clients without a release and keeps the others") {
  std::vector<ClientFiles> clients{
      client_sharing(""),
      client_sharing("  - partner: Eastside\n    shares: [notes]\n    signed: 2026-09-10\n")};
  clients[1].id = "bo-chen";
  auto withheld = keep_shared(clients, "Eastside", kToday);
  REQUIRE(withheld.size() == 1);
  CHECK(withheld[0].client == "ana-lopez");
  REQUIRE(clients.size() == 1);
  CHECK(clients[0].id == "bo-chen");
  CHECK(clients[0].notes.size() == 1);
  CHECK_FALSE(clients[0].plan.has_value());
}

TEST_CASE("keep_shared follows the latest release with the partner") {
  std::vector<ClientFiles> clients{
      client_sharing("  - partner: Eastside\n    shares: [plan, notes]\n    signed: 2026-01-01\n"
                     "  - partner: Eastside\n    shares: [plan]\n    signed: 2026-06-01\n")};
  keep_shared(clients, "Eastside", kToday);
  CHECK(clients[0].notes.empty());
  std::vector<ClientFiles> revoked{
      client_sharing("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n"
                     "  - partner: Eastside\n    shares: [plan]\n    signed: 2026-06-01\n"
                     "    revoked: 2026-07-01\n")};
  CHECK(refusal(revoked, "Eastside").find("revoked on 2026-07-01") != std::string::npos);
}

// ---------------------------------------------------------------------------
// The categories: every key a partner could be sent has exactly one, and an
// export for one category, in any format, holds nothing of the others.

namespace {

// The category a key gets: its shape's entry in `sharing:` (one word for
// the whole shape, or a word per key), else what the key above it had.
void check_categories(const YamlNode& sharing, const Strings& words, const Shape& shape,
                      const std::string& inherited) {
  const YamlNode* entry = sharing.find(shape.name);
  for (const auto& field : shape.fields) {
    const std::string where = shape.name + "." + field.name;
    CAPTURE(where);
    std::string own = !entry ? "" : entry->is_scalar() ? entry->value : entry->text_at(field.name);
    const Shape* inner = field.type.shape;
    const YamlNode* inner_entry = inner ? sharing.find(inner->name) : nullptr;
    bool split = inner_entry && inner_entry->is_mapping();
    CHECK_MESSAGE(int(!inherited.empty()) + int(!own.empty()) + int(split) == 1,
                  where << " must have exactly one sharing category");
    std::string category = own.empty() ? inherited : own;
    if (!category.empty()) CHECK(std::find(words.begin(), words.end(), category) != words.end());
    CHECK(share_category(shape.name, field.name) == (inherited.empty() ? own : ""));
    if (inner) check_categories(sharing, words, *inner, split ? "" : category);
  }
}

}  // namespace

TEST_CASE("sharing: every key of client, plan and note files has exactly one category") {
  YamlNode schema = parse_yaml(embedded_file("schema.yaml"), "schema.yaml");
  const YamlNode* sharing = schema.find("sharing");
  REQUIRE(sharing != nullptr);
  const Field* shares = find_shape("consent")->find("shares");
  Strings words = shares->type.args;
  words.push_back("always");
  for (FileKind kind : {FileKind::client, FileKind::plan, FileKind::note})
    check_categories(*sharing, words, shape_of(kind), "");
  // No entry names a shape or a key the format does not have.
  for (std::size_t i = 0; i < sharing->keys.size(); ++i) {
    const Shape* shape = find_shape(sharing->keys[i].value);
    REQUIRE_MESSAGE(shape != nullptr, sharing->keys[i].value);
    for (const auto& key : sharing->items[i].keys) CHECK_MESSAGE(shape->find(key.value), key.value);
  }
}

namespace {

// A record with a marker in every text it holds (and a few dates), named
// by the category of its key: zzCATEGORYnn.
const char* kMarkedClient = R"(id: ana-lopez
name: Ana zzalways01
preferred_name: zzcontact01
pronouns: zzcontact02
date_of_birth: 1977-07-07
language: zzcontact03
contact:
  phone: zzcontact04
  email: zzcontact05@example.org
  address: zzcontact06
case_manager: Alicia zzalways02
opened: 2026-01-02
status: active
assessment:
  date: 2026-03-03
  language: zzassessment01
  interpreter: zzassessment02
  methods: [zzassessment03]
  strengths: [zzassessment04]
  resources: [zzassessment05]
  background: zzassessment06
  challenges: [zzassessment07]
  barriers: [zzassessment08]
  needs:
    - {id: N1, domain: zzplan01, description: zzplan02, status: open, identified: 2026-04-15}
  basic_needs: {housing: need}
  eligibility: {eligible: true, basis: zzassessment09}
  readiness: zzassessment10
  client_words: [zzassessment11]
consents:
  - {partner: Other zzother01, scope: [zzother02], shares: [contact, assessment, plan, notes], signed: 2026-02-02}
  - partner: Partner Zeta
    scope: [zzalways03]
    shares: [SHARES]
    signed: 2026-02-03
closure: {reason: zzplan03, summary: zzplan04}
documents:
  - {id: D1, kind: release, date: 2026-02-04, file: zzdocuments01.pdf, sha256: "sha256:0", note: zzdocuments02}
)";

const char* kMarkedPlan = R"(created: 2026-04-14
exit_plan: zzplan05
accommodations: [zzplan06]
long_term_goals:
  - {id: L1, statement: zzplan07, client_words: zzplan08}
short_term_goals:
  - id: G1
    statement: zzplan09
    long_term: L1
    needs: [N1]
    measure: {baseline: 1, target: 5, unit: zzplan10}
    target_date: 2027-01-01
    frequency: zzplan11
    duration: zzplan12
    strengths_used: [zzplan13]
    milestones:
      - {step: zzplan14, due: 2026-12-01, who: zzplan15}
    methods: zzplan16
    responsible: zzplan17
    program_outcome: zzplan18
    status: active
services:
  - {id: S1, name: zzplan19, needs: [N1], goals: [G1], provider: zzplan20, status: active}
referrals:
  - {id: R1, to: zzplan21, needs: [N1], consent: 2026-02-03, outcome: zzplan22}
signatures:
  client: {name: zzplan23, date: 2026-04-14}
  case_manager: {name: zzplan24, declined: zzplan25}
)";

const char* kMarkedNote = R"(date: 2026-11-20
time: '14:30'
author: zznotes01
contact: in-person
location: zznotes02
goals: [G1]
strengths: zznotes03
objective: zznotes04
assessment: zznotes05
data: zznotes06
measures: {G1: 3}
plan:
  - {step: zznotes08, who: zznotes09}
client_steps: [zznotes10]
worker_steps: [zznotes11]
)";

// Every marker of the fixture, with the category of its key.
std::vector<std::pair<std::string, std::string>> markers() {
  std::vector<std::pair<std::string, std::string>> found;
  for (const char* text : {kMarkedClient, kMarkedPlan, kMarkedNote}) {
    std::string s = text;
    for (std::size_t at = s.find("zz"); at != std::string::npos; at = s.find("zz", at + 2)) {
      std::size_t end = s.find_first_of("0123456789", at);
      found.emplace_back(s.substr(at, end + 2 - at), s.substr(at + 2, end - at - 2));
    }
  }
  found.emplace_back("1977-07-07", "contact");
  found.emplace_back("2026-03-03", "assessment");
  found.emplace_back("2026-04-14", "plan");
  found.emplace_back("2026-11-20", "notes");
  found.emplace_back("2026-02-02", "other");
  return found;
}

// Everything one export of the marked record for a release sharing
// `shares` says, in one format.
std::string exported(const std::string& shares, const ExportFormat& format) {
  testing::TempFolder tmp;
  std::string client = kMarkedClient;
  client.replace(client.find("SHARES"), 6, shares);
  tmp.write("casekit.yaml", "program: Test\n");
  tmp.write("clients/ana-lopez/client.yaml", client);
  tmp.write("clients/ana-lopez/plan.yaml", kMarkedPlan);
  tmp.write("clients/ana-lopez/notes/2026-11-20-1430-in-person.yaml", kMarkedNote);
  CaseFolder folder(tmp.path(), real_file_system());
  LoadedRecords loaded =
      load_records(folder, {"ana-lopez"}, {false, "Partner Zeta", Date{2026, 12, 1}});
  std::string text;
  for (const auto& document : render_export(loaded.records, format)) text += document.text;
  return text;
}

}  // namespace

TEST_CASE("sharing: an export of one category, in every format, holds nothing of any other") {
  for (std::string category : {"", "contact", "assessment", "plan", "notes", "documents"}) {
    for (const ExportFormat& format : export_formats()) {
      CAPTURE(category);
      CAPTURE(format.name);
      std::string text = exported(category, format);
      // Not a structured binding: clang 14 (the fuzz and sanitizer
      // build) cannot use one inside doctest's message lambdas.
      for (const auto& entry : markers()) {
        const auto& marker = entry.first;
        const auto& of = entry.second;
        bool may = of == "always" || of == category;
        if (!may)
          CHECK_MESSAGE(text.find(marker) == std::string::npos,
                        marker << " (" << of << ") was exported");
        // JSON holds every key: what the category holds is sent, whole.
        if (may && format.name == "json")
          CHECK_MESSAGE(text.find(marker) != std::string::npos, marker << " is missing");
      }
      CHECK(text.find("zzalways01") != std::string::npos);
    }
  }
}

TEST_CASE("sharing: coaching reviews have no category, and --for and --redact drop them") {
  YamlNode schema = parse_yaml(embedded_file("schema.yaml"), "schema.yaml");
  const YamlNode* sharing = schema.find("sharing");
  REQUIRE(sharing != nullptr);
  for (const char* shape : {"review", "review_mark", "review_ack", "disclosures"})
    CHECK_MESSAGE(sharing->find(shape) == nullptr, shape);
  const fs::path caseload = fs::path(CASEKIT_SOURCE_DIR) / "examples" / "caseload";
  casekit::testing::TempFolder tmp;
  fs::copy(caseload, tmp.path(), fs::copy_options::recursive);
  tmp.write("clients/marcus-jones/reviews/2026-11-20-initial-assessment.yaml",
            "reviewer: Ruth Adler\ndate: 2026-11-20\nchecklist: initial-assessment\n"
            "marks: {}\nfeedback: zzreview01\n");
  CaseFolder folder(tmp.path(), real_file_system());
  std::vector<ClientFiles> shared = {folder.load_client("marcus-jones")};
  REQUIRE(shared[0].reviews.size() == 1);
  std::vector<ClientFiles> redacted = shared;
  keep_shared(shared, "Project H.O.P.E.", *Date::parse("2026-11-23"));
  REQUIRE(shared.size() == 1);
  CHECK(shared[0].reviews.empty());
  redact(redacted, folder.settings());
  CHECK(redacted[0].reviews.empty());
}
