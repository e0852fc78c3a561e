// `casekit plan --edit` and `casekit edit`: a plan or a client record
// written by hand as text, checked against the format and the rest of the
// record before it is written back.
#pragma once

#include <memory>
#include <string>

#include "record/case_folder.hpp"

namespace casekit {

// A plan as text, for editing by hand, with the client's lock held.
struct PlanText {
  std::unique_ptr<Lock> lock;
  fs::path path;
  std::string display;
  SourceText source;  // "created: today" when there is no plan yet
};
PlanText read_plan_text(const CaseFolder& folder, const std::string& id);
// Checks a plan written by hand against the format and the rest of the
// record; throws InvalidRecord with every problem. A date it brings in
// that no plan can hold (plausible.hpp) is refused unless `force`.
void check_plan_text(const CaseFolder& folder, const std::string& id, const std::string& text,
                     bool force = false);
// The same for client.yaml, the intake and assessment (`casekit edit`).
PlanText read_client_text(const CaseFolder& folder, const std::string& id);
void check_client_text(const CaseFolder& folder, const std::string& id, const std::string& text,
                       bool force = false);
// Writes it back, keeping the file's byte order mark and line ends.
void write_plan_text(const CaseFolder& folder, const PlanText& plan, const std::string& text);

}  // namespace casekit
