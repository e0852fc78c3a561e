#include <doctest/doctest.h>

#include "casekit/error.hpp"
#include "casekit/share.hpp"

using namespace casekit;

namespace {

const Date kToday{2026, 11, 23};

ClientFiles client_sharing(const std::string& release) {
  ClientFiles files;
  files.id = "ana-lopez";
  SourceFile client;
  client.tree = parse_yaml(
      "id: ana-lopez\nname: Ana Lopez\ndate_of_birth: 2009-04-02\ncontact: {phone: 718-555-0100}\n"
      "assessment:\n  background: SECRET-BACKGROUND\n  needs:\n    - {id: N1, description: Needs a diploma.}\n"
      "consents:\n  - partner: Other Partner\n    shares: [contact]\n    signed: 2026-01-01\n" + release,
      "client.yaml");
  client.parsed = true;
  files.client = client;
  SourceFile plan;
  plan.tree = parse_yaml("created: 2026-09-10\n", "plan.yaml");
  plan.parsed = true;
  files.plan = plan;
  SourceFile note;
  note.tree = parse_yaml("date: 2026-11-20\nobjective: SECRET-NOTE\n", "note.yaml");
  note.parsed = true;
  files.notes.push_back(note);
  return files;
}

std::string refusal(std::vector<ClientFiles>& clients, const std::string& partner) {
  try {
    keep_shared(clients, partner, kToday);
  } catch (const Error& e) {
    return e.what();
  }
  return "no refusal";
}

}  // namespace

TEST_CASE("keep_shared keeps only what the release shares, and only that release") {
  std::vector<ClientFiles> clients{client_sharing("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-09-10\n")};
  CHECK(keep_shared(clients, "eastside", kToday).empty());
  const YamlNode& tree = clients[0].client->tree;
  CHECK(tree.find("date_of_birth") == nullptr);
  CHECK(tree.find("contact") == nullptr);
  CHECK(tree.find("assessment")->find("background") == nullptr);
  CHECK(tree.find("assessment")->find("needs")->items.size() == 1);
  CHECK(clients[0].plan.has_value());
  CHECK(clients[0].notes.empty());
  REQUIRE(tree.find("consents")->items.size() == 1);
  CHECK(tree.find("consents")->items[0].text_at("partner") == "Eastside");
}

TEST_CASE("keep_shared refuses releases not in force, saying why") {
  auto why = [](const std::string& release) {
    std::vector<ClientFiles> clients{client_sharing(release)};
    return refusal(clients, "Eastside");
  };
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n").find("not signed") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-12-01\n").find("later date") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n    expires: 2026-11-22\n")
            .find("expired on 2026-11-22") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n    revoked: 2026-11-01\n")
            .find("revoked on 2026-11-01") != std::string::npos);
  CHECK(why("  - partner: Eastside\n    signed: 2026-01-01\n").find("add `shares:`") != std::string::npos);
  CHECK(why("").find("no release of information with this partner") != std::string::npos);
}

TEST_CASE("keep_shared leaves out clients without a release and keeps the others") {
  std::vector<ClientFiles> clients{client_sharing(""),
                                   client_sharing("  - partner: Eastside\n    shares: [notes]\n    signed: 2026-09-10\n")};
  clients[1].id = "bo-chen";
  auto withheld = keep_shared(clients, "Eastside", kToday);
  REQUIRE(withheld.size() == 1);
  CHECK(withheld[0].client == "ana-lopez");
  REQUIRE(clients.size() == 1);
  CHECK(clients[0].id == "bo-chen");
  CHECK(clients[0].notes.size() == 1);
  CHECK_FALSE(clients[0].plan.has_value());
}

TEST_CASE("keep_shared follows the latest release with the partner") {
  std::vector<ClientFiles> clients{client_sharing("  - partner: Eastside\n    shares: [plan, notes]\n    signed: 2026-01-01\n"
                                                  "  - partner: Eastside\n    shares: [plan]\n    signed: 2026-06-01\n")};
  keep_shared(clients, "Eastside", kToday);
  CHECK(clients[0].notes.empty());
  std::vector<ClientFiles> revoked{client_sharing("  - partner: Eastside\n    shares: [plan]\n    signed: 2026-01-01\n"
                                                  "  - partner: Eastside\n    shares: [plan]\n    signed: 2026-06-01\n"
                                                  "    revoked: 2026-07-01\n")};
  CHECK(refusal(revoked, "Eastside").find("revoked on 2026-07-01") != std::string::npos);
}
