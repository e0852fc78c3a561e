#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ctime>

#include "base/ids.hpp"
#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "edit/add_note.hpp"
#include "edit/plan_edits.hpp"
#include "edit/templates.hpp"
#include "schema/schema.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit::cli {
namespace {

struct NoteOptions {
  std::string date, time, contact, author, location, event, service;
  std::string strengths, objective, assessment, data, from;
  std::vector<std::string> goals, needs, next, client_steps, worker_steps, measures;
  bool edit = false, resume = false, list = false, force = false;
};

YamlNode next_step(const std::string& spec) {
  StepSpec parsed = parse_step(spec, "next");
  YamlNode step = YamlNode::mapping();
  step.set("step", text_node(parsed.step));
  if (!parsed.date.empty()) step.set("by", YamlNode::scalar(parsed.date));
  if (!parsed.who.empty()) step.set("who", text_node(parsed.who));
  return step;
}

// "G1=77": a goal's measure as it stood at this contact.
YamlNode measures_node(const std::vector<std::string>& specs) {
  YamlNode measures = YamlNode::mapping();
  measures.flow = true;
  for (const auto& spec : specs) {
    std::size_t eq = spec.find('=');
    std::string goal = spec.substr(0, eq),
                value = eq == std::string::npos ? "" : spec.substr(eq + 1);
    if (eq == std::string::npos || !is_item_id(goal, 'G') || !is_decimal(value))
      throw Error(fmt::format("--measure: '{}' is not GOAL=NUMBER", spec),
                  "for example --measure G1=77");
    if (measures.find(goal))
      throw Error(fmt::format("--measure: {} is given twice", goal), "give each goal once");
    measures.set(goal, YamlNode::scalar(value));
  }
  return measures;
}

std::string now_time() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min);
}

std::string document_from_options(const NoteOptions& o) {
  if (o.contact.empty())
    throw Error("say what kind of contact this was",
                "add --contact in-person (or phone, video, collateral, attempted)");
  if (!o.date.empty()) require_date(o.date, "date");
  if (!o.time.empty() && !valid_time(o.time))
    throw Error(fmt::format("--time: '{}' is not a time", o.time),
                "write it as HH:MM, for example 14:30");
  YamlNode doc = YamlNode::mapping();
  doc.set("date", YamlNode::scalar(o.date.empty() ? today().str() : o.date));
  doc.set("time", text_node(o.time.empty() ? now_time() : o.time));
  doc.set("written", YamlNode::scalar(today().str()));
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) doc.set(key, text_node(value));
  };
  auto put_list = [&](const char* key, const std::vector<std::string>& values, bool ids) {
    if (values.empty()) return;
    YamlNode list = YamlNode::sequence();
    list.flow = ids;
    for (const auto& v : values) list.items.push_back(ids ? YamlNode::scalar(v) : text_node(v));
    doc.set(key, list);
  };
  put("author", o.author);
  doc.set("contact", YamlNode::scalar(o.contact));
  put("location", o.location);
  put_list("goals", o.goals, true);
  if (!o.event.empty()) doc.set("event", YamlNode::scalar(o.event));
  if (!o.service.empty()) doc.set("service", YamlNode::scalar(o.service));
  put_list("needs", o.needs, true);
  put("strengths", o.strengths);
  put("objective", o.objective);
  put("assessment", o.assessment);
  put("data", o.data);
  if (!o.measures.empty()) doc.set("measures", measures_node(o.measures));
  if (!o.next.empty()) {
    YamlNode plan = YamlNode::sequence();
    for (const auto& spec : o.next) plan.items.push_back(next_step(spec));
    doc.set("plan", plan);
  }
  put_list("client_steps", o.client_steps, false);
  put_list("worker_steps", o.worker_steps, false);
  return render_document(doc);
}

void list_notes(const CaseFolder& folder, const std::string& client) {
  LoadedRecord loaded = load_record(folder, client);
  const ClientRecord& record = loaded.require_valid("the record cannot be shown");
  if (record.notes.empty()) fmt::print(stderr, "casekit: {} has no notes yet\n", client);
  for (const auto& n : record.notes) {
    std::string goals = n.goals.empty() ? "-" : fmt::format("{}", fmt::join(n.goals, ","));
    // The file name is whatever is on disk: ESC or CR could fake a line.
    fmt::print("{}\n", printable(fmt::format("{} {}  {:<10}  {:<8}  {}  {}", n.date.str(), n.time,
                                             n.contact, goals, n.author.empty() ? "-" : n.author,
                                             n.file_name)));
  }
}

}  // namespace

void setup_note(CLI::App& command, Context& context) {
  auto o = std::make_shared<NoteOptions>();
  auto* list = command.add_flag("--list", o->list, "List the client's notes instead of adding one");
  command.add_option("--date", o->date, "Date of the interaction (default: today)");
  command.add_option("--time", o->time, "Time of the interaction, HH:MM (default: now)");
  command.add_flag("--force", o->force, "Keep a date after today, with a warning");
  command.add_option("--contact", o->contact, "in-person, phone, video, collateral or attempted")
      ->check(one_of({"in-person", "phone", "video", "collateral", "attempted"}));
  command.add_option("--author", o->author, "Who writes the note");
  command.add_option("--location", o->location, "Where the contact took place");
  command.add_option("--goal", o->goals, "A short-term goal the contact was about (repeatable)")
      ->allow_extra_args(false);
  command.add_option(
      "--event", o->event,
      "service-start, service-end, employment-change, life-event, emergent-need, ...");
  command.add_option("--service", o->service,
                     "The service a service-start or service-end note is about");
  command
      .add_option("--need", o->needs,
                  "A need the note is about, such as an emergent one (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--strengths", o->strengths, "S: strengths observed");
  command.add_option("--objective", o->objective, "O: objective account of the interaction");
  command.add_option("--assessment", o->assessment,
                     "A: assessment of the situation and the client");
  command.add_option("--data", o->data, "D: data and new information gathered");
  command
      .add_option("--measure", o->measures,
                  "D: a goal's measure at this contact, as GOAL=NUMBER (repeatable)")
      ->allow_extra_args(false);
  command.add_option("--next", o->next, "P: a next step, as 'STEP | DATE | WHO' (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("--client-step", o->client_steps,
                  "A step the client took since the last contact (repeatable)")
      ->allow_extra_args(false);
  command
      .add_option("--worker-step", o->worker_steps,
                  "A step the case manager took since the last contact (repeatable)")
      ->allow_extra_args(false);
  auto* from =
      command.add_option("--from", o->from, "Read the note from FILE, or - for standard input");
  auto* edit = command.add_flag("--edit", o->edit, "Write the note in $VISUAL or $EDITOR");
  from->excludes(edit);
  auto* resume = command.add_flag(
      "--resume", o->resume, "With --edit: reopen the text kept from an edit that was not saved");
  resume->needs(edit);
  // The kept note has its date and time already.
  resume->excludes("--date");
  resume->excludes("--time");
  // A note from a file or the editor is the whole note; options beside it
  // would be silently ignored, so they are refused.
  for (const char* field :
       {"--date", "--time", "--contact", "--author", "--location", "--goal", "--event", "--service",
        "--need", "--strengths", "--objective", "--assessment", "--data", "--measure", "--next",
        "--client-step", "--worker-step"}) {
    from->excludes(field);
    if (std::string(field) != "--date" && std::string(field) != "--time") edit->excludes(field);
    list->excludes(field);
  }
  list->excludes(from);
  list->excludes(edit);
  command.callback([o, &context] {
    CaseFolder folder = context.folder();
    if (o->list) return list_notes(folder, context.client);
    AddedNote written;
    if (o->edit) {
      std::string tmpl = note_template(o->date.empty() ? today().str() : o->date,
                                       o->time.empty() ? now_time() : o->time);
      EditRequest request{{"note", context.client}, o->resume, {}, {}};
      auto text = edit_until_accepted(folder, tmpl, request, [&](const std::string& t) {
        written = add_note(folder, context.client, t, "note (editor)", o->force);
      });
      if (!text) {
        fmt::print(stderr, "casekit: nothing was written (the note was left unchanged)\n");
        return;
      }
    } else if (!o->from.empty()) {
      written = add_note(folder, context.client, read_input(o->from),
                         o->from == "-" ? "<stdin>" : o->from, o->force);
    } else {
      std::string document = document_from_options(*o);
      require_note_references(folder, context.client, o->goals, o->needs, o->service);
      written = add_note(folder, context.client, document, "options", o->force);
    }
    fmt::print("Added note {}\n", folder.display(written.path));
    record_in_git(folder, {written.path}, note_commit_message(context.client, written.path));
    warn_if_closed(written.client);
  });
}

}  // namespace casekit::cli
