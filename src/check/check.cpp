// The check engine: loads each client, runs the rule groups, applies the
// program's severities and the suppression comments, and gathers every
// finding before anything is reported.
#include "check/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "base/printable.hpp"
#include "check/check_client.hpp"
#include "check/rule_inputs.hpp"
#include "check/settings_findings.hpp"
#include "check/suppressions.hpp"
#include "findings/diagnostic.hpp"
#include "findings/finding_cap.hpp"
#include "findings/finding_sink.hpp"
#include "record/documents.hpp"
#include "record/load.hpp"

namespace casekit {

void RuleContext::report(const char* rule, Location where, std::string message, std::string hint) {
  FindingSink(findings).report(rule, std::move(where), std::move(message), std::move(hint));
}

void RuleContext::report(const char* rule, Location where, Subject subject, std::string message,
                         std::string hint) {
  FindingSink(findings).report(rule, std::move(where), std::move(subject), std::move(message),
                               std::move(hint));
}

Location RuleContext::at(const std::optional<SourceFile>& file, const YamlPath& path) const {
  if (!file) return {};
  return at(*file, path);
}

Location RuleContext::at(const SourceFile& file, const YamlPath& path) const {
  for (std::size_t n = path.size();; --n) {
    YamlPath prefix(path.begin(), path.begin() + static_cast<long>(n));
    if (const YamlNode* node = node_at(file.tree, prefix);
        node && (n == 0 || !node->is_null() || n == path.size())) {
      // A key's own position reads better than its value's.
      if (n > 0 && std::holds_alternative<std::string>(prefix.back())) {
        const YamlNode* parent = node_at(file.tree, YamlPath(prefix.begin(), prefix.end() - 1));
        if (const YamlNode* key = parent->find_key(std::get<std::string>(prefix.back())))
          return {file.display, key->mark.line + 1, key->mark.column + 1};
      }
      if (n == 0) return {file.display, 0, 0};
      return {file.display, node->mark.line + 1, node->mark.column + 1};
    }
    if (n == 0) return {file.display, 0, 0};
  }
}

Location RuleContext::at(const Note& note, const char* key) const {
  const SourceFile* file = note_file(note);
  return file ? at(*file, {key}) : note.where;
}

const SourceFile* RuleContext::note_file(const Note& note) const {
  if (note_files_.empty())
    for (const auto& f : files.notes) note_files_.try_emplace(f.path.filename().string(), &f);
  auto found = note_files_.find(note.file_name);
  return found == note_files_.end() ? nullptr : found->second;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \n\t") == std::string_view::npos;
}

bool is_blank(const std::vector<std::string>& items) {
  return std::all_of(items.begin(), items.end(),
                     [](const std::string& item) { return is_blank(std::string_view(item)); });
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

namespace {

// The people a plan names: providers, referral partners, who signed, who
// does each milestone.
template <typename Accept>
void accept_plan_names(const Plan& plan, Accept accept_words) {
  for (const auto& s : plan.services) accept_words(s.provider);
  for (const auto& r : plan.referrals) accept_words(r.to);
  for (const auto* s : {&plan.client_signature, &plan.case_manager_signature})
    accept_words(s->name);
  for (const auto& g : plan.short_term_goals)
    for (const auto& m : g.milestones) accept_words(m.who);
}

// Names in the record are words the speller should know, every part of
// them, in any case and with or without accents: a note that says "rosa"
// or "delgado's" is not misspelled for Rosa María Delgado, and her names
// must not be quoted into a CI log as findings. Apostrophes stay in a part
// (o'brien); hyphens and spaces split (Delgado-Ruiz).
void accept_names(Speller& speller, const ClientRecord& record) {
  auto accept_words = [&](const std::string& text) {
    std::string word;
    for (char c : text + " ") {
      auto u = static_cast<unsigned char>(c);
      if (std::isalpha(u) || u >= 0x80 || c == '\'') {
        word += c;
      } else {
        if (word.size() > 1) speller.accept_for_record(word);
        word.clear();
      }
    }
  };
  const Client& c = record.client;
  for (const auto* text : {&c.name, &c.preferred_name, &c.case_manager}) accept_words(*text);
  for (const auto& consent : c.consents) accept_words(consent.partner);
  if (record.plan) accept_plan_names(record.plan.value(), accept_words);
  for (const auto& n : record.notes) {
    accept_words(n.author);
    for (const auto& step : n.plan) accept_words(step.who);
  }
}

// Which rules had something to check in this record (their group's
// `applies`), for the checklist view. assessment/missing is the one rule
// with something to say when its group has nothing to check.
std::vector<std::string> rules_that_applied(const ClientRecord& record, const Settings& settings) {
  std::vector<std::string> ids;
  for (const auto& rule : rule_catalogue()) {
    const RuleGroup* group = find_rule_group(rule.checklist);
    if (group && !group->applies(record) && rule.id != "assessment/missing") continue;
    auto configured = settings.rules.find(rule.id);
    if (configured != settings.rules.end() && configured->second == "off") continue;
    ids.push_back(rule.id);
  }
  return ids;
}

// Runs every rule group on the record and adds their findings to the
// report, with what the checklist view needs to know of the record.
void run_rules(const ClientFiles& files, const ClientRecord& record, const Settings& settings,
               const CheckOptions& options, Speller* speller, const PhraseIndex& phrases,
               ClientReport& report) {
  RuleContext ctx(settings, options.today, files, record);
  ctx.speller = speller;
  ctx.writing_phrases = &phrases;
  if (speller) accept_names(*speller, record);
  for (const RuleGroup& group : rule_groups())
    if (group.run) group.run(ctx);
  report.findings.insert(report.findings.end(), ctx.findings.begin(), ctx.findings.end());
  if (speller) speller->end_record();
  if (options.rule_coverage) report.rules_run = rules_that_applied(record, settings);
  if (record.plan)
    for (const auto& g : record.plan->short_term_goals) report.goal_ids.push_back(g.id);
  report.has_plan = record.plan.has_value();
  for (const auto& n : record.notes) report.note_files.push_back(n.file_name);
}

}  // namespace

ClientReport check_client(const CaseFolder& folder, const std::string& id,
                          const SettingsByProfile& program, const CheckOptions& options,
                          Speller* speller, const PhraseIndex& phrases) {
  LoadedRecord loaded = load_record(folder, id);
  const ClientFiles& files = loaded.files;
  ClientReport report{id, files.diagnostics, {}, {}, false};
  if (files.client && files.client->parsed) {
    DocumentsFolder documents{folder.files(),
                              files.folder / "documents",
                              id,
                              files.client->display,
                              [&folder](const fs::path& p) { return folder.display(p); },
                              {}};
    for (auto& d : document_hash_findings(documents, files.client->tree))
      report.findings.push_back(std::move(d));
  }
  // Desk-guide rules read the record; on a file that does not parse or
  // has the wrong types they would only repeat the format findings, so
  // for a record with errors they read the files without them
  // (rule_inputs.hpp). A valid record is read as loaded, not again.
  std::optional<ClientFiles> readable;
  std::optional<ClientRecord> partial;
  if (!loaded.record && (readable = files_for_rules(files))) partial = to_record(*readable);
  const ClientRecord* record = loaded.record ? &*loaded.record : partial ? &*partial : nullptr;
  // The client's own program, when enrolled in another than the folder's.
  const Settings& settings = program.for_client(record ? record->client.profile : "");
  if (record)
    run_rules(readable ? *readable : files, *record, settings, options, speller, phrases, report);
  if (readable && readable->notes.size() != files.notes.size())
    std::erase_if(report.findings, [](const Diagnostic& d) { return reads_every_note(d.rule); });
  std::vector<const SourceFile*> sources;
  if (files.client) sources.push_back(&*files.client);
  if (files.plan) sources.push_back(&*files.plan);
  for (const auto& n : files.notes) sources.push_back(&n);
  // Suppressions first, so that their own findings obey `rules:` too.
  apply_suppressions(sources, report.findings);
  apply_severities(settings, report.findings);
  // An entry ending in '/' is a folder (a client's notes/): its files.
  auto wanted = [&](const std::string& file) {
    return std::any_of(
        options.only_files.begin(), options.only_files.end(), [&](const std::string& f) {
          return f == file || (!f.empty() && f.back() == '/' && file.rfind(f, 0) == 0);
        });
  };
  if (!options.only_files.empty())
    std::erase_if(report.findings, [&](const Diagnostic& d) { return !wanted(d.location.file); });
  // Source lines are shown under findings; only files with findings need them.
  // (A set of them, as a client may have thousands of notes and findings.)
  if (options.keep_sources) {
    std::unordered_set<std::string_view> with_findings;
    for (const auto& d : report.findings) with_findings.insert(d.location.file);
    for (const auto* s : sources)
      if (with_findings.count(s->display)) report.sources[printable(s->display)] = s->source.text;
  }
  make_printable(report.findings);
  sort_diagnostics(report.findings);
  cap_per_file(report.findings);
  return report;
}

// A worker's speller, only when spelling is on; a dictionary already loaded
// in this process is taken again (Speller).
std::unique_ptr<Speller> open_speller(const Settings& settings, bool& unavailable) {
  auto spelling = settings.rules.find("language/spelling");
  if (spelling != settings.rules.end() && spelling->second == "off") return nullptr;
  auto speller = Speller::open_default(settings.spelling, settings.dictionary);
  unavailable = speller == nullptr;
  return speller;
}

}  // namespace casekit

namespace casekit {

CheckTargets resolve_targets(const CaseFolder& folder, const std::vector<std::string>& paths) {
  CheckTargets targets;
  fs::path clients = fs::weakly_canonical(folder.clients_path());
  for (const auto& arg : paths) {
    bool is_path = arg.find('/') != std::string::npos || arg == "." || folder.files().exists(arg);
    if (!is_path) {
      targets.clients.push_back(arg);
      continue;
    }
    fs::path path = fs::weakly_canonical(arg);
    if (path == fs::weakly_canonical(folder.root()) || path == clients)
      return {};  // the whole folder
    fs::path relative = path.lexically_relative(clients);
    if (relative.empty() || *relative.begin() == "..")
      throw Error(ExitStatus::usage, {arg, 0, 0},
                  "this path is not inside the case folder's clients/",
                  "name a client folder or one of its files, or a client id");
    std::string id = relative.begin()->string();
    folder.require_client(id);
    if (std::find(targets.clients.begin(), targets.clients.end(), id) == targets.clients.end())
      targets.clients.push_back(id);
    if (std::distance(relative.begin(), relative.end()) > 1) {
      std::string shown = folder.display(folder.clients_path() / relative);
      targets.files.push_back(folder.files().is_folder(path) ? shown + "/" : shown);
    }
  }
  return targets;
}

}  // namespace casekit
