#include <doctest/doctest.h>

#include "schema/key_docs.hpp"

using namespace casekit;

TEST_CASE("key docs: a key's paragraph of casekit(5), as plain text") {
  CHECK(key_description("plan", "created") ==
        "The date the plan was first written with the client.");
  // Escapes and font requests: \(aq, \- and `.BR casekit\-attach (1).`.
  CHECK(key_description("client", "documents") ==
        "The files kept in the client's documents/ folder, one entry each; written by "
        "casekit-attach(1). See DOCUMENTS.");
}

TEST_CASE("key docs: two shapes in one section, and keys of the same name in other shapes") {
  CHECK(key_description("signature", "date") == "The date signed.");
  CHECK(key_description("signatures", "case_manager") == "The case manager's signature.");
  CHECK(key_description("need", "id").find("N1") != std::string::npos);
}

TEST_CASE("key docs: nothing for a key or shape the page does not have") {
  CHECK(key_description("plan", "no_such_key").empty());
  CHECK(key_description("no_such_shape", "id").empty());
  CHECK(shape_description("no_such_shape").empty());
}

TEST_CASE("key docs: quoted font arguments keep their spaces, and only closing marks are glued") {
  std::string rules = key_description("settings", "rules");
  CHECK(rules.find("as listed by casekit-check(1) (casekit check --list-rules), and") !=
        std::string::npos);
  std::string review = key_description("settings", "plan_review_days");
  CHECK(review.find("with the client. \"Case plans") != std::string::npos);
}

TEST_CASE("key docs: a shape that names its keys in its opening paragraph") {
  CHECK(key_description("words", "over-promise").rfind("Each key is a list of phrases", 0) == 0);
  CHECK(key_description("disclosures", "disclosures").find("Its one key is disclosures") !=
        std::string::npos);
}
