// What casekit check found, as the reporters take it: the findings of each
// client and of the case folder. The engine (check.hpp) makes it; a
// reporter needs only this, so a new format does not compile against the
// engine, the case folder or the YAML editor.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "findings/diagnostic.hpp"

namespace casekit {

// The findings about one client, and what it takes to show them.
struct ClientReport {
  std::string id;
  std::vector<Diagnostic> findings;
  std::vector<std::string> rules_run = {};  // rule ids that applied to this record
  std::vector<std::string> goal_ids = {};   // the plan's short-term goals, in order
  bool has_plan = false;
  std::map<std::string, std::string> sources = {};  // file -> text, when CheckOptions::keep_sources
  std::vector<std::string> note_files = {};         // the notes' file names, oldest first
};

struct CheckResult {
  std::vector<Diagnostic> folder_findings;  // casekit.yaml
  bool spelling_unavailable = false;        // wanted, but no dictionary is installed
  // Findings of clients handed to CheckOptions::on_client instead of kept:
  // errors, warnings, infos.
  std::array<std::size_t, 3> streamed = {};
  std::size_t clients_checked = 0;
  // Only check_and_keep (check.hpp) fills it, for a test or a client or
  // two; a report built by hand for a reporter's test too.
  std::vector<ClientReport> clients;
  std::map<std::string, std::string> sources;  // file -> text, when CheckOptions::keep_sources

  std::size_t count(Severity at_least) const;
};

}  // namespace casekit
