// `casekit edit CLIENT [intake|assessment|plan]`: an existing record in
// $EDITOR with the desk guide's questions on top, checked against the
// format and the rest of the record before it is written, and kept in a
// rescue file when it is not (cli/editor.hpp), as plan --edit does.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "edit/plan_text.hpp"
#include "edit/templates.hpp"

namespace casekit::cli {
namespace {

struct EditOptions {
  std::string part = "intake";
  bool resume = false, force = false;
};

void edit_record(const EditOptions& o, Context& context) {
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
  command.callback([o, &context] { edit_record(*o, context); });
}

}  // namespace casekit::cli
