#include <doctest/doctest.h>

#include "export/redact.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;

namespace {

ClientFiles client_with(const std::string& client_yaml) {
  ClientFiles files;
  files.id = "ana-lopez";
  SourceFile client;
  client.tree = parse_yaml(client_yaml, "client.yaml");
  client.parsed = true;
  files.client = client;
  return files;
}

std::string redacted_background(const std::string& background, Settings settings = {}) {
  std::vector<ClientFiles> clients{client_with(
      "id: ana-lopez\nname: Ana Lopez\nopened: 2026-09-01\nstatus: active\ncase_manager: Alicia "
      "Moreno\n"
      "date_of_birth: 2009-04-02\ncontact: {phone: 718-555-0100, email: ana@example.org}\n"
      "assessment:\n  background: \"" +
      background + "\"\n")};
  redact(clients, settings);
  return clients[0].client->tree.find("assessment")->text_at("background");
}

// The client: a name with an accent, a birth date in July, and the
// people her record names (an interpreter, a partner's doctor).
std::string redacted_rosa(const std::string& background) {
  std::vector<ClientFiles> clients{client_with(
      "id: rosa-maria-delgado\nname: Rosa María Delgado\nopened: 2026-09-01\nstatus: active\n"
      "case_manager: Alicia Moreno\ndate_of_birth: 2001-07-04\ncontact: {phone: (347) 555-0199}\n"
      "consents:\n  - partner: Dr. Faith Young, Lincoln Hospital Clinic\n"
      "assessment:\n  interpreter: Carmen Ruiz\n  background: \"" +
      background + "\"\n")};
  redact(clients, {});
  return clients[0].client->tree.find("assessment")->text_at("background");
}

}  // namespace

TEST_CASE("redact: the client and the case manager become pseudonyms, word by word") {
  CHECK(redacted_background("Ana Lopez met Alicia. Ana's plan; Lopez family.") ==
        "Client A met Case manager A. Client A's plan; Client A family.");
}

TEST_CASE("redact: contact details and birth dates leave the text too") {
  CHECK(redacted_background("Call 718-555-0100 or (347) 555-0199, write ana@example.org.") ==
        "Call [phone] or [phone], write [email].");
  CHECK(redacted_background("Born 2009-04-02; her son was born on 2024-01-05.") ==
        "Born [date of birth]; her son was born on [date of birth].");
  CHECK(redacted_background("Lives at 315 Brook Avenue, Apt 2D.") ==
        "Lives at [address], [address].");
}

TEST_CASE("redact: other capitalised words that are not dictionary words are names") {
  std::string out =
      redacted_background("Her aunt Yolanda drives her on Monday in March; she speaks Spanish.");
  CHECK(out.find("Yolanda") == std::string::npos);
  CHECK(out.find("[name]") != std::string::npos);
  CHECK(out.find("Monday in March; she speaks Spanish.") != std::string::npos);
}

TEST_CASE("redact: ids, acronyms and the program's services are kept") {
  Settings settings;
  settings.services = {"Tutoring at Eastside"};
  std::string out = redacted_background("G1 and N2: HSE classes, Tutoring at Eastside.", settings);
  CHECK(out == "G1 and N2: HSE classes, Tutoring at Eastside.");
}

TEST_CASE("redact: the record loses its birth date, contact and id") {
  std::vector<ClientFiles> clients{
      client_with("id: ana-lopez\nname: Ana Lopez\ndate_of_birth: 2009-04-02\n"
                  "contact: {phone: 718-555-0100}\npreferred_name: Annie\n")};
  redact(clients, {});
  const YamlNode& tree = clients[0].client->tree;
  CHECK(tree.text_at("id") == "client-a");
  CHECK(tree.text_at("name") == "Client A");
  CHECK(tree.find("date_of_birth") == nullptr);
  CHECK(tree.find("contact") == nullptr);
  CHECK(tree.find("preferred_name") == nullptr);
  CHECK(clients[0].id == "client-a");
}

TEST_CASE("redact: the issue's note loses every identifier") {
  CHECK(redacted_rosa("Maria said her DOB is 7/4/2001 (July 4th, 2001); SSN 123 45 6789; cell "
                      "555-0199; lives at "
                      "1450 grand concourse; her mother Grace Bell and son Hunter came.") ==
        "Client A said her DOB is [date of birth] ([date of birth]); SSN [id number]; cell "
        "[phone]; lives at "
        "[address]; her mother [name] and son [name] came.");
}

TEST_CASE("redact: names match without regard to case or accents, and in possessives") {
  CHECK(redacted_rosa("ROSA, maria and Delgado’s mother; María’s son.") ==
        "Client A, Client A and Client A’s mother; Client A’s son.");
}

TEST_CASE("redact: the birth date in every common written form; other dates stay") {
  CHECK(redacted_rosa("July 4, 2001; 4th of July 2001; 07-04-01; 2001/07/04; 4.7.2001; Jul. 4 '01; "
                      "20010704.") ==
        "[date of birth]; [date of birth]; [date of birth]; [date of birth]; [date of birth]; "
        "[date of birth]; "
        "[date of birth].");
  CHECK(redacted_rosa("Met on 2026-11-30 and on November 30, 2026.") ==
        "Met on 2026-11-30 and on November 30, 2026.");
}

// A year of birth tells the age as well as the date does.
TEST_CASE("redact: a year or month of birth after a birth word goes too") {
  CHECK(redacted_rosa("Born in 2001; b. 2001; born July 2001; her birth year is 2001; DOB: Jul., "
                      "2001; her son was born in 2019.") ==
        "Born in [date of birth]; b. [date of birth]; born [date of birth]; her birth year is "
        "[date of birth]; DOB: [date of birth]; her son was born in [date of birth].");
  // Near misses: a year far from a birth word, and other numbers after one.
  CHECK(redacted_rosa("She was born in the Bronx and moved in 2015. Born 5 weeks early.") ==
        "She was born in the [name] and moved in 2015. Born 5 weeks early.");
}

TEST_CASE("redact: phone numbers of 7 to 15 digits and SSNs with any separators") {
  CHECK(
      redacted_rosa("+1 347 555 0199, 347.555.0199, 5550199, +44 20 7946 0958, (718) 555-0143.") ==
      "[phone], [phone], [phone], [phone], [phone].");
  CHECK(redacted_rosa("SSN: 123456789; ssn 123 45 6789; 123.45.6789.") ==
        "SSN: [id number]; ssn [id number]; [id number].");
  CHECK(redacted_rosa("Met 45 minutes at 10:00 on 11/30.") == "Met 45 minutes at 10:00 on 11/30.");
}

TEST_CASE("redact: street addresses in any case, flats and program ids") {
  CHECK(redacted_rosa("apt 4B at 1450 grand concourse; 1450 Grand Concourse Ave.") ==
        "[address] at [address]; [address].");
  CHECK(redacted_rosa("Medicaid # AB12345C, CIN GH13579J, SNAP case 4417782, code 1EG4TE5MK72.") ==
        "Medicaid # [id number], CIN [id number], SNAP case [id number], code [id number].");
}

TEST_CASE("redact: people the record names are names everywhere, even when they are words") {
  CHECK(redacted_rosa("faith called; Dr. Young at Lincoln Hospital Clinic; carmen interpreted.") ==
        "[name] called; Dr. [name] at Lincoln Hospital Clinic; [name] interpreted.");
}

TEST_CASE(
    "redact: a capitalised word where a word would not have one is a name, in any case after") {
  CHECK(redacted_rosa("Her son Hunter came; hunter is 3. Grace left.") ==
        "Her son [name] came; [name] is 3. [name] left.");
  // At the start of a sentence a word the record also writes in lower case stays.
  CHECK(redacted_rosa("She left early. Early next week she returns.") ==
        "She left early. Early next week she returns.");
}
