// The accounting of disclosures in FHIR (casekit-export(1), FHIR): one
// AuditEvent per entry, the way FHIR R4 records a disclosure (AuditEvent's
// scope names the accounting of disclosures; Provenance is about where a
// resource came from, not who was sent it).
#pragma once

#include <nlohmann/json.hpp>

#include "record/disclosures.hpp"

namespace casekit {

// The AuditEvent of one disclosure: the export (DICOM 110106) on its date
// and time, the person who sent it and the partner who received it as
// agents, casekit as the source, and the client and the release as
// entities, with the shares, format, SHA-256 of what was sent and the
// chain's hash as the release's details. `consent` is a reference to the
// release's Consent, or null when the record has no such release.
nlohmann::ordered_json audit_event(const Disclosure& disclosure, const std::string& id,
                                   const nlohmann::ordered_json& patient,
                                   const nlohmann::ordered_json& consent);

}  // namespace casekit
