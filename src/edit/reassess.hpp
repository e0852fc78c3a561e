// `casekit assess`: a dated reassessment (seed 003: reassess when the
// client's circumstances change). The new assessment becomes client.yaml's
// `assessment:`, which every rule reads; the one it replaces moves to the
// end of `earlier_assessments:`, oldest first, so nothing is lost. A record
// with one assessment is unchanged until it is reassessed.
#pragma once

#include <string>

#include "edit/client_edit.hpp"

namespace casekit {

// What `assess --edit` opens: the latest assessment as YAML, dated `date`,
// for the worker to change what changed.
std::string reassessment_text(const YamlNode& client, const std::string& date);

// Adds the assessment written in `text` (its keys, as under `assessment:`)
// as the latest. With `whole` (the editor, which opens on the whole latest
// assessment) a key the text leaves out is left out; else (--from) it
// carries over from the one before. `date` (--date), when not empty, is
// its date; else its own `date:`, else today. Refuses (nothing changed,
// the location in `source`) a text that is not an assessment, and a date
// before the latest one's.
void add_assessment(ClientEdit& edit, const std::string& text, const std::string& source,
                    const std::string& date, bool whole = false);

}  // namespace casekit
