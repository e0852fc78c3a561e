#include "export/fhir_bundle.hpp"

namespace casekit::fhir {

Json coding(const char* system, const std::string& code) {
  return {{"coding", {{{"system", system}, {"code", code}}}}};
}
Json text_concept(const std::string& text) {
  return {{"text", text}};
}
Json coded_concept(const char* system, const std::string& code, const std::string& display,
                   const std::string& text) {
  Json coding = {{"system", system}, {"code", code}};
  if (!display.empty()) coding["display"] = display;
  return {{"coding", Json::array({coding})}, {"text", text}};
}
Json period(const std::optional<Date>& start, const std::optional<Date>& end) {
  Json out = Json::object();
  if (start) out["start"] = start->str();
  if (end) out["end"] = end->str();
  return out;
}

}  // namespace casekit::fhir
