// Checks that span files: ids that must match, references that must
// resolve. Each reference names what it points to and where.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "base/ids.hpp"
#include "findings/finding_sink.hpp"
#include "record/case_folder.hpp"

namespace casekit {
namespace {

struct IdIndex {
  std::set<std::string> ids;
  std::set<std::string> consent_dates;
};

void collect_ids(const YamlNode& list, IdIndex& index) {
  for (const auto& item : list.items)
    if (const YamlNode* id = item.find("id"); id && id->is_scalar()) index.ids.insert(id->value);
}

// "G1" for a goal: what an id of that kind looks like, for hints.
std::string example_id(std::string_view what) {
  if (what == "long-term goal") return "L1";
  return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])))) + "1";
}

class ReferenceChecker {
 public:
  ReferenceChecker(const IdIndex& index, std::vector<Diagnostic>& out) : index_(index), out_(out) {}

  // `about`: the plan item or note that holds the reference.
  void check_one(const YamlNode* ref, const std::string& file, const char* what,
                 const Subject& about) {
    if (!ref || !ref->is_scalar() || index_.ids.count(ref->value)) return;
    Location where{file, ref->mark.line + 1, ref->mark.column + 1};
    // Text that is not an id may be a sentence about the client: not shown.
    if (!showable(ref->value))
      return out_.report(
          "format/dangling-ref", where, about,
          fmt::format("the {} named here does not exist in this record (the value is not shown, "
                      "as it may be private)",
                      what),
          fmt::format("name the {} by its id, like {}", what, example_id(what)));
    out_.report("format/dangling-ref", where, about,
                fmt::format("{} '{}' does not exist in this record", what, ref->value),
                fmt::format("add {} or correct the id", ref->value));
  }

  void check_list(const YamlNode& owner, const char* key, const std::string& file, const char* what,
                  const Subject& about) {
    if (const YamlNode* list = owner.find(key))
      for (const auto& ref : list->items) check_one(&ref, file, what, about);
  }

  void check_items(const YamlNode& root, const char* list_key, SubjectKind kind,
                   const std::string& file) {
    const YamlNode* list = root.find(list_key);
    if (!list) return;
    for (const auto& item : list->items) {
      const YamlNode* id = item.find("id");
      Subject about{kind, id && id->is_scalar() ? id->value : ""};
      check_list(item, "needs", file, "need", about);
      check_list(item, "goals", file, "goal", about);
      check_one(item.find("long_term"), file, "long-term goal", about);
      const YamlNode* consent = item.find("consent");
      if (consent && consent->is_scalar() && !index_.consent_dates.count(consent->value))
        out_.report(
            "format/dangling-ref", {file, consent->mark.line + 1, consent->mark.column + 1}, about,
            showable(consent->value)
                ? fmt::format("no release of information signed on {} is recorded in client.yaml",
                              consent->value)
                : "no release of information signed on the date given here is recorded in "
                  "client.yaml",
            "record the consent under `consents:` or correct the date");
    }
  }

 private:
  const IdIndex& index_;
  FindingSink out_;
};

IdIndex index_of(const ClientFiles& files) {
  IdIndex index;
  if (files.client && files.client->parsed) {
    if (const YamlNode* assessment = files.client->tree.find("assessment"))
      if (const YamlNode* needs = assessment->find("needs")) collect_ids(*needs, index);
    if (const YamlNode* documents = files.client->tree.find("documents"))
      collect_ids(*documents, index);
    if (const YamlNode* consents = files.client->tree.find("consents"))
      for (const auto& consent : consents->items)
        if (const YamlNode* signed_on = consent.find("signed"); signed_on && signed_on->is_scalar())
          index.consent_dates.insert(signed_on->value);
  }
  if (files.plan && files.plan->parsed)
    for (const char* key : {"long_term_goals", "short_term_goals", "services", "referrals"})
      if (const YamlNode* list = files.plan->tree.find(key)) collect_ids(*list, index);
  return index;
}

void check_client_id(ClientFiles& files) {
  if (!files.client || !files.client->parsed) return;
  const YamlNode* id = files.client->tree.find("id");
  if (id && id->is_scalar() && id->value != files.id)
    FindingSink(files.diagnostics)
        .report("format/type", {files.client->display, id->mark.line + 1, id->mark.column + 1},
                fmt::format("the id '{}' differs from the folder name '{}'", id->value, files.id),
                "make the id and the folder name the same");
}

// A note's file name comes from its date, time and contact, so that notes
// sort by time and two workers' notes never collide in git.
void check_note_name(const SourceFile& note, std::vector<Diagnostic>& out) {
  const YamlNode* date = note.tree.find("date");
  const YamlNode* time = note.tree.find("time");
  const YamlNode* contact = note.tree.find("contact");
  if (!date || !time || !contact || note.path.empty()) return;
  const Field* contact_field = shape_of(FileKind::note).find("contact");
  bool known_contact = std::find(contact_field->type.args.begin(), contact_field->type.args.end(),
                                 contact->value) != contact_field->type.args.end();
  if (!Date::parse(date->value) || !valid_time(time->value) || !known_contact) return;
  std::string expected = note_file_name(date->value, time->value, contact->value);
  std::string stem = expected.substr(0, expected.size() - 5);
  std::string name = note.path.filename().string();
  bool numbered =
      name.rfind(stem + "-", 0) == 0 && name.size() > stem.size() + 6 &&
      name.substr(stem.size() + 1, name.size() - stem.size() - 6).find_first_not_of("0123456789") ==
          std::string::npos;
  if (name != expected && !numbered)
    FindingSink(out).report(
        "format/note-name", {note.display, 0, 0}, {SubjectKind::note, name},
        fmt::format("the file name does not match the note's date, time and contact ({})",
                    expected),
        "rename the file with `git mv` so notes sort by time");
}

}  // namespace

void check_references(ClientFiles& files) {
  check_client_id(files);
  // Ids live in client.yaml and plan.yaml: when either could not be read,
  // a reference cannot be called dangling, and saying so for every note
  // would bury the one real problem.
  bool ids_known = (!files.client || files.client->parsed) && (!files.plan || files.plan->parsed);
  IdIndex index = index_of(files);
  std::vector<Diagnostic> unknowable;
  ReferenceChecker checker(index, ids_known ? files.diagnostics : unknowable);
  if (files.client && files.client->parsed)
    if (const YamlNode* consents = files.client->tree.find("consents"))
      for (const auto& consent : consents->items)
        checker.check_one(consent.find("document"), files.client->display, "document", {});
  if (files.plan && files.plan->parsed) {
    checker.check_items(files.plan->tree, "short_term_goals", SubjectKind::goal,
                        files.plan->display);
    checker.check_items(files.plan->tree, "services", SubjectKind::service, files.plan->display);
    checker.check_items(files.plan->tree, "referrals", SubjectKind::referral, files.plan->display);
  }
  for (const auto& note : files.notes) {
    if (!note.parsed) continue;
    Subject about{SubjectKind::note, note.path.filename().string()};
    checker.check_list(note.tree, "goals", note.display, "goal", about);
    checker.check_list(note.tree, "needs", note.display, "need", about);
    checker.check_one(note.tree.find("service"), note.display, "service", about);
    if (const YamlNode* measures = note.tree.find("measures"); measures && measures->is_mapping())
      for (const auto& goal : measures->keys) {
        if (is_item_id(goal.value, 'G')) {
          checker.check_one(&goal, note.display, "goal", about);
          continue;
        }
        FindingSink(files.diagnostics)
            .report("format/type", {note.display, goal.mark.line + 1, goal.mark.column + 1}, about,
                    showable(goal.value)
                        ? fmt::format(
                              "measures are kept for short-term goals, and '{}' is not a goal id",
                              goal.value)
                        : "measures are kept for short-term goals, and this key is not a goal id",
                    "name the goal by its id, like G1");
      }
    check_note_name(note, files.diagnostics);
  }
}

std::vector<std::string> ids_in_use(const ClientFiles& files) {
  std::vector<std::string> ids;
  // Every scalar that looks like an item id counts: references in notes
  // keep an id taken even after its item was removed by hand.
  auto walk = [&](auto&& self, const YamlNode& node) -> void {
    if (node.is_scalar() && node.value.size() >= 2 && node.value.size() <= 7)
      ids.push_back(node.value);
    for (const auto& item : node.items) self(self, item);
  };
  if (files.client && files.client->parsed) walk(walk, files.client->tree);
  if (files.plan && files.plan->parsed) walk(walk, files.plan->tree);
  for (const auto& note : files.notes)
    if (note.parsed) walk(walk, note.tree);
  return ids;
}

}  // namespace casekit
