// The language of a printed record: the one --lang names, or the client's
// own. The seeds ask for the work to be done in the language the client
// speaks, so the pages they sign can be in it too.
#include <fmt/format.h>

#include "base/printable.hpp"
#include "export/export.hpp"
#include "export/fhir_codes.hpp"

namespace casekit {
namespace {

// The language the record keeps: the client's, else the assessment's.
const std::string& recorded_language(const Client& c) {
  return c.language.empty() ? c.assessment.language : c.language;
}

}  // namespace

PrintLabels print_labels(const ClientRecord& record, const RenderOptions& options) {
  const Translations& all = options.translations ? *options.translations : built_in_translations();
  const Labels& english = *all.find("en");
  if (options.lang != "client") {
    const Labels* labels = all.find(options.lang);
    return {labels ? *labels : english};
  }
  const std::string& language = recorded_language(record.client);
  if (language.empty())
    return {english, fmt::format("no language is recorded for {}, so its record is in English",
                                 record.client.id)};
  // A case worker writes "Spanish"; a program may have written "es".
  std::string code = language_tag(language).value_or(language);
  if (const Labels* labels = all.find(code)) return {*labels};
  return {english, fmt::format("there are no labels in {}, the language of {}, so its record is in "
                               "English; a case folder can add them, see LABELS in casekit(5)",
                               printable(language), record.client.id)};
}

}  // namespace casekit
