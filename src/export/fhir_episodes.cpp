#include "export/fhir_episodes.hpp"

namespace casekit {

nlohmann::ordered_json episode_of_care(const Client& client, const Episode& episode,
                                       const std::string& id,
                                       const nlohmann::ordered_json& patient) {
  nlohmann::ordered_json out = {{"resourceType", "EpisodeOfCare"},
                                {"id", id},
                                {"status", episode.closure.date ? "finished" : "active"},
                                {"patient", patient}};
  nlohmann::ordered_json period = nlohmann::ordered_json::object();
  if (episode.opened) period["start"] = episode.opened->str();
  if (episode.closure.date) period["end"] = episode.closure.date->str();
  if (!period.empty()) out["period"] = period;
  if (!client.case_manager.empty()) out["careManager"] = {{"display", client.case_manager}};
  return out;
}

}  // namespace casekit
