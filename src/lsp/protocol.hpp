// casekit's findings in the protocol's words: a Diagnostic as the editor
// shows it, and the ranges and edits code actions send.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "lsp/text.hpp"
#include "lsp/workspace.hpp"

namespace casekit::lsp {

using Json = nlohmann::json;

Json to_json(const Position& position);
Json to_json(const Range& range);
Position position_of(const Json& position);
Range range_of(const Json& range);

// Where the rule is explained: the man page's RULES, as SARIF's helpUri.
std::string rule_uri(const std::string& rule);

// Whether a rule's columns count bytes: the writing rules (language/*)
// find their phrases in the file's bytes.
bool column_in_bytes(const Diagnostic& finding);

// The range a finding covers in its file's text: over the flagged phrase
// when words.yaml knows it, else over the word or key at its column.
Range range_of(const Diagnostic& finding, std::string_view text);

// The protocol's Diagnostic. The hint goes in relatedInformation (at the
// finding's own place, which the protocol asks of it) when the editor
// shows that, else after the message.
Json to_json(const Diagnostic& finding, const FileFindings& file, bool related_information);

// The publishDiagnostics notification of a file.
Json publication(const FileFindings& file, bool related_information);

}  // namespace casekit::lsp
