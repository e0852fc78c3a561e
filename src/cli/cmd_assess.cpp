// `casekit assess CLIENT [--date D] [--edit | --from FILE]`: a dated
// reassessment. The editor opens on the latest assessment, dated D, with
// the desk guide's questions on top; what is saved becomes the latest, and
// the earlier one is kept (edit/reassess.hpp).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "edit/reassess.hpp"
#include "edit/templates.hpp"

namespace casekit::cli {
namespace {

struct AssessOptions {
  std::string date, from;
  bool edit = false, resume = false, force = false;
};

// Each try loads the record afresh under the client's lock, so a refused
// text leaves nothing behind for the next.
void save_assessment(const AssessOptions& o, Context& context, const std::string& text,
                     const std::string& source) {
  CaseFolder folder = context.folder();
  ClientEdit edit(folder, context.client);
  edit.keep_implausible(o.force);
  // The editor opens on the whole latest assessment: what the worker
  // deletes there goes. A --from file names only what changed.
  add_assessment(edit, text, source, o.date, o.from.empty());
  std::vector<fs::path> written = edit.save();
  record_in_git(folder, written, fmt::format("assess: reassess {}", context.client));
}

bool edit_assessment(const AssessOptions& o, Context& context) {
  const CaseFolder& folder = context.folder();
  LoadedRecord loaded = load_record(folder, context.client);
  loaded.require_valid("nothing was changed");
  std::string date = o.date.empty() ? today().str() : o.date;
  std::string initial =
      edit_guide("reassessment") + reassessment_text(loaded.files.client->tree, date);
  EditRequest request{{"assess", context.client}, o.resume, {}, {}};
  auto text = edit_until_accepted(folder, initial, request, [&](const std::string& t) {
    save_assessment(o, context, t, "assessment (editor)");
  });
  if (!text) fmt::print(stderr, "casekit: nothing was written (the text was left unchanged)\n");
  return text.has_value();
}

void assess(const AssessOptions& o, Context& context) {
  if (!o.from.empty())
    save_assessment(o, context, read_input(o.from), o.from == "-" ? "<stdin>" : o.from);
  else if (!edit_assessment(o, context))
    return;
  fmt::print("Added the assessment of {}; the earlier one is kept under earlier_assessments:\n",
             context.client);
}

}  // namespace

void setup_assess(CLI::App& command, Context& context) {
  auto o = std::make_shared<AssessOptions>();
  command.add_option("--date", o->date, "The day of the reassessment (default: today)");
  auto* from = command.add_option("--from", o->from,
                                  "Read the assessment's keys from FILE, or - for standard input");
  auto* edit = command.add_flag("--edit", o->edit,
                                "Write it in $VISUAL or $EDITOR, from the latest (the default)");
  from->excludes(edit);
  command.add_flag("--resume", o->resume, "Reopen the text kept from an edit that was not saved")
      ->excludes(from);
  command.add_flag("--force", o->force,
                   "Keep a date that looks impossible (after today), with a warning");
  command.callback([o, &context] { assess(*o, context); });
}

}  // namespace casekit::cli
