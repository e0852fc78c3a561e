#include "edit/plan_text.hpp"

#include <algorithm>
#include <optional>

#include "edit/client_edit.hpp"
#include "edit/plausible.hpp"
#include "record/load.hpp"

namespace casekit {

namespace {

const char* file_name_of(FileKind kind) {
  return kind == FileKind::plan ? "plan.yaml" : "client.yaml";
}

PlanText read_record_text(const CaseFolder& folder, const std::string& id, FileKind kind) {
  folder.require_client(id);
  PlanText record;
  record.lock = folder.files().lock(folder.client_folder(id));
  record.path = folder.client_folder(id) / file_name_of(kind);
  record.display = folder.display(record.path);
  auto raw = folder.files().read(record.path, max_file_bytes);
  if (!raw && kind == FileKind::client)
    throw Error(ExitStatus::usage, {record.display, 0, 0}, "the client record is missing",
                "restore client.yaml from git or a copy; nothing was changed");
  record.source = decode_source(raw ? *raw : new_plan_text(), record.display);
  return record;
}

// The edited file may repair the record but must not break another file:
// a note's reference to a goal the edit removed counts too.
void check_record_text(const CaseFolder& folder, const std::string& id, const std::string& text,
                       FileKind kind, bool force) {
  fs::path path = folder.client_folder(id) / file_name_of(kind);
  std::string display = folder.display(path) + " (as edited)";
  SourceText source = decode_source(text, display);
  YamlNode tree = parse_yaml(source, display);
  std::vector<Diagnostic> problems = validate(tree, kind, display);
  ClientFiles files = load_record(folder, id).files;
  std::vector<Diagnostic> before = files.diagnostics;
  std::optional<SourceFile>& edited = kind == FileKind::plan ? files.plan : files.client;
  std::optional<YamlNode> before_tree;
  if (edited && edited->parsed) before_tree = edited->tree;
  edited = SourceFile{path, display, source, tree, true};
  files.diagnostics.clear();
  check_references(files);
  for (const auto& d : files.diagnostics) {
    bool known = std::any_of(before.begin(), before.end(), [&](const Diagnostic& b) {
      return b.location.file == d.location.file && b.message == d.message;
    });
    if (d.location.file == display || !known) problems.push_back(d);
  }
  refuse_if_errors(std::move(problems), "nothing was changed");
  refuse_implausible(before_tree ? &*before_tree : nullptr, tree, kind, display, force);
}

}  // namespace

PlanText read_plan_text(const CaseFolder& folder, const std::string& id) {
  return read_record_text(folder, id, FileKind::plan);
}

void check_plan_text(const CaseFolder& folder, const std::string& id, const std::string& text,
                     bool force) {
  check_record_text(folder, id, text, FileKind::plan, force);
}

PlanText read_client_text(const CaseFolder& folder, const std::string& id) {
  return read_record_text(folder, id, FileKind::client);
}

void check_client_text(const CaseFolder& folder, const std::string& id, const std::string& text,
                       bool force) {
  check_record_text(folder, id, text, FileKind::client, force);
}

void write_plan_text(const CaseFolder& folder, const PlanText& plan, const std::string& text) {
  SourceText edited = decode_source(text, plan.display);
  folder.files().replace(plan.path, encode_source(plan.source, edited.text));
}

}  // namespace casekit
