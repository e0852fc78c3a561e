#include "views/due_clients.hpp"

#include <doctest/doctest.h>

#include "folder_with_client.hpp"
#include "record/client_cache.hpp"
#include "views/due.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

DueItem item(std::string kind, const char* date) {
  return {
      "ana-ruiz",         std::move(kind),        "G1.2", "call the landlord \xe2\x80\x94 again",
      *Date::parse(date), "casekit note ana-ruiz"};
}

ClientDue sample_due() {
  return {"ana-ruiz",
          true,
          "Sam Lee",
          true,
          {item("milestone", "2026-11-20"), item("review", "2026-12-01")},
          {{"Ruth Adler", {item("coaching", "2026-11-28")}}, {"Ruth Adler", {}}}};
}

std::string shown(const std::vector<DueItem>& items) {
  std::string out;
  for (const auto& i : items)
    out += i.client + '|' + i.kind + '|' + i.key + '|' + i.what + '|' + i.date.str() + '|' +
           i.command + '\n';
  return out;
}

bool same(const ClientDue& a, const ClientDue& b) {
  if (a.review_items.size() != b.review_items.size()) return false;
  for (std::size_t i = 0; i < a.review_items.size(); ++i)
    if (a.review_items[i].reviewer != b.review_items[i].reviewer ||
        shown(a.review_items[i].items) != shown(b.review_items[i].items))
      return false;
  return a.id == b.id && a.valid == b.valid && a.case_manager == b.case_manager &&
         a.active == b.active && shown(a.items) == shown(b.items);
}

std::vector<ClientDue> dues_of(const CaseFolder& folder, DueOptions options, bool use_cache) {
  std::vector<ClientDue> all;
  options.use_cache = use_cache;
  each_client_due(folder, options, due_items, [&](const ClientDue& due) { all.push_back(due); });
  return all;
}

}  // namespace

TEST_CASE("due clients: a client's due comes back as it was kept; damaged bytes are none") {
  std::string bytes = encode_client_due(sample_due());
  auto back = decode_client_due(bytes);
  REQUIRE(back.has_value());
  CHECK(same(*back, sample_due()));
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    CHECK_FALSE(decode_client_due(std::string_view(bytes).substr(0, cut)).has_value());
  CHECK_FALSE(decode_client_due(bytes + "x").has_value());
  // A date that is not one is no item.
  std::string bad_date = bytes;
  bad_date.replace(bad_date.find("2026-11-20"), 10, "2026-13-40");
  CHECK_FALSE(decode_client_due(bad_date).has_value());
}

TEST_CASE("due clients: the key names the day, the window and casekit.yaml") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  DueOptions options;
  options.today = *Date::parse("2026-11-23");
  std::string key = due_cache_key(folder, "program: A\n", options);
  REQUIRE_FALSE(key.empty());
  CHECK(key.rfind("casekit due cache 1\n", 0) == 0);
  CHECK(due_cache_key(folder, "program: A\n", options) == key);
  CHECK(due_cache_key(folder, "program: B\n", options) != key);
  DueOptions later = options;
  later.today = *Date::parse("2026-11-24");
  CHECK(due_cache_key(folder, "program: A\n", later) != key);
  DueOptions wider = options;
  wider.within_days = 30;
  CHECK(due_cache_key(folder, "program: A\n", wider) != key);
  // The filters are applied after the cache: the same key.
  DueOptions filtered = options;
  filtered.case_manager = "Sam Lee";
  filtered.reviewer = "Ruth Adler";
  CHECK(due_cache_key(folder, "program: A\n", filtered) == key);
}

TEST_CASE("due clients: a due kept under the client folder's stamp is served; another is not") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  DueOptions options;
  options.today = *Date::parse("2026-11-23");
  std::vector<ClientDue> read = dues_of(folder, options, false);
  REQUIRE(read.size() == 1);
  CHECK(read[0].id == "ana-ruiz");
  auto stamp = stamp_client_folder(folder.client_folder("ana-ruiz"));
  REQUIRE(stamp.has_value());
  ClientDue planted = read[0];
  planted.case_manager = "From The Cache";
  std::string settings = tmp.read("casekit.yaml");
  {
    ClientCache cache(folder.root(), "due", due_cache_key(folder, settings, options));
    cache.keep("ana-ruiz", stamp->digest, encode_client_due(planted));
    cache.save(folder, nullptr);
  }
  CHECK(dues_of(folder, options, true)[0].case_manager == "From The Cache");
  CHECK(same(dues_of(folder, options, false)[0], read[0]));
  // Another day is another key: read again.
  DueOptions later = options;
  later.today = *Date::parse("2026-11-24");
  CHECK(dues_of(folder, later, true)[0].case_manager != "From The Cache");
  tmp.write("clients/ana-ruiz/client.yaml", tmp.read("clients/ana-ruiz/client.yaml") + "\n");
  CHECK(same(dues_of(folder, options, true)[0], read[0]));
}
