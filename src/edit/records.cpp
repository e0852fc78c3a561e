#include "edit/records.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/ids.hpp"
#include "base/printable.hpp"
#include "record/model_read.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

// Parses user-supplied text into an editor, refusing anything that is not
// a set of keys.
YamlEditor editor_for(const std::string& text, const std::string& source_name) {
  SourceText source = decode_source(text, source_name);
  YamlEditor editor(source.text, source_name);
  if (!editor.tree().is_mapping() && !editor.tree().is_null())
    throw Error(ExitStatus::usage, {source_name, 1, 1},
                "the input should be a set of keys (key: value)", "see casekit(5) for the format");
  return editor;
}

void refuse_problems(std::vector<Diagnostic> problems) {
  if (has_errors(problems)) throw InvalidRecord(std::move(problems));
}

}  // namespace

void init_case_folder(FileSystem& files, const fs::path& dir, const InitOptions& options) {
  if (files.exists(dir / "casekit.yaml"))
    throw Error(ExitStatus::usage, {(dir / "casekit.yaml").string(), 0, 0},
                "this folder is already a case folder", "nothing was changed");
  // casekit.yaml is written without a check of its own (nothing else is in it).
  if (UnsafeCharacter c = find_unsafe_character(options.program); c.offset != std::string::npos)
    throw Error(fmt::format("--program holds {}", describe_character(c.code)),
                "type the program's name without it; nothing was changed");
  // Missing folders on the way are made too, as `git init a/b` does.
  std::vector<fs::path> missing;
  for (fs::path at = dir; !at.empty() && !files.exists(at); at = at.parent_path())
    missing.push_back(at);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) files.make_folder(*it);
  YamlNode settings = YamlNode::mapping();
  settings.set("program",
               text_node(options.program.empty() ? "Case management program" : options.program));
  settings.set("profile", YamlNode::scalar(options.profile));
  std::string text = fmt::format(
      "# Program settings for casekit; see casekit(5).\n"
      "# Timeliness defaults come from the profile: {}.\n"
      "{}"
      "# services: []      # the services this program may provide\n"
      "# outcomes: []      # program outcomes that goals connect to\n"
      "# dictionary: []    # words the spelling check should accept\n",
      fmt::join(profile_names(), ", "), render_document(settings));
  bool made_clients = false;
  if (!files.exists(dir / "clients")) {
    files.make_folder(dir / "clients");
    made_clients = true;
  }
  try {
    files.create(dir / "casekit.yaml", text);
  } catch (...) {
    if (made_clients) fs::remove(dir / "clients");
    throw;
  }
}

std::string create_client(const CaseFolder& folder, const std::string& text,
                          const std::string& source_name) {
  YamlEditor editor = editor_for(text, source_name);
  const YamlNode* name = editor.tree().find("name");
  const YamlNode* id = editor.tree().find("id");
  if (!id || id->is_null()) {
    if (!name || !name->is_scalar() || name->value.empty())
      throw Error(ExitStatus::usage, {source_name, 0, 0}, "the new client needs a name",
                  "add --name \"First Last\"");
    std::string derived = client_id_from_name(name->value);
    if (derived.empty())
      throw Error("no client id can be made from this name",
                  "give one with --id, like --id client-1");
    editor.set({"id"}, YamlNode::scalar(derived));
  }
  if (!editor.tree().find("status")) editor.set({"status"}, YamlNode::scalar("active"));
  if (!editor.tree().find("opened")) editor.set({"opened"}, YamlNode::scalar(today().str()));
  refuse_problems(validate(editor.tree(), FileKind::client, source_name));

  std::string client_id = editor.tree().find("id")->value;
  fs::path clients = folder.clients_path();
  if (!folder.files().is_folder(clients)) folder.files().make_folder(clients);
  auto lock = folder.files().lock(clients);
  fs::path target = folder.client_folder(client_id);
  if (folder.files().exists(target))
    throw Error(fmt::format("a client with the id '{}' exists already", client_id),
                "give the new client another id with --id, like --id " + client_id + "-2");
  // Folder and file appear together: a crash cannot leave a client folder
  // without its client.yaml.
  folder.files().create_folder_with_file(target, "client.yaml", editor.text());
  return client_id;
}

void require_note_references(const CaseFolder& folder, const std::string& id,
                             const std::vector<std::string>& goals,
                             const std::vector<std::string>& needs, const std::string& service) {
  ClientFiles files = folder.load_client(id);
  refuse_problems(files.diagnostics);
  const YamlNode* plan = files.plan ? &files.plan->tree : nullptr;
  const YamlNode* assessment = files.client->tree.find("assessment");
  require_ids(goals, item_ids(plan ? plan->find("short_term_goals") : nullptr), "goal");
  require_ids(needs, item_ids(assessment ? assessment->find("needs") : nullptr), "need");
  if (!service.empty())
    require_ids({service}, item_ids(plan ? plan->find("services") : nullptr), "service");
}

AddedNote add_note(const CaseFolder& folder, const std::string& id, const std::string& text,
                   const std::string& source_name) {
  YamlEditor editor = editor_for(text, source_name);
  if (!editor.tree().find("written")) editor.set({"written"}, YamlNode::scalar(today().str()));
  std::vector<Diagnostic> problems = validate(editor.tree(), FileKind::note, source_name);
  refuse_problems(problems);

  folder.require_client(id);
  fs::path client_dir = folder.client_folder(id);
  auto lock = folder.files().lock(client_dir);
  ClientFiles files = folder.load_client(id);
  refuse_problems(files.diagnostics);
  files.notes.push_back(SourceFile{{}, source_name, {}, editor.tree(), true});
  files.diagnostics.clear();
  check_references(files);
  refuse_problems(files.diagnostics);

  fs::path notes = client_dir / "notes";
  if (!folder.files().exists(notes)) folder.files().make_folder(notes);
  const YamlNode& tree = editor.tree();
  const std::string first =
      note_file_name(tree.text_at("date"), tree.text_at("time"), tree.text_at("contact"));
  std::string name = first;
  // Two notes for the same minute and kind of contact get -2, -3, ...
  for (int n = 2; folder.files().exists(notes / name); ++n)
    name = first.substr(0, first.size() - 5) + fmt::format("-{}.yaml", n);
  folder.files().create(notes / name, editor.text());
  return {notes / name, read_client(files.client->tree, files.client->display)};
}

PlanText read_plan_text(const CaseFolder& folder, const std::string& id) {
  folder.require_client(id);
  PlanText plan;
  plan.lock = folder.files().lock(folder.client_folder(id));
  plan.path = folder.client_folder(id) / "plan.yaml";
  plan.display = folder.display(plan.path);
  auto raw = folder.files().read(plan.path, max_file_bytes);
  plan.source = decode_source(raw ? *raw : new_plan_text(), plan.display);
  return plan;
}

void check_plan_text(const CaseFolder& folder, const std::string& id, const std::string& text) {
  fs::path path = folder.client_folder(id) / "plan.yaml";
  std::string display = folder.display(path) + " (as edited)";
  SourceText source = decode_source(text, display);
  YamlNode tree = parse_yaml(source, display);
  std::vector<Diagnostic> problems = validate(tree, FileKind::plan, display);
  // The edited plan may repair the record but must not break another
  // file: a note's reference to a goal the edit removed counts too.
  ClientFiles files = folder.load_client(id);
  std::vector<Diagnostic> before = files.diagnostics;
  files.plan = SourceFile{path, display, source, tree, true};
  files.diagnostics.clear();
  check_references(files);
  for (const auto& d : files.diagnostics) {
    bool known = std::any_of(before.begin(), before.end(), [&](const Diagnostic& b) {
      return b.location.file == d.location.file && b.message == d.message;
    });
    if (d.location.file == display || !known) problems.push_back(d);
  }
  refuse_problems(problems);
}

void write_plan_text(const CaseFolder& folder, const PlanText& plan, const std::string& text) {
  SourceText edited = decode_source(text, plan.display);
  folder.files().replace(plan.path, encode_source(plan.source, edited.text));
}

std::vector<std::string> close_client(ClientEdit& edit, const std::string& date,
                                      const std::string& reason, const std::string& summary) {
  const Client client = edit.record().client;
  if (client.status == "closed")
    throw Error(fmt::format("the case of '{}' is closed already", client.id),
                "nothing was changed");
  if (reason.empty()) throw Error("a closure needs a reason", "add --reason TEXT");
  if (!Date::parse(date))
    throw Error(fmt::format("--date: '{}' is not a real date", date), "write it as YYYY-MM-DD");
  YamlNode closure = YamlNode::mapping();
  closure.set("date", YamlNode::scalar(date));
  closure.set("reason", text_node(reason));
  if (!summary.empty()) closure.set("summary", text_node(summary));
  edit.client().set({"status"}, YamlNode::scalar("closed"));
  edit.client().set({"closure"}, closure);
  std::vector<std::string> active;
  if (edit.has_plan())
    for (const auto& goal : edit.record().plan.value_or(Plan{}).short_term_goals)
      if (goal.status == "active") active.push_back(goal.id);
  return active;
}

}  // namespace casekit
