#include "views/due_clients.hpp"

#include <ctime>

#include "record/client_cache.hpp"
#include "record/load.hpp"
#include "record/load_each.hpp"

namespace casekit {
namespace {

// The texts of an item, in the order the cache stores them.
std::array<std::string DueItem::*, 5> item_texts() {
  return {&DueItem::client, &DueItem::kind, &DueItem::key, &DueItem::what, &DueItem::command};
}

void put_items(std::string& out, const std::vector<DueItem>& items) {
  put_number(out, items.size());
  for (const auto& item : items) {
    for (auto field : item_texts()) put_text(out, item.*field);
    put_text(out, item.date.str());
  }
}

bool read_items(CacheReader& in, std::vector<DueItem>& items) {
  std::uint64_t n = 0;
  if (!in.number(n) || n > 1'000'000) return false;
  items.resize(n);
  std::string date;
  for (auto& item : items) {
    for (auto field : item_texts())
      if (!in.text(item.*field)) return false;
    std::optional<Date> parsed;
    if (!in.text(date) || !(parsed = Date::parse(date))) return false;
    item.date = *parsed;
  }
  return true;
}

// A client's due, read and made.
ClientDue read_client_due(const CaseFolder& folder, const SettingsByProfile& programs,
                          const DueOptions& options, RecordItems items, const std::string& id) {
  LoadedRecord loaded = load_record(folder, id);
  ClientDue due{id, loaded.valid(), {}, false, {}, {}};
  if (!loaded.valid()) {
    due.case_manager = loaded.readable_part().client.case_manager;
    return due;
  }
  const ClientRecord& record = *loaded.record;
  due.case_manager = record.client.case_manager;
  due.active = record.client.status == "active";
  due.items = items(record, programs.for_client(record.client.profile), options);
  due.review_items = review_due_items(loaded.files, options);
  return due;
}

}  // namespace

std::string due_cache_key(const CaseFolder& folder, const std::string& settings_text,
                          const DueOptions& options) {
  std::string key = cache_key_start("due");
  if (key.empty()) return {};
  key += "root " + fs::absolute(folder.root()).string() + '\n';
  key += "as of " + options.today.str() + '\n';
  key += "within " + std::to_string(options.within_days) + '\n';
  put_text(key, settings_text);
  return key;
}

std::string encode_client_due(const ClientDue& due) {
  std::string out;
  put_text(out, due.id);
  put_number(out, due.valid ? 1 : 0);
  put_text(out, due.case_manager);
  put_number(out, due.active ? 1 : 0);
  put_items(out, due.items);
  put_number(out, due.review_items.size());
  for (const auto& review : due.review_items) {
    put_text(out, review.reviewer);
    put_items(out, review.items);
  }
  return out;
}

std::optional<ClientDue> decode_client_due(std::string_view bytes) {
  CacheReader in(bytes);
  ClientDue due;
  std::uint64_t valid = 0, active = 0, reviews = 0;
  if (!in.text(due.id) || !in.number(valid) || valid > 1 || !in.text(due.case_manager) ||
      !in.number(active) || active > 1 || !read_items(in, due.items) || !in.number(reviews) ||
      reviews > bytes.size())
    return std::nullopt;
  due.valid = valid == 1;
  due.active = active == 1;
  due.review_items.resize(reviews);
  for (auto& review : due.review_items)
    if (!in.text(review.reviewer) || !read_items(in, review.items)) return std::nullopt;
  if (!in.done()) return std::nullopt;
  return due;
}

void each_client_due(const CaseFolder& folder, const DueOptions& options, RecordItems items,
                     const std::function<void(const ClientDue& due)>& visit) {
  std::int64_t started = std::time(nullptr);
  std::vector<Diagnostic> problems;
  SourceFile settings_file = folder.read_file(folder.settings_path(), FileKind::settings, problems);
  if (has_errors(problems)) throw InvalidRecord(problems);
  const SettingsByProfile programs(read_settings(settings_file.tree));
  std::vector<std::string> ids = folder.client_ids();
  std::optional<ClientCache> cache;
  if (options.use_cache) {
    std::string key = due_cache_key(folder, settings_file.source.text, options);
    if (!key.empty()) cache.emplace(folder.root(), "due", key);
  }
  ClientCache* kept = cache ? &*cache : nullptr;
  for_each_client<ClientDue>(
      ids,
      [&](const std::string& id) {
        return cached_or_made<ClientDue>(
            kept, folder.client_folder(id), id, started,
            [&] { return read_client_due(folder, programs, options, items, id); },
            encode_client_due, decode_client_due);
      },
      [&](const std::string&, ClientDue& due) { visit(due); });
  if (cache) cache->save(folder, &ids);
}

}  // namespace casekit
