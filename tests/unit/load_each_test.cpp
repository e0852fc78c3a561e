#include "record/load_each.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace casekit;

namespace {

std::vector<std::string> ids_up_to(int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("client-" + std::to_string(i));
  return ids;
}

}  // namespace

TEST_CASE("for_each_client: every result is visited once, in the order of the ids") {
  for (int n : {0, 1, 16, 17, 500}) {
    std::vector<std::string> ids = ids_up_to(n), visited;
    std::atomic<int> worked{0};
    for_each_client<std::string>(
        ids,
        [&](const std::string& id) {
          ++worked;
          return id + "!";
        },
        [&](const std::string& id, std::string& result) {
          CHECK(result == id + "!");
          visited.push_back(id);
        });
    CHECK(visited == ids);
    CHECK(worked == n);
  }
}

TEST_CASE("for_each_client: a failure comes at its turn, after the clients before it") {
  std::vector<std::string> ids = ids_up_to(100), visited;
  auto work = [](const std::string& id) {
    if (id == "client-40") throw std::runtime_error("client-40 could not be read");
    return 1;
  };
  auto visit = [&](const std::string& id, int&) { visited.push_back(id); };
  CHECK_THROWS_WITH(for_each_client<int>(ids, work, visit), "client-40 could not be read");
  CHECK(visited == std::vector<std::string>(ids.begin(), ids.begin() + 40));
}

TEST_CASE("for_each_client: a visit that throws stops the workers") {
  std::vector<std::string> ids = ids_up_to(1000);
  std::atomic<int> worked{0};
  auto work = [&](const std::string&) { return ++worked; };
  auto visit = [](const std::string& id, int&) {
    if (id == "client-3") throw std::runtime_error("stop");
  };
  CHECK_THROWS_WITH(for_each_client<int>(ids, work, visit), "stop");
  // The workers run at most a few clients ahead of the visit.
  CHECK(worked < 50);
}
