#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "record/plan_digest.hpp"

using namespace casekit;

namespace {

std::string digest(const char* text) {
  return plan_digest(parse_yaml(text, "plan.yaml"));
}

const char* const kPlan =
    "created: 2026-09-24\n"
    "short_term_goals:\n"
    "  - id: G1\n"
    "    statement: Marcus will pass.\n"
    "    status: active\n"
    "    milestones:\n"
    "      - step: Enroll\n"
    "        due: 2026-10-02\n"
    "signatures:\n"
    "  client: {date: 2026-09-24}\n";

}  // namespace

TEST_CASE("plan digest: layout, comments, quoting and key order do not change it") {
  std::string d = digest(kPlan);
  CHECK(d.rfind("sha256:", 0) == 0);
  CHECK(d.size() == 7 + 64);
  CHECK(digest("# a comment\n"
               "short_term_goals:\n"
               "- statement: \"Marcus will pass.\"\n"
               "  id: G1\n"
               "  milestones: [{step: Enroll, due: '2026-10-02'}]\n"
               "  status: achieved\n"
               "created: 2026-09-24\n") == d);
}

TEST_CASE("plan digest: signatures, reviews and progress are not part of it") {
  std::string d = digest(kPlan);
  std::string plan = kPlan;
  CHECK(digest((plan + "reviewed: 2026-12-01\nnext_review: 2027-03-01\n").c_str()) == d);
  std::string done = plan;
  done.replace(done.find("        due: 2026-10-02\n"), 0, "        done: 2026-10-01\n");
  CHECK(digest(done.c_str()) == d);
}

TEST_CASE("plan digest: a change to what was agreed changes it") {
  std::string d = digest(kPlan);
  std::string plan = kPlan;
  std::string changed = plan;
  changed.replace(changed.find("Enroll"), 6, "Enrol in class");
  CHECK(digest(changed.c_str()) != d);
  CHECK(digest((plan + "exit_plan: Leaves with a job.\n").c_str()) != d);
  // Length prefixes keep different splits of the same characters apart.
  CHECK(digest("a: bc\n") != digest("ab: c\n"));
}

TEST_CASE(
    "plan digest: the sample plan signed in an earlier version still has the digest it was signed "
    "with") {
  // Signed plans carry the digest, so the canonical text may never change.
  std::ifstream in(std::string(CASEKIT_SOURCE_DIR) +
                   "/examples/caseload/clients/marcus-jones/plan.yaml");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(plan_digest(parse_yaml(text.str(), "plan.yaml")) ==
        "sha256:8abc4f3ccbd2ddbad821fda974b4f0b4f32ec8680d8e34cfe8c6d07d8b7965a0");
}
