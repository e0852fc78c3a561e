#include "edit/new_client.hpp"

#include <fmt/format.h>

#include "base/ids.hpp"
#include "edit/input_document.hpp"
#include "edit/plausible.hpp"
#include "record/load.hpp"

namespace casekit {

std::string create_client(const CaseFolder& folder, const std::string& text,
                          const std::string& source_name, bool force) {
  YamlEditor editor = input_document(text, source_name);
  const YamlNode* name = editor.tree().find("name");
  const YamlNode* id = editor.tree().find("id");
  if (!id || id->is_null()) {
    if (!name || !name->is_scalar() || name->value.empty())
      throw Error(ExitStatus::usage, {source_name, 0, 0}, "the new client needs a name",
                  "add " + input_field("name") + " \"First Last\"");
    std::string derived = client_id_from_name(name->value);
    if (derived.empty())
      throw Error("no client id can be made from this name",
                  fmt::format("give one with {0}, like {0} client-1", input_field("id")));
    editor.set({"id"}, YamlNode::scalar(derived));
  }
  if (!editor.tree().find("status")) editor.set({"status"}, YamlNode::scalar("active"));
  if (!editor.tree().find("opened")) editor.set({"opened"}, YamlNode::scalar(today().str()));
  refuse_if_errors(validate(editor.tree(), FileKind::client, source_name), "nothing was changed");
  refuse_implausible(nullptr, editor.tree(), FileKind::client, source_name, force);

  std::string client_id = editor.tree().find("id")->value;
  fs::path clients = folder.clients_path();
  if (!folder.files().is_folder(clients)) folder.files().make_folder(clients);
  auto lock = folder.files().lock(clients);
  fs::path target = folder.client_folder(client_id);
  if (folder.files().exists(target))
    throw Error(fmt::format("a client with the id '{}' exists already", client_id),
                fmt::format("give the new client another id with {0}, like {0} {1}-2",
                            input_field("id"), client_id));
  // Folder and file appear together: a crash cannot leave a client folder
  // without its client.yaml.
  folder.files().create_folder_with_file(target, "client.yaml", editor.text());
  return client_id;
}

}  // namespace casekit
