// The templates `--edit` opens. Lines starting with "# casekit-edit:" are
// instructions that the editor loop removes (src/cli/editor.cpp).
#pragma once

#include <string>

namespace casekit {

// The template `new-client --edit` opens: the desk guide's assessment
// questions as comments above the keys they fill.
std::string client_template();
// The template `note --edit` opens, with the S.O.A.P.D. prompts.
std::string note_template(const std::string& date, const std::string& time);
// What `casekit edit` puts above an existing record for PART (intake,
// assessment or plan; `assess --edit` asks for reassessment): how to save, and the desk guide's
// questions, as lines the editor loop removes.
std::string edit_guide(const std::string& part);

}  // namespace casekit
