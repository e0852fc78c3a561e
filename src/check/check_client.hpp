// One client checked on its own. `casekit check` runs check_client for
// each client of a run; the language server keeps a ClientChecker, so that
// casekit.yaml, the word lists and the speller are read once, not per edit.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "check/results.hpp"
#include "record/case_folder.hpp"
#include "schema/settings.hpp"
#include "words/speller.hpp"
#include "words/word_lists.hpp"

namespace casekit {

// Declared in check.hpp: the engine there includes this header, not the
// other way round.
struct CheckOptions;

ClientReport check_client(const CaseFolder& folder, const std::string& id,
                          const SettingsByProfile& program, const CheckOptions& options,
                          Speller* speller, const PhraseIndex& phrases);
// The dictionary, with casekit.yaml's `dictionary:`; null when spelling is
// off or no dictionary is installed (`unavailable` says which).
std::unique_ptr<Speller> open_speller(const Settings& settings, bool& unavailable);

// What stays loaded between checks of single clients. It reads casekit.yaml
// through the folder's file system, so an editor's unsaved text of it counts.
class ClientChecker {
 public:
  explicit ClientChecker(const CaseFolder& folder);
  ClientChecker(const ClientChecker&) = delete;
  ClientChecker& operator=(const ClientChecker&) = delete;

  // False when casekit.yaml has an error: no client can be checked then.
  bool usable() const { return program_.has_value(); }
  // casekit.yaml's own findings: its format problems, or its settings'.
  const std::vector<Diagnostic>& settings_findings() const { return settings_findings_; }
  // casekit.yaml's text as read, to tell whether it changed since.
  const std::string& settings_text() const { return settings_text_; }
  const Settings* settings() const { return usable() ? &program_->folder() : nullptr; }
  // The speller, or null (spelling off, or no dictionary installed).
  Speller* speller() { return speller_.get(); }
  // The client's findings as `casekit check CLIENT` gives them; needs usable().
  ClientReport check(const std::string& id, const Date& today);

 private:
  const CaseFolder& folder_;
  std::string settings_text_;
  std::vector<Diagnostic> settings_findings_;
  std::optional<SettingsByProfile> program_;
  std::unique_ptr<Speller> speller_;
  // The phrase index points into the lists: both stay where they are.
  std::vector<WordList> words_;
  std::optional<PhraseIndex> phrases_;
};

}  // namespace casekit
