// What `show` and `list` print: plain text for a terminal, built from the
// record model.
#pragma once

#include <string>
#include <vector>

#include "record/model.hpp"

namespace casekit {

// A readable summary of one record: needs, goals with milestones and
// status, services, referrals, signatures, last contact and next steps.
std::string render_show(const ClientRecord& record, const Date& today);

struct CaseloadRow {
  std::string id, name, status, case_manager, last_contact, next_review;
  bool valid = true;  // false when the record has format errors
};

CaseloadRow caseload_row(const ClientRecord& record);
// One line per client, in columns under a header.
std::string render_list(const std::vector<CaseloadRow>& rows);

}  // namespace casekit
