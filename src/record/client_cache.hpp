// What a command made of an unchanged client, kept for its next run (issue
// 18): `check` keeps each client's report in .casekit/cache/check, `list`
// its row in .casekit/cache/list. A client's bytes are kept under the stamp
// of its folder (client_stamp.hpp), so an unchanged client costs a stat of
// its files instead of a read. A cache never changes a result:
// - an entry serves only a run whose key is the one it was made under
//   (each command's key names what its bytes depend on beyond the client's
//   own files, starting with the casekit binary: cache_key_start);
// - an entry is kept only when every file of the client is older, by a
//   whole second, than the run that made it, so an edit in the same second
//   (git's "racy" case) always shows in the stamp (keepable);
// - a cache that is damaged, foreign, from another version, not the
//   user's own file with mode 0600, or a link, is ignored and rebuilt, and
//   a cache that cannot be written leaves the command as it was;
// - memory stays flat at any size: the file is read once, through a small
//   buffer, to check its sum and note where each entry is, and an entry is
//   read when its client's turn comes; this run's entries wait in a
//   nameless 0600 file in the cache's folder, and the new cache is written
//   from both a piece at a time, then put in place by one rename.
// A cache holds what the records say: it is the user's alone.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "record/case_folder.hpp"
#include "record/client_stamp.hpp"
#include "storage/beneath.hpp"

namespace casekit {

// The bytes of an entry: numbers and texts as put_number and put_text
// write them, read back by CacheReader, whose every read checks the bounds
// so that damaged bytes only fail the reader.
void put_number(std::string& out, std::uint64_t n);
void put_text(std::string& out, std::string_view text);
void put_texts(std::string& out, const std::vector<std::string>& items);

class CacheReader {
 public:
  explicit CacheReader(std::string_view bytes) : bytes_(bytes) {}
  bool number(std::uint64_t& n);
  bool view(std::string_view& out);
  bool text(std::string& out);
  bool texts(std::vector<std::string>& out);
  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

// The start of every cache's key: the cache's name and layout, and the
// casekit binary that made it (its identity and times); empty when the
// binary cannot be told.
std::string cache_key_start(std::string_view name);
// A file's identity and times, or "none", as one line of a key: what
// tells a new dictionary or library from the one a cache was made with.
std::string file_stamp_line(const fs::path& path);

class ClientCache {
 public:
  // The cache `name` of the case folder at `root` when it was made under
  // `key`; empty otherwise.
  ClientCache(const fs::path& root, std::string name, const std::string& key);

  static fs::path path_in(const fs::path& root, std::string_view name);
  // Whether what was made from a folder with this stamp, in a run that
  // started at `started`, may be kept: its files are a whole second older
  // than the run (one second more for a file system's clock that lags).
  static bool keepable(const ClientStamp& stamp, std::int64_t started) {
    return stamp.newest < started - 1;
  }

  // The bytes kept for a client whose folder has this stamp.
  std::optional<std::string> find(const std::string& id, const std::string& digest) const;
  // Keeps the bytes made in this run; safe from several threads.
  void keep(const std::string& id, const std::string& digest, std::string_view payload);
  // A client made anew whose bytes cannot be kept (a racy or unstampable folder).
  void forget(const std::string& id);
  // Writes the cache when it changed, dropping the clients that are gone
  // when `all_ids` is every client. Never throws: a cache is optional.
  void save(const CaseFolder& folder, const std::vector<std::string>* all_ids);

 private:
  // Where a kept entry's bytes are: in the cache as read (loaded_) or in
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

  fs::path root_, path_;
  std::string name_, magic_, key_digest_;
  // The cache as read, open for the run: only read while workers run.
  // What this run adds and drops waits beside it, under the lock, until save().
  FileDescriptor file_;
  std::map<std::string, Place> loaded_;
  // This run's entries, in a file without a name in the cache's folder.
  FileDescriptor scratch_;
  std::uint64_t scratch_size_ = 0;
  bool scratch_tried_ = false;
  std::map<std::string, Place> fresh_;
  std::set<std::string> forgotten_;
  std::mutex lock_;
  // Something stands at the path that is not this key's cache: rewrite it.
  bool replace_file_ = false;
};

// A client's value from `cache` when its folder is as the cache knows it;
// else made by `make`, and kept when its folder is keepable. Without a
// cache, made. `decode` gives nullopt for bytes that are not a value.
template <typename Value, typename Make, typename Encode, typename Decode>
Value cached_or_made(ClientCache* cache, const fs::path& client_folder, const std::string& id,
                     std::int64_t started, Make make, Encode encode, Decode decode) {
  std::optional<ClientStamp> stamp;
  if (cache) stamp = stamp_client_folder(client_folder);
  if (stamp)
    if (auto bytes = cache->find(id, stamp->digest))
      if (std::optional<Value> found = decode(*bytes)) return std::move(*found);
  Value value = make();
  if (stamp && ClientCache::keepable(*stamp, started))
    cache->keep(id, stamp->digest, encode(value));
  else if (cache)
    cache->forget(id);
  return value;
}

}  // namespace casekit
