// The codes the FHIR export adds to what a record says in words, from
// src/data/fhir_codes.yaml, and the stable urn:uuid names of its entries.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casekit {

struct FhirCode {
  std::string code, display;
};

// The BCP-47 tag of a language as case workers write it ("Spanish" -> es),
// or nothing for a name the table does not know.
std::optional<std::string> language_tag(std::string_view language);
// The Gravity Project SDOH category of a need's domain ("housing" ->
// housing-instability), or nothing where none fits.
std::optional<FhirCode> sdoh_category(std::string_view domain);
// A urn:uuid made from `name` alone (the identifier system, the resource
// type and its id), so exporting the same record again gives the same
// fullUrls: a name-based UUID (version 5).
std::string stable_uuid(std::string_view name);

}  // namespace casekit
