// ClientChecker: casekit.yaml, the word lists and the speller, loaded once
// for many checks of single clients (the language server's).
#include "check/check_client.hpp"

#include "check/check.hpp"
#include "check/settings_findings.hpp"

namespace casekit {

ClientChecker::ClientChecker(const CaseFolder& folder) : folder_(folder) {
  std::vector<Diagnostic> problems;
  SourceFile file = folder.read_file(folder.settings_path(), FileKind::settings, problems);
  settings_text_ = file.source.text;
  if (has_errors(problems)) {
    settings_findings_ = std::move(problems);
    make_printable(settings_findings_);
    return;
  }
  Settings settings = read_settings(file.tree);
  settings_findings_ = check_settings(file, settings);
  settings_findings_.insert(settings_findings_.end(), problems.begin(), problems.end());
  make_printable(settings_findings_);
  bool unavailable = false;
  speller_ = open_speller(settings, unavailable);
  words_ = word_lists_with(settings.extra_words);
  phrases_.emplace(writing_phrases(words_));
  program_.emplace(settings);
}

ClientReport ClientChecker::check(const std::string& id, const Date& today) {
  CheckOptions options;
  options.today = today;
  options.clients = {id};
  return check_client(folder_, id, *program_, options, speller_.get(), *phrases_);
}

}  // namespace casekit
