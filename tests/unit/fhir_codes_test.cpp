#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "export/export.hpp"
#include "export/fhir_codes.hpp"
#include "schema/settings.hpp"

using namespace casekit;

TEST_CASE("stable_uuid is the RFC 9562 name-based UUID, version 5, in the URL namespace") {
  // Python: uuid.uuid5(uuid.NAMESPACE_URL, "x")
  CHECK(stable_uuid("x") == "urn:uuid:4cd605e7-afa2-5360-b5b9-c5e9fb5c76f4");
  CHECK(stable_uuid("urn:casekit:a|Patient/ana-lopez") ==
        stable_uuid("urn:casekit:a|Patient/ana-lopez"));
  CHECK(stable_uuid("urn:casekit:a|Patient/ana-lopez") !=
        stable_uuid("urn:casekit:b|Patient/ana-lopez"));
}

TEST_CASE("a language name gets its BCP-47 tag, ignoring case and blanks; an unknown one none") {
  CHECK(language_tag("Spanish") == "es");
  CHECK(language_tag(" english ") == "en");
  CHECK(language_tag("Mandarin") == "zh");
  CHECK(language_tag("Chinese") == "zh");
  CHECK(language_tag("ARABIC") == "ar");
  CHECK_FALSE(language_tag("Klingon"));
  CHECK_FALSE(language_tag(""));
}

TEST_CASE("a need's domain gets the Gravity Project SDOH category where one fits") {
  CHECK(sdoh_category("housing")->code == "housing-instability");
  CHECK(sdoh_category("Food")->code == "food-insecurity");
  CHECK(sdoh_category("transportation")->code == "transportation-insecurity");
  CHECK(sdoh_category("income")->code == "financial-insecurity");
  CHECK(sdoh_category("employment")->display == "Employment Status");
  CHECK(sdoh_category("education")->code == "educational-attainment");
  CHECK_FALSE(sdoh_category("health"));
  CHECK_FALSE(sdoh_category("career"));
}

TEST_CASE("the identifier system: casekit.yaml's, or urn:casekit: and the program's slug") {
  Settings s;
  s.program = "Hunts Point Youth Pathways";
  CHECK(identifier_system(s) == "urn:casekit:hunts-point-youth-pathways");
  s.program = "  St. Ann's -- Family Services!  ";
  CHECK(identifier_system(s) == "urn:casekit:st-ann-s-family-services");
  s.program = "";
  CHECK(identifier_system(s) == "urn:casekit:program");
  s.fhir_identifier_system = "https://example.org/ids";
  CHECK(identifier_system(s) == "https://example.org/ids");
}

TEST_CASE("the FHIR Bundle: fullUrls, references by fullUrl and type, codes, the system") {
  ClientRecord r;
  r.client.id = "ana-lopez";
  r.client.name = "Ana Lopez";
  r.client.status = "active";
  r.client.language = "Spanish";
  Need need;
  need.id = "N1";
  need.domain = "housing";
  need.description = "Rent";
  r.client.assessment.needs.push_back(need);
  RenderOptions options;
  options.identifier_system = "https://example.org/ids";
  auto bundle = nlohmann::json::parse(export_fhir(r, options));
  const auto& patient = bundle["entry"][0];
  CHECK(patient["fullUrl"] == stable_uuid("https://example.org/ids|Patient/ana-lopez"));
  CHECK(patient["resource"]["identifier"][0]["system"] == "https://example.org/ids");
  CHECK(patient["resource"]["communication"][0]["language"]["coding"][0]["code"] == "es");
  const auto& condition = bundle["entry"][1]["resource"];
  CHECK(condition["subject"]["reference"] == patient["fullUrl"]);
  CHECK(condition["subject"]["type"] == "Patient");
  CHECK(condition["category"][0]["coding"][0]["code"] == "housing-instability");
  CHECK(condition["category"][0]["text"] == "housing need");
}
