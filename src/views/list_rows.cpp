#include "views/list_rows.hpp"

#include <ctime>

#include "record/client_cache.hpp"
#include "record/load_each.hpp"

namespace casekit {
namespace {

// The fields of a row, in the order the cache stores them.
std::array<std::string CaseloadRow::*, 6> row_texts() {
  return {&CaseloadRow::id,           &CaseloadRow::name,         &CaseloadRow::status,
          &CaseloadRow::case_manager, &CaseloadRow::last_contact, &CaseloadRow::next_review};
}

// A client's row, read: what can be read of a record with errors too.
CaseloadRow read_row(const CaseFolder& folder, const std::string& id) {
  LoadedRecord loaded = load_listing(folder, id);
  CaseloadRow row = caseload_row(loaded.record ? *loaded.record : to_listing_record(loaded.files));
  row.id = id;
  row.valid = loaded.valid();
  return row;
}

}  // namespace

// A row is made of the client's files alone (no date, no setting): the
// binary that made it and where the folder is are all the key holds, with
// casekit.yaml's stamp so that no change of the settings is ever missed.
std::string list_cache_key(const CaseFolder& folder) {
  std::string key = cache_key_start("list");
  if (key.empty()) return {};
  key += "root " + fs::absolute(folder.root()).string() + '\n';
  key += file_stamp_line(folder.settings_path());
  return key;
}

std::string encode_row(const CaseloadRow& row) {
  std::string out;
  for (auto field : row_texts()) put_text(out, row.*field);
  put_number(out, row.valid ? 1 : 0);
  return out;
}

std::optional<CaseloadRow> decode_row(std::string_view bytes) {
  CacheReader in(bytes);
  CaseloadRow row;
  std::uint64_t valid = 0;
  for (auto field : row_texts())
    if (!in.text(row.*field)) return std::nullopt;
  if (!in.number(valid) || valid > 1 || !in.done()) return std::nullopt;
  row.valid = valid == 1;
  return row;
}

void each_caseload_row(const CaseFolder& folder, bool use_cache,
                       const std::function<void(const CaseloadRow& row)>& visit) {
  std::int64_t started = std::time(nullptr);
  std::vector<std::string> ids = folder.client_ids();
  std::optional<ClientCache> cache;
  if (use_cache) {
    std::string key = list_cache_key(folder);
    if (!key.empty()) cache.emplace(folder.root(), "list", key);
  }
  ClientCache* kept = cache ? &*cache : nullptr;
  for_each_client<CaseloadRow>(
      ids,
      [&](const std::string& id) {
        return cached_or_made<CaseloadRow>(
            kept, folder.client_folder(id), id, started, [&] { return read_row(folder, id); },
            encode_row, decode_row);
      },
      [&](const std::string&, CaseloadRow& row) { visit(row); });
  if (cache) cache->save(folder, &ids);
}

}  // namespace casekit
