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
//   a cache that cannot be written leaves check as it was;
// - memory stays flat at any size: the file is read once, through a small
//   buffer, to check its sum and note where each report is, and a report
//   is read when its client's turn comes; this run's reports wait in a
//   nameless 0600 file in the cache's folder, and the new cache is written
//   from both a piece at a time, then put in place by one rename.
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
#include "storage/beneath.hpp"

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
  // Where a kept report's bytes are: in the cache as read (loaded_) or in
  // this run's scratch file (fresh_); only this index is held, so memory
  // stays flat however many clients the cache knows (issue 18).
  struct Place {
    std::string digest;
    std::uint64_t offset = 0, size = 0;
    bool in_scratch = false;
  };
  void load();
  bool open_scratch();
  void write(ExportWriter& out, const std::map<std::string, const Place*>& entries) const;

  fs::path path_;
  std::string key_digest_;
  // The cache as read, open for the run: only read while workers run.
  // What this run adds and drops waits beside it, under the lock, until save().
  FileDescriptor file_;
  std::map<std::string, Place> loaded_;
  // This run's reports, in a file without a name in the cache's folder.
  FileDescriptor scratch_;
  std::uint64_t scratch_size_ = 0;
  bool scratch_tried_ = false;
  std::map<std::string, Place> fresh_;
  std::set<std::string> forgotten_;
  std::mutex lock_;
  // Something stands at the path that is not this key's cache: rewrite it.
  bool replace_file_ = false;
};

}  // namespace casekit
