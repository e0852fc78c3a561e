// A finding about a record: what a validator or a check rule reports.
// Commands gather them all and report at once, sorted by place.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace casekit {

enum class Severity { info, warning, error };

// What a finding is about beyond its place: an item of the record by its
// id, or a note by its file name. Reporters group by it (the checklist's
// block per goal) instead of reading it back out of the message.
enum class SubjectKind { none, need, goal, service, referral, note };
struct Subject {
  SubjectKind kind = SubjectKind::none;
  std::string id;  // "G2", "S4", "N1", "R1", or a note's file name

  bool operator==(const Subject&) const = default;
};

// Made by report() (finding_sink.hpp), which takes the severity from the
// rule catalogue; `casekit.yaml`'s `rules:` may change it later.
struct Diagnostic {
  Location location;
  Severity severity = Severity::error;
  std::string rule;     // e.g. "format/unknown-key"
  std::string message;  // what is wrong, in words a case worker uses
  std::string hint;     // how to fix it, when there is a clear fix
  Subject subject = {};
};

// How many errors and warnings a client's findings hold (the caseload
// page shows them).
struct FindingCounts {
  std::size_t errors = 0, warnings = 0;
};
FindingCounts count_findings(const std::vector<Diagnostic>& diagnostics);

std::string to_string(Severity severity);
// "file:line:col: error: message (hint) [rule]"
std::string format_diagnostic(const Diagnostic& d);
// "error: file:line:col: message (hint) [rule]", for a command that refuses
// to change a record; `casekit: ` goes in front.
std::string format_refusal(const Diagnostic& d);
// Whether a value found in a record may be quoted in a message: only a
// short word or date. A value in the wrong place may be a sentence about
// the client, and messages end up in CI logs.
bool showable(const std::string& value);
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);
bool has_errors(const std::vector<Diagnostic>& diagnostics);
// Each finding's file name, message and hint made printable (printable.hpp):
// findings quote keys, values and file names, and every format prints them.
void make_printable(std::vector<Diagnostic>& diagnostics);

}  // namespace casekit
