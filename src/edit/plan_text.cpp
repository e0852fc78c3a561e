#include "edit/plan_text.hpp"

#include <algorithm>
#include <optional>

#include "edit/client_edit.hpp"
#include "edit/plausible.hpp"
#include "record/load.hpp"

namespace casekit {

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

void check_plan_text(const CaseFolder& folder, const std::string& id, const std::string& text,
                     bool force) {
  fs::path path = folder.client_folder(id) / "plan.yaml";
  std::string display = folder.display(path) + " (as edited)";
  SourceText source = decode_source(text, display);
  YamlNode tree = parse_yaml(source, display);
  std::vector<Diagnostic> problems = validate(tree, FileKind::plan, display);
  // The edited plan may repair the record but must not break another
  // file: a note's reference to a goal the edit removed counts too.
  ClientFiles files = load_record(folder, id).files;
  std::vector<Diagnostic> before = files.diagnostics;
  std::optional<YamlNode> before_plan;
  if (files.plan && files.plan->parsed) before_plan = files.plan->tree;
  files.plan = SourceFile{path, display, source, tree, true};
  files.diagnostics.clear();
  check_references(files);
  for (const auto& d : files.diagnostics) {
    bool known = std::any_of(before.begin(), before.end(), [&](const Diagnostic& b) {
      return b.location.file == d.location.file && b.message == d.message;
    });
    if (d.location.file == display || !known) problems.push_back(d);
  }
  refuse_if_errors(std::move(problems), "nothing was changed");
  const YamlNode* old_plan = before_plan ? &*before_plan : nullptr;
  refuse_implausible(old_plan, tree, FileKind::plan, display, force);
}

void write_plan_text(const CaseFolder& folder, const PlanText& plan, const std::string& text) {
  SourceText edited = decode_source(text, plan.display);
  folder.files().replace(plan.path, encode_source(plan.source, edited.text));
}

}  // namespace casekit
