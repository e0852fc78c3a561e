#include "views/list_rows.hpp"

#include <doctest/doctest.h>

#include "folder_with_client.hpp"
#include "record/client_cache.hpp"

using namespace casekit;
using casekit::testing::TempFolder;

namespace {

CaseloadRow sample_row() {
  return {"ana-ruiz", "Ana Ru\xc3\xadz", "active", "Sam Lee", "2026-11-01", "-", false};
}

bool same(const CaseloadRow& a, const CaseloadRow& b) {
  return a.id == b.id && a.name == b.name && a.status == b.status &&
         a.case_manager == b.case_manager && a.last_contact == b.last_contact &&
         a.next_review == b.next_review && a.valid == b.valid;
}

std::vector<CaseloadRow> rows_of(const CaseFolder& folder, bool use_cache) {
  std::vector<CaseloadRow> rows;
  each_caseload_row(folder, use_cache, [&](const CaseloadRow& row) { rows.push_back(row); });
  return rows;
}

}  // namespace

TEST_CASE("list rows: a row comes back as it was kept; damaged bytes are no row") {
  std::string bytes = encode_row(sample_row());
  auto back = decode_row(bytes);
  REQUIRE(back.has_value());
  CHECK(same(*back, sample_row()));
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    CHECK_FALSE(decode_row(std::string_view(bytes).substr(0, cut)).has_value());
  CHECK_FALSE(decode_row(bytes + "x").has_value());
  std::string not_a_flag = bytes;
  not_a_flag[not_a_flag.size() - 8] = 2;
  CHECK_FALSE(decode_row(not_a_flag).has_value());
}

TEST_CASE("list rows: the key names the binary, the folder and casekit.yaml's stamp") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  std::string key = list_cache_key(folder);
  REQUIRE_FALSE(key.empty());
  CHECK(key.rfind("casekit list cache 1\n", 0) == 0);
  CHECK(list_cache_key(folder) == key);
  tmp.write("casekit.yaml", tmp.read("casekit.yaml") + "# another line\n");
  CHECK(list_cache_key(folder) != key);
}

TEST_CASE("list rows: a row kept under the client folder's stamp is served; another stamp is not") {
  TempFolder tmp;
  CaseFolder folder = casekit::testing::folder_with_client(tmp);
  std::vector<CaseloadRow> read = rows_of(folder, false);
  REQUIRE(read.size() == 1);
  CHECK(read[0].id == "ana-ruiz");
  // What a cache planted under the folder's stamp says is what list shows:
  // the rows come through the cache.
  auto stamp = stamp_client_folder(folder.client_folder("ana-ruiz"));
  REQUIRE(stamp.has_value());
  CaseloadRow planted = read[0];
  planted.name = "From The Cache";
  {
    ClientCache cache(folder.root(), "list", list_cache_key(folder));
    cache.keep("ana-ruiz", stamp->digest, encode_row(planted));
    cache.save(folder, nullptr);
  }
  CHECK(rows_of(folder, true)[0].name == "From The Cache");
  CHECK(same(rows_of(folder, false)[0], read[0]));
  // A file of the client changed: its stamp is another, and it is read again.
  tmp.write("clients/ana-ruiz/client.yaml", tmp.read("clients/ana-ruiz/client.yaml") + "\n");
  CHECK(same(rows_of(folder, true)[0], read[0]));
}
