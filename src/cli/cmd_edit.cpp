// `casekit edit CLIENT [intake|assessment|plan]`: an existing record in
// $EDITOR with the desk guide's questions on top, checked against the
// format and the rest of the record before it is written, and kept in a
// rescue file when it is not (cli/editor.hpp), as plan --edit does.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "cli/field_flags.hpp"
#include "edit/client_fields.hpp"
#include "edit/plan_text.hpp"
#include "edit/templates.hpp"

namespace casekit::cli {
namespace {

struct EditOptions {
  std::string part = "intake";
  bool resume = false, force = false;
  std::map<std::string, std::string> fields;  // field -> value, for client_field_keys()
  std::vector<std::string> members, relationships, member_births;
  std::string follow_up, done, result;
};

// The edits the options ask for, in client_field_keys()'s order; each
// --relationship and --member-date-of-birth goes with the member given at
// its place.
ClientFieldEdits field_edits(const EditOptions& o) {
  ClientFieldEdits edits;
  for (const auto& field : client_field_keys())
    if (auto found = o.fields.find(field.first); found != o.fields.end())
      edits.fields.emplace_back(field.first, found->second);
  if (o.relationships.size() > o.members.size() || o.member_births.size() > o.members.size())
    throw Error("--relationship and --member-date-of-birth each go with an --add-household-member",
                "give the member first: --add-household-member \"NAME\" --relationship R");
  for (std::size_t i = 0; i < o.members.size(); ++i)
    edits.household.push_back({o.members[i], i < o.relationships.size() ? o.relationships[i] : "",
                               i < o.member_births.size() ? o.member_births[i] : ""});
  if (!o.follow_up.empty() || !o.done.empty() || !o.result.empty()) {
    if (o.follow_up.empty() || o.done.empty())
      throw Error("a follow-up's result needs both --follow-up DUE and --done DATE",
                  "give the due date casekit due shows and the day it was done");
    edits.follow_up = FollowUpResult{o.follow_up, o.done, o.result};
  }
  return edits;
}

void edit_fields(const EditOptions& o, const ClientFieldEdits& edits, Context& context) {
  CaseFolder folder = context.folder();
  ClientEdit edit(folder, context.client);
  edit.keep_implausible(o.force);
  apply_field_edits(edit, edits);
  std::vector<fs::path> written = edit.save();
  if (written.empty()) {
    fmt::print("Nothing changed for {}\n", context.client);
    return;
  }
  fmt::print("Saved {}\n", folder.display(written.front()));
  record_in_git(folder, written, fmt::format("edit: update the record of {}", context.client));
}

void edit_record(const EditOptions& o, Context& context) {
  ClientFieldEdits edits = field_edits(o);
  if (!edits.empty()) return edit_fields(o, edits, context);
  CaseFolder folder = context.folder();
  const std::string& id = context.client;
  bool plan_part = o.part == "plan";
  // Held while the editor is open, so no other casekit process changes
  // the file underneath.
  PlanText record = plan_part ? read_plan_text(folder, id) : read_client_text(folder, id);
  // intake and assessment are both client.yaml: one kept text for both.
  EditRequest request{
      {plan_part ? "plan" : "edit", id}, o.resume, record.display, record.source.text};
  std::string initial = edit_guide(o.part) + record.source.text;
  auto text = edit_until_accepted(folder, initial, request, [&](const std::string& t) {
    if (plan_part)
      check_plan_text(folder, id, t, o.force);
    else
      check_client_text(folder, id, t, o.force);
    write_plan_text(folder, record, t);
  });
  if (!text) {
    fmt::print(stderr, "casekit: nothing was written ({} was left unchanged)\n", record.display);
    return;
  }
  fmt::print("Saved {}\n", record.display);
  record_in_git(folder, {record.path}, fmt::format("edit: edit the {} of {}", o.part, id));
}

void add_field_options(CLI::App& command, EditOptions& o) {
  const char* helps[] = {"The client's full name",
                         "The name the client goes by",
                         "The client's pronouns",
                         "Date of birth, YYYY-MM-DD",
                         "The language the client speaks",
                         "The case manager",
                         "Phone number",
                         "Email address",
                         "Postal address"};
  std::size_t i = 0;
  for (const auto& field : client_field_keys())
    command.add_option_function<std::string>(
        option_of_field(field.first),
        [&o, name = field.first](const std::string& v) { o.fields[name] = v; }, helps[i++]);
  command.add_option("--add-household-member", o.members,
                     "Add a member of the client's household by name (repeatable)");
  command.add_option("--relationship", o.relationships,
                     "The relationship of the household member given before it to the client");
  command.add_option("--member-date-of-birth", o.member_births,
                     "The household member's date of birth, YYYY-MM-DD");
  command.add_option("--follow-up", o.follow_up,
                     "Record the follow-up after exit due on this date (with --done)");
  command.add_option("--done", o.done, "The day the follow-up was done");
  command.add_option("--result", o.result, "What the follow-up found (employed, in school, ...)");
}

}  // namespace

void setup_edit(CLI::App& command, Context& context) {
  auto o = std::make_shared<EditOptions>();
  command
      .add_option("part", o->part,
                  "What to edit: intake or assessment (client.yaml), or plan (plan.yaml); "
                  "default: intake")
      ->check(one_of({"intake", "assessment", "plan"}));
  command.add_flag("--resume", o->resume, "Reopen the text kept from an edit that was not saved");
  command.add_flag("--force", o->force,
                   "Keep a date that looks impossible (born after today, a signature after "
                   "today), with a warning");
  add_field_options(command, *o);
  command.callback([o, &context] { edit_record(*o, context); });
}

}  // namespace casekit::cli
