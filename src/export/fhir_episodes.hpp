// FHIR EpisodeOfCare resources: one per episode of care of a client (each
// earlier episode under `episodes:`, then the current one), so a reopened
// case sends its whole history.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "record/model.hpp"

namespace casekit {

// The EpisodeOfCare of `episode`, with resource id `id`, for the patient
// `patient` (a Reference). Finished once closed, else active.
nlohmann::ordered_json episode_of_care(const Client& client, const Episode& episode,
                                       const std::string& id,
                                       const nlohmann::ordered_json& patient);

}  // namespace casekit
