// casekit check: the desk guides' coaching checklists as named rules, run
// on every record, every finding gathered before anything is reported.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/results.hpp"
#include "check/rule_groups.hpp"
#include "findings/diagnostic.hpp"
#include "findings/rule_catalogue.hpp"
#include "record/case_folder.hpp"
#include "schema/settings.hpp"
#include "words/speller.hpp"
#include "words/word_lists.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit {

struct CheckOptions {
  Date today;
  std::vector<std::string> clients;  // empty: every client (unless only_listed)
  bool keep_sources = false;         // keep the text of files with findings, for carets
  // Only findings in these files (paths as messages show them; a path
  // ending in '/' means the files of that folder); empty: all.
  std::vector<std::string> only_files = {};
  // Called after each client with (done, total), from a worker thread.
  std::function<void(std::size_t, std::size_t)> progress = {};
  // Each client's report goes here, in the clients' order, and is not kept
  // in the result: memory stays flat however large the caseload. The
  // folder's own findings come first, as a report with an empty id.
  std::function<void(const ClientReport&)> on_client = {};
  // Fill ClientReport::rules_run (for the checklist view).
  bool rule_coverage = false;
  // Exactly `clients`, even when there are none (--changed-since with no
  // changed client): a report over zero clients, with casekit.yaml's findings.
  bool only_listed = false;
  // Take unchanged clients' reports from .casekit/cache/check and keep
  // this run's there (check_cache.hpp); `casekit check` does, unless told not to.
  bool use_cache = false;
};

// What `casekit check PATH...` means by each path: the case folder, a
// client's folder, or one file of a client. Plain client ids work too.
struct CheckTargets {
  std::vector<std::string> clients;  // empty: every client
  std::vector<std::string> files;    // empty: every file of those clients
};
CheckTargets resolve_targets(const CaseFolder& folder, const std::vector<std::string>& paths);

// Streaming is the engine's only mode: each report goes to
// options.on_client (required) and is not kept, so memory stays flat
// however large the caseload. The result holds the counts.
CheckResult run_check(const CaseFolder& folder, const CheckOptions& options);
// The same run, keeping each report in CheckResult::clients: for a test or
// a run over a client or two, never over a caseload.
CheckResult check_and_keep(const CaseFolder& folder, CheckOptions options);

// What a rule group (rule_groups.hpp, one file each) reads, and where it
// adds its findings.
class RuleContext {
 public:
  RuleContext(const Settings& program, const Date& as_of, const ClientFiles& client_files,
              const ClientRecord& client_record)
      : settings(program), today(as_of), files(client_files), record(client_record) {}

  // Severity from the catalogue (finding_sink.hpp). With a subject when the
  // finding is about one item: the checklist groups goal findings by it.
  void report(const char* rule, Location where, std::string message, std::string hint = {});
  void report(const char* rule, Location where, Subject subject, std::string message,
              std::string hint = {});
  // The place of a key or value in a file: the node at path, or its
  // nearest ancestor that exists.
  Location at(const std::optional<SourceFile>& file, const YamlPath& path) const;
  Location at(const SourceFile& file, const YamlPath& path) const;
  // The place of a key of a note: in its file, or the note itself when
  // the file is not among the rules' inputs.
  Location at(const Note& note, const char* key) const;
  // A note's file, or nullptr; the notes' files are indexed by name on the
  // first call, so a finding per note costs no search of every file.
  const SourceFile* note_file(const Note& note) const;

  const Settings& settings;
  const Date& today;
  const ClientFiles& files;
  const ClientRecord& record;
  Speller* speller = nullptr;  // null: spelling is off, or no dictionary
  // The program's phrases for the writing rules; null: the built-in ones.
  const PhraseIndex* writing_phrases = nullptr;
  std::vector<Diagnostic> findings;

 private:
  mutable std::unordered_map<std::string, const SourceFile*> note_files_;
};

// Small text helpers the rule groups share.
bool is_blank(std::string_view text);
// A list with nothing in it: no items, or only blank ones (`strengths: [" "]`).
bool is_blank(const std::vector<std::string>& items);
std::string to_lower(std::string_view text);

// The writing rules' lists (language/*) out of all the lists, indexed
// once for a whole run.
PhraseIndex writing_phrases(const std::vector<WordList>& lists);

}  // namespace casekit
