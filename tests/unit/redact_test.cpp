#include <doctest/doctest.h>

#include "casekit/redact.hpp"
#include "casekit/yaml_tree.hpp"

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
      "id: ana-lopez\nname: Ana Lopez\nopened: 2026-09-01\nstatus: active\ncase_manager: Alicia Moreno\n"
      "date_of_birth: 2009-04-02\ncontact: {phone: 718-555-0100, email: ana@example.org}\n"
      "assessment:\n  background: \"" + background + "\"\n")};
  redact(clients, settings);
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
  CHECK(redacted_background("Lives at 315 Brook Avenue, Apt 2D.") == "Lives at [address], Apt 2D.");
}

TEST_CASE("redact: other capitalised words that are not dictionary words are names") {
  std::string out = redacted_background("Her aunt Yolanda drives her on Monday in March; she speaks Spanish.");
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
  std::vector<ClientFiles> clients{client_with("id: ana-lopez\nname: Ana Lopez\ndate_of_birth: 2009-04-02\n"
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
