#include <fmt/format.h>

#include "base/ids.hpp"
#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "edit/new_client.hpp"
#include "edit/plan_edits.hpp"
#include "edit/templates.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit::cli {
namespace {

struct NewClientOptions {
  std::string id, name, preferred_name, pronouns, dob, language, case_manager, opened, phone, email;
  std::string from;
  bool edit = false, resume = false, force = false;
};

std::string document_from_options(const NewClientOptions& o) {
  YamlNode doc = YamlNode::mapping();
  auto put = [&](const char* key, const std::string& value, bool date = false) {
    if (!value.empty()) doc.set(key, date ? YamlNode::scalar(value) : text_node(value));
  };
  // Options are checked here, so messages name the option, not a line of
  // the document made from them.
  if (!o.id.empty()) CaseFolder::require_valid_id(o.id);
  if (!o.dob.empty()) require_date(o.dob, "dob");
  if (!o.opened.empty()) require_date(o.opened, "opened");
  if (o.id.empty() && !o.name.empty()) {
    std::string derived = client_id_from_name(o.name);
    put("id", derived);
  }
  put("id", o.id);
  put("name", o.name);
  put("preferred_name", o.preferred_name);
  put("pronouns", o.pronouns);
  put("date_of_birth", o.dob, true);
  put("language", o.language);
  if (!o.phone.empty() || !o.email.empty()) {
    YamlNode contact = YamlNode::mapping();
    if (!o.phone.empty()) contact.set("phone", text_node(o.phone));
    if (!o.email.empty()) contact.set("email", text_node(o.email));
    doc.set("contact", contact);
  }
  put("case_manager", o.case_manager);
  put("opened", o.opened.empty() ? today().str() : o.opened, true);
  doc.set("status", YamlNode::scalar("active"));
  if (o.name.empty()) throw Error("say who the new client is", "use --name, --from FILE or --edit");
  return render_document(doc);
}

}  // namespace

void setup_new_client(CLI::App& command, Context& context) {
  auto o = std::make_shared<NewClientOptions>();
  command.add_option("--name", o->name, "Full name");
  command.add_option("--id", o->id, "Client id (default: from the name, like marcus-jones)");
  command.add_option("--preferred-name", o->preferred_name, "The name the client goes by");
  command.add_option("--pronouns", o->pronouns, "Pronouns, like she/her");
  command.add_option("--dob", o->dob, "Date of birth, YYYY-MM-DD");
  command.add_option("--language", o->language, "The language the client speaks");
  command.add_option("--case-manager", o->case_manager, "The case manager responsible");
  command.add_option("--opened", o->opened, "Date the case was opened (default: today)");
  command.add_option("--phone", o->phone, "Phone number");
  command.add_option("--email", o->email, "Email address");
  command.add_flag("--force", o->force,
                   "Keep a date that looks impossible (born after today or over 120 years ago, "
                   "opened after today), with a warning");
  auto* from = command.add_option("--from", o->from,
                                  "Read client.yaml's content from FILE, or - for standard input");
  auto* edit =
      command.add_flag("--edit", o->edit, "Write the intake and assessment in $VISUAL or $EDITOR");
  from->excludes(edit);
  command
      .add_flag("--resume", o->resume,
                "With --edit: reopen the text kept from an edit that was not saved")
      ->needs(edit);
  // A document from a file or the editor is the whole client; options
  // beside it would be silently ignored, so they are refused.
  for (const char* field : {"--name", "--id", "--preferred-name", "--pronouns", "--dob",
                            "--language", "--case-manager", "--opened", "--phone", "--email"}) {
    from->excludes(field);
    edit->excludes(field);
  }
  command.callback([o, &context] {
    CaseFolder folder = context.folder();
    std::string id;
    if (o->edit) {
      EditRequest request{{"new-client", ""}, o->resume, {}, {}};
      auto text =
          edit_until_accepted(folder, client_template(), request, [&](const std::string& t) {
            id = create_client(folder, t, "client.yaml (editor)", o->force);
          });
      if (!text) {
        fmt::print(stderr, "casekit: nothing was written (the template was left unchanged)\n");
        return;
      }
    } else if (!o->from.empty()) {
      id = create_client(folder, read_input(o->from), o->from == "-" ? "<stdin>" : o->from,
                         o->force);
    } else {
      id = create_client(folder, document_from_options(*o), "options", o->force);
    }
    fmt::print("Added client {} in {}\n", id,
               folder.display(folder.client_folder(id) / "client.yaml"));
    record_in_git(folder, {folder.client_folder(id) / "client.yaml"},
                  fmt::format("new-client: add {}", id));
  });
}

}  // namespace casekit::cli
