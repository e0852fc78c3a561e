// The warm re-check (issue 18): `casekit check` keeps each client's report
// in .casekit/cache/check, under the stamp of the client's folder
// (client_stamp.hpp), so an unchanged client costs a stat of its files
// instead of a read. The cache never changes a result:
// - an entry serves only a run whose key is the one it was made under: the
//   casekit binary, casekit.yaml's text, the dictionary's files, the date
//   checked as of, the folder as messages name it, and the options that
//   change what a report holds;
// - an entry is kept only when every file of the client is older, by a
//   whole second, than the run that made it, so an edit in the same second
//   (git's "racy" case) always shows in the stamp;
// - a cache that is damaged, foreign, from another version, not the
//   user's own file with mode 0600, or a link, is ignored and rebuilt, and
//   a cache that cannot be written leaves check as it was.
// The cache holds findings, which quote records: it is the user's alone.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/results.hpp"
#include "record/case_folder.hpp"

namespace casekit {

struct CheckOptions;

// What a cached report depends on beyond the client's own files, as one
// text; empty when the run must not use a cache.
std::string check_cache_key(const CaseFolder& folder, const Settings& settings,
                            const std::string& settings_text, const CheckOptions& options);

// A report as the cache stores it, and back; nullopt for bytes that are not one.
std::string encode_report(const ClientReport& report);
std::optional<ClientReport> decode_report(const std::string& id, std::string_view bytes);

class CheckCache {
 public:
  // The cache at `path` when it was made under `key`; empty otherwise.
  CheckCache(fs::path path, const std::string& key);

  // The report of a client whose folder has this stamp, when kept.
  std::optional<ClientReport> find(const std::string& id, const std::string& digest) const;
  // Keeps a report made in this run; safe from several workers.
  void keep(const std::string& id, const std::string& digest, const ClientReport& report);
  // A client checked anew whose report cannot be kept (a racy or unstampable folder).
  void forget(const std::string& id);
  // Writes the cache when it changed, dropping the clients that are gone
  // when `all_ids` is every client. Never throws: a cache is optional.
  void save(const CaseFolder& folder, const std::vector<std::string>* all_ids);

  static fs::path path_in(const fs::path& root);

 private:
  struct Entry {
    std::string digest, payload;
  };
  struct View {
    std::string_view digest, payload;
  };
  std::string serialize(const std::map<std::string, View>& entries) const;
  void load();

  fs::path path_;
  std::string key_digest_;
  // As read: only read while workers run. What this run adds and drops
  // waits beside it, under the lock, until save().
  // The file as read; loaded_ points into it, so a large cache is held once.
  std::string bytes_;
  std::map<std::string, View> loaded_;
  std::map<std::string, Entry> fresh_;
  std::set<std::string> forgotten_;
  std::mutex lock_;
  // Something stands at the path that is not this key's cache: rewrite it.
  bool replace_file_ = false;
};

}  // namespace casekit
