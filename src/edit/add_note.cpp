#include "edit/add_note.hpp"

#include <fmt/format.h>

#include "base/ids.hpp"
#include "edit/client_edit.hpp"
#include "edit/input_document.hpp"
#include "edit/plausible.hpp"
#include "record/load.hpp"

namespace casekit {

void require_note_references(const CaseFolder& folder, const std::string& id,
                             const std::vector<std::string>& goals,
                             const std::vector<std::string>& needs, const std::string& service) {
  LoadedRecord loaded = load_record(folder, id);
  loaded.require_valid("nothing was changed");
  const ClientFiles& files = loaded.files;
  const YamlNode* plan = files.plan ? &files.plan->tree : nullptr;
  const YamlNode* assessment = files.client->tree.find("assessment");
  require_ids(goals, item_ids(plan ? plan->find("short_term_goals") : nullptr), "goal");
  require_ids(needs, item_ids(assessment ? assessment->find("needs") : nullptr), "need");
  if (!service.empty())
    require_ids({service}, item_ids(plan ? plan->find("services") : nullptr), "service");
}

AddedNote add_note(const CaseFolder& folder, const std::string& id, const std::string& text,
                   const std::string& source_name, bool force) {
  YamlEditor editor = input_document(text, source_name);
  if (!editor.tree().find("written")) editor.set({"written"}, YamlNode::scalar(today().str()));
  refuse_if_errors(validate(editor.tree(), FileKind::note, source_name), "nothing was changed");
  refuse_implausible(nullptr, editor.tree(), FileKind::note, source_name, force);

  folder.require_client(id);
  fs::path client_dir = folder.client_folder(id);
  auto lock = folder.files().lock(client_dir);
  LoadedRecord loaded = load_record(folder, id);
  Client client = loaded.require_valid("nothing was changed").client;
  // The record with the new note must still hold together.
  ClientFiles& files = loaded.files;
  files.notes.push_back(SourceFile{{}, source_name, {}, editor.tree(), true});
  files.diagnostics.clear();
  check_references(files);
  refuse_if_errors(std::move(files.diagnostics), "nothing was changed");

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
  return {notes / name, std::move(client)};
}

}  // namespace casekit
