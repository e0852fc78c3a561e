#include "edit/client_edit.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/ids.hpp"
#include "edit/plausible.hpp"

namespace casekit {

ClientEdit::ClientEdit(const CaseFolder& folder, const std::string& id) : folder_(folder) {
  folder.require_client(id);
  lock_ = folder.files().lock(folder.client_folder(id));
  // Loaded under the lock: what is checked is what the change starts from.
  LoadedRecord loaded = load_record(folder, id);
  record_ = loaded.require_valid("nothing was changed");
  files_ = std::move(loaded.files);
}

YamlEditor& ClientEdit::client() {
  if (!client_)
    client_.emplace(files_.client->source.text, files_.client->tree, files_.client->display);
  return *client_;
}

YamlEditor& ClientEdit::plan() {
  if (!plan_) {
    if (files_.plan) {
      plan_.emplace(files_.plan->source.text, files_.plan->tree, files_.plan->display);
    } else {
      fs::path path = files_.folder / "plan.yaml";
      plan_.emplace(new_plan_text(), folder_.display(path));
    }
  }
  return *plan_;
}

std::string ClientEdit::next_id(char prefix) const {
  std::vector<std::string> used = ids_in_use(files_);
  // Ids added earlier in this same change count too.
  auto walk = [&](auto&& self, const YamlNode& node) -> void {
    if (node.is_scalar()) used.push_back(node.value);
    for (const auto& item : node.items) self(self, item);
  };
  if (client_) walk(walk, client_->tree());
  if (plan_) walk(walk, plan_->tree());
  return next_item_id(prefix, used);
}

void ClientEdit::verify() const {
  // Re-check the whole record as it would be on disk after the change.
  ClientFiles after = files_;
  std::vector<Diagnostic> problems;
  if (client_) {
    after.client->tree = client_->tree();
    for (auto& d : validate(client_->tree(), FileKind::client, files_.client->display))
      problems.push_back(d);
  }
  if (plan_) {
    if (!after.plan)
      after.plan = SourceFile{
          files_.folder / "plan.yaml", folder_.display(files_.folder / "plan.yaml"), {}, {}, true};
    after.plan->tree = plan_->tree();
    after.plan->parsed = true;
    for (auto& d : validate(plan_->tree(), FileKind::plan, after.plan->display))
      problems.push_back(d);
  }
  check_references(after);
  problems.insert(problems.end(), after.diagnostics.begin(), after.diagnostics.end());
  refuse_if_errors(std::move(problems), "nothing was changed");
  if (client_)
    refuse_implausible(&files_.client->tree, client_->tree(), FileKind::client,
                       files_.client->display, force_);
  if (plan_)
    refuse_implausible(files_.plan ? &files_.plan->tree : nullptr, plan_->tree(), FileKind::plan,
                       after.plan->display, force_);
}

std::vector<fs::path> ClientEdit::save() {
  verify();
  std::vector<fs::path> written;
  if (plan_ && (!files_.plan || plan_->text() != files_.plan->source.text)) {
    SourceText encoding = files_.plan ? files_.plan->source : SourceText{};
    folder_.files().replace(files_.folder / "plan.yaml", encode_source(encoding, plan_->text()));
    written.push_back(files_.folder / "plan.yaml");
  }
  if (client_ && client_->text() != files_.client->source.text) {
    try {
      folder_.files().replace(files_.folder / "client.yaml",
                              encode_source(files_.client->source, client_->text()));
    } catch (...) {
      // A change that spans both files is all or nothing: without this,
      // close could end every goal of a case that stays open.
      if (!written.empty() && files_.plan) restore_plan();
      throw;
    }
    written.push_back(files_.folder / "client.yaml");
  }
  return written;
}

void ClientEdit::restore_plan() noexcept {
  try {
    folder_.files().replace(files_.folder / "plan.yaml",
                            encode_source(files_.plan->source, files_.plan->source.text));
  } catch (...) {
    // The first error is the one to report; check shows the plan as it is.
  }
}

void require_ids(const std::vector<std::string>& wanted, const std::vector<std::string>& existing,
                 const char* what) {
  for (const auto& id : wanted) {
    if (std::find(existing.begin(), existing.end(), id) != existing.end()) continue;
    std::string known = existing.empty()
                            ? "there are none yet"
                            : fmt::format("the record has {}", fmt::join(existing, ", "));
    throw Error(fmt::format("{} '{}' does not exist", what, id), known);
  }
}

std::string new_plan_text() {
  return fmt::format("# Individual service plan, written with the client.\ncreated: {}\n",
                     today().str());
}

std::vector<std::string> item_ids(const YamlNode* list) {
  std::vector<std::string> ids;
  if (list)
    for (const auto& item : list->items)
      if (const YamlNode* id = item.find("id"); id && id->is_scalar()) ids.push_back(id->value);
  return ids;
}

std::size_t item_index(const YamlNode* list, const std::string& id, const char* what) {
  std::vector<std::string> ids = item_ids(list);
  require_ids({id}, ids, what);
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

}  // namespace casekit
