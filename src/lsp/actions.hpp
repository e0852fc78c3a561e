// What the editor offers on a finding: the quick fixes (code actions) and
// the rule's explanation on hover. Every edit is made on the buffer's text
// and kept only when the text still parses to what was meant: a fix never
// breaks a record.
#pragma once

#include "lsp/protocol.hpp"

namespace casekit::lsp {

// The code actions for the findings of `file` on the lines of `range`:
// suppress the rule on its line; replace a flagged phrase with each of
// words.yaml's `replace_with:` wordings; a misspelt word's suggestion, and
// adding the word to casekit.yaml's `dictionary:` (an edit of casekit.yaml,
// which the editor applies and the worker saves); a missing S.O.A.P.D.
// section of a note, from `casekit note --edit`'s template.
Json code_actions(const FileFindings& file, const Range& range, FolderSession& session,
                  bool related_information);

// The hover at a place: for a finding there, its message, hint and rule's
// explanation (`casekit check --explain`); for a rule id written there (a
// suppression comment), the explanation; else null.
Json hover(const FileFindings* file, std::string_view text, const Position& at);

}  // namespace casekit::lsp
