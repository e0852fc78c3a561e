// A finding about a record: what a validator or a check rule reports.
// Commands gather them all and report at once, sorted by place.
#pragma once

#include <string>
#include <vector>

#include "base/error.hpp"

namespace casekit {

enum class Severity { info, warning, error };

struct Diagnostic {
  Location location;
  Severity severity = Severity::error;
  std::string rule;     // e.g. "format/unknown-key"
  std::string message;  // what is wrong, in words a case worker uses
  std::string hint;     // how to fix it, when there is a clear fix
};

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
