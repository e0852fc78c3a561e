#include <doctest/doctest.h>

#include "base/error.hpp"
#include "base/ids.hpp"

using namespace casekit;

TEST_CASE("client ids: lower-case letters, digits and dashes, at most 64") {
  CHECK(is_client_id("marcus-jones"));
  CHECK(is_client_id("a"));
  CHECK(is_client_id("client-2"));
  CHECK_FALSE(is_client_id(""));
  CHECK_FALSE(is_client_id("-x"));
  CHECK_FALSE(is_client_id("../x"));
  CHECK_FALSE(is_client_id("a/b"));
  CHECK_FALSE(is_client_id("/etc/passwd"));
  CHECK_FALSE(is_client_id("Marcus"));
  CHECK_FALSE(is_client_id(std::string("a\0b", 3)));
  CHECK(is_client_id(std::string(64, 'a')));
  CHECK_FALSE(is_client_id(std::string(65, 'a')));
}

TEST_CASE("client id from a name") {
  CHECK(client_id_from_name("Marcus Jones") == "marcus-jones");
  CHECK(client_id_from_name("  Ana  María O'Neil ") == "ana-maria-oneil");
  CHECK(client_id_from_name("José Núñez") == "jose-nunez");
  CHECK(client_id_from_name("Łukasz Żółć") == "lukasz-zolc");
  CHECK(client_id_from_name("Søren Æbelø") == "soren-aebelo");
  CHECK(client_id_from_name("Nguyễn Văn An") == "nguy-n-van-an");
  CHECK(client_id_from_name("Mr. T") == "mr-t");
  CHECK(client_id_from_name("...") == "");
  CHECK(client_id_from_name(std::string(100, 'x')).size() == 64);
}

TEST_CASE("item ids have a prefix and a number from 1") {
  CHECK(is_item_id("G1", 'G'));
  CHECK(is_item_id("N12", 'N'));
  CHECK_FALSE(is_item_id("G0", 'G'));
  CHECK_FALSE(is_item_id("G01", 'G'));
  CHECK_FALSE(is_item_id("N1", 'G'));
  CHECK_FALSE(is_item_id("G", 'G'));
  CHECK_FALSE(is_item_id("G1a", 'G'));
}

TEST_CASE("next item id is one past the highest in use, never a reused one") {
  CHECK(next_item_id('G', {}) == "G1");
  CHECK(next_item_id('G', {"G1", "G2", "N7"}) == "G3");
  // G2 was removed by hand but a note still refers to G3.
  CHECK(next_item_id('G', {"G1", "G3"}) == "G4");
}

TEST_CASE("after a hand-written G999999 there is no goal id left, and the error says so") {
  CHECK(next_item_id('G', {"G999998"}) == "G999999");
  CHECK_THROWS_WITH_AS(next_item_id('G', {"G1", "G999999"}),
                       "no goal id is left to give: this record uses G999999, and ids have at "
                       "most six digits",
                       Error);
  CHECK(next_item_id('S', {"G999999"}) == "S1");
}
