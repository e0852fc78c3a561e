#include "record/client_cache.hpp"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "record/private_area.hpp"

namespace casekit {
namespace {

// A new layout of the file, or a new meaning of a field, changes this.
constexpr std::string_view kLayout = " cache 1\n";
// Far larger than any caseload's; a larger file is not one of ours.
constexpr std::size_t kMaxBytes = std::size_t{4} << 30;

std::string sha256(std::string_view text) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, text.size(), reinterpret_cast<const uint8_t*>(text.data()));
  std::string digest(SHA256_DIGEST_SIZE, '\0');
  sha256_digest(&context, SHA256_DIGEST_SIZE, reinterpret_cast<uint8_t*>(digest.data()));
  return digest;
}

// The cache, open, when the file is a plain file of the user's own with
// mode 0600, reached without following a link; its size in `size`.
FileDescriptor open_own_file(const fs::path& path, std::uint64_t& size) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_uid != ::geteuid() || (st.st_mode & 07777) != 0600 ||
      static_cast<std::uint64_t>(st.st_size) > kMaxBytes)
    return FileDescriptor();
  size = static_cast<std::uint64_t>(st.st_size);
  return fd;
}

// Exactly `size` bytes at `offset`, or false.
bool read_at(int fd, std::uint64_t offset, char* out, std::size_t size) {
  for (std::size_t got = 0; got < size;) {
    ssize_t n = ::pread(fd, out + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads a file front to back through a small buffer, hashing every byte
// it passes, so that a cache of any size is checked and indexed without
// being held (issue 18). Every read checks the bounds, as Reader's do.
class FileScan {
 public:
  FileScan(int fd, std::uint64_t end) : fd_(fd), end_(end) { sha256_init(&sum_); }
  std::uint64_t offset() const { return offset_; }
  bool bytes(std::size_t n, std::string* out) {
    if (n > end_ - offset_) return false;
    while (n > 0) {
      if (at_ == buffer_.size() && !refill()) return false;
      std::size_t take = std::min(n, buffer_.size() - at_);
      sha256_update(&sum_, take, reinterpret_cast<const uint8_t*>(buffer_.data() + at_));
      if (out) out->append(buffer_, at_, take);
      at_ += take;
      offset_ += take;
      n -= take;
    }
    return true;
  }
  bool number(std::uint64_t& n) {
    std::string raw;
    if (!bytes(8, &raw)) return false;
    return CacheReader(raw).number(n);
  }
  bool text(std::string& out, std::uint64_t& size) {
    return number(size) && size <= end_ - offset_ && bytes(static_cast<std::size_t>(size), &out);
  }
  std::string digest() {
    std::string digest(SHA256_DIGEST_SIZE, '\0');
    sha256_digest(&sum_, SHA256_DIGEST_SIZE, reinterpret_cast<uint8_t*>(digest.data()));
    return digest;
  }

 private:
  bool refill() {
    std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, end_ - offset_));
    buffer_.resize(want);
    at_ = 0;
    return want > 0 && read_at(fd_, offset_, buffer_.data(), want);
  }
  static constexpr std::size_t kPiece = std::size_t{256} * 1024;
  int fd_;
  std::uint64_t end_, offset_ = 0;
  std::string buffer_;
  std::size_t at_ = 0;
  sha256_ctx sum_;
};

// What stands at the cache's path and is not a cache of ours (a link, a
// file of another mode or owner) goes, unfollowed, so the new one is made
// 0600; a folder there stays, and the cache is not written.
bool clear_the_way(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT;
  if (S_ISDIR(st.st_mode)) return false;
  if (S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 07777) == 0600) return true;
  return ::unlink(path.c_str()) == 0;
}

}  // namespace

void put_number(std::string& out, std::uint64_t n) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
}

void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out.append(text);
}

void put_texts(std::string& out, const std::vector<std::string>& items) {
  put_number(out, items.size());
  for (const auto& item : items) put_text(out, item);
}

bool CacheReader::number(std::uint64_t& n) {
  if (bytes_.size() < 8) return false;
  n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes_[i]);
  bytes_.remove_prefix(8);
  return true;
}

bool CacheReader::view(std::string_view& out) {
  std::uint64_t size = 0;
  if (!number(size) || size > bytes_.size()) return false;
  out = bytes_.substr(0, size);
  bytes_.remove_prefix(size);
  return true;
}

bool CacheReader::text(std::string& out) {
  std::string_view part;
  if (!view(part)) return false;
  out.assign(part);
  return true;
}

bool CacheReader::texts(std::vector<std::string>& out) {
  std::uint64_t n = 0;
  if (!number(n) || n > bytes_.size()) return false;
  out.resize(n);
  for (auto& item : out)
    if (!text(item)) return false;
  return true;
}

// A file's identity and times, or "none": what tells a rebuilt binary or a
// new dictionary from the one a cache was made with.
std::string file_stamp_line(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return path.string() + " none\n";
  return path.string() + ' ' + std::to_string(st.st_dev) + ' ' + std::to_string(st.st_ino) + ' ' +
         std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec) + ' ' + std::to_string(st.st_ctim.tv_sec) + '.' +
         std::to_string(st.st_ctim.tv_nsec) + '\n';
}

std::string cache_key_start(std::string_view name) {
  std::string start = "casekit " + std::string(name) + std::string(kLayout);
  std::string binary = file_stamp_line("/proc/self/exe");
  if (binary.find(" none\n") != std::string::npos) return {};
  return start + binary;
}

fs::path ClientCache::path_in(const fs::path& root, std::string_view name) {
  return private_area_path(root) / "cache" / std::string(name);
}

ClientCache::ClientCache(const fs::path& root, std::string name, const std::string& key)
    : root_(root),
      path_(path_in(root, name)),
      name_(std::move(name)),
      magic_("casekit " + name_ + std::string(kLayout)),
      key_digest_(sha256(key)) {
  load();
}

// The file: the magic line, the key's digest, the entries (id, stamp,
// bytes), and a SHA-256 of all that. Anything else is no cache. The file
// is read once, front to back, keeping where each entry is, not the
// entry: find() reads it then.
void ClientCache::load() {
  struct stat st {};
  replace_file_ = ::lstat(path_.c_str(), &st) == 0;
  std::uint64_t size = 0;
  FileDescriptor fd = open_own_file(path_, size);
  if (fd.get() < 0 || size < magic_.size() + SHA256_DIGEST_SIZE) return;
  FileScan in(fd.get(), size - SHA256_DIGEST_SIZE);
  std::string magic, key, id;
  std::uint64_t count = 0, length = 0;
  if (!in.bytes(magic_.size(), &magic) || magic != magic_ || !in.text(key, length) ||
      key != key_digest_ || !in.number(count))
    return;
  std::map<std::string, Place> entries;
  for (std::uint64_t i = 0; i < count; ++i) {
    Place place;
    id.clear();
    if (!in.text(id, length) || !in.text(place.digest, length) || !in.number(place.size) ||
        place.size > size)
      return;
    place.offset = in.offset();
    if (!in.bytes(static_cast<std::size_t>(place.size), nullptr)) return;
    entries.emplace(id, std::move(place));
  }
  std::string sum(SHA256_DIGEST_SIZE, '\0');
  if (in.offset() != size - SHA256_DIGEST_SIZE ||
      !read_at(fd.get(), in.offset(), sum.data(), sum.size()) || in.digest() != sum)
    return;
  loaded_ = std::move(entries);
  file_ = std::move(fd);
  replace_file_ = false;
}

std::optional<std::string> ClientCache::find(const std::string& id,
                                             const std::string& digest) const {
  auto found = loaded_.find(id);
  if (found == loaded_.end() || found->second.digest != digest) return std::nullopt;
  std::string payload(static_cast<std::size_t>(found->second.size), '\0');
  if (!read_at(file_.get(), found->second.offset, payload.data(), payload.size()))
    return std::nullopt;
  return payload;
}

// The scratch file: nameless (O_TMPFILE) in the cache's own folder, 0600,
// so what it holds of the records goes when the run ends, whatever happens.
bool ClientCache::open_scratch() {
  if (scratch_tried_) return scratch_.get() >= 0;
  scratch_tried_ = true;
  try {
    fs::path folder = open_private_area(root_, "cache");
    int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    // Not every file system has O_TMPFILE: a named file, unnamed at once.
    if (fd < 0) {
      fs::path named = folder / ".scratch";
      fd = ::open(named.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd >= 0 && ::unlink(named.c_str()) != 0) ::close(std::exchange(fd, -1));
    }
    scratch_ = FileDescriptor(fd);
  } catch (const std::exception&) {
    // A read-only folder, a link in the way: nothing is kept.
  }
  return scratch_.get() >= 0;
}

void ClientCache::keep(const std::string& id, const std::string& digest, std::string_view payload) {
  std::lock_guard<std::mutex> guard(lock_);
  bool written = open_scratch() && ::pwrite(scratch_.get(), payload.data(), payload.size(),
                                            static_cast<off_t>(scratch_size_)) ==
                                       static_cast<ssize_t>(payload.size());
  if (!written) {
    // Not kept: the entry read for this client, if any, is out of date.
    fresh_.erase(id);
    forgotten_.insert(id);
    return;
  }
  fresh_[id] = Place{digest, scratch_size_, payload.size(), true};
  scratch_size_ += payload.size();
}

void ClientCache::forget(const std::string& id) {
  std::lock_guard<std::mutex> guard(lock_);
  forgotten_.insert(id);
}

// Writes the entries in id order, each copied from where it is,
// hashing as it goes; a piece at a time, so the file is never held whole.
void ClientCache::write(ExportWriter& out,
                        const std::map<std::string, const Place*>& entries) const {
  constexpr std::size_t kPiece = std::size_t{256} * 1024;
  sha256_ctx sum;
  sha256_init(&sum);
  std::string buffer(magic_);
  auto flush = [&](bool always) {
    if (buffer.size() < kPiece && !always) return;
    sha256_update(&sum, buffer.size(), reinterpret_cast<const uint8_t*>(buffer.data()));
    out.write(name_, buffer);
    buffer.clear();
  };
  put_text(buffer, key_digest_);
  put_number(buffer, entries.size());
  for (const auto& [id, place] : entries) {
    put_text(buffer, id);
    put_text(buffer, place->digest);
    put_number(buffer, place->size);
    int from = place->in_scratch ? scratch_.get() : file_.get();
    for (std::uint64_t done = 0; done < place->size;) {
      std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, place->size - done));
      std::size_t at = buffer.size();
      buffer.resize(at + n);
      if (!read_at(from, place->offset + done, buffer.data() + at, n))
        throw std::runtime_error("the " + name_ + " cache could not be read back");
      done += n;
      flush(false);
    }
  }
  flush(true);
  std::string digest(SHA256_DIGEST_SIZE, '\0');
  sha256_digest(&sum, SHA256_DIGEST_SIZE, reinterpret_cast<uint8_t*>(digest.data()));
  out.write(name_, digest);
}

void ClientCache::save(const CaseFolder& folder, const std::vector<std::string>* all_ids) {
  std::lock_guard<std::mutex> guard(lock_);
  bool changed = replace_file_ || !fresh_.empty();
  for (const auto& id : forgotten_) changed |= loaded_.erase(id) > 0;
  if (all_ids) {
    std::set<std::string_view> present(all_ids->begin(), all_ids->end());
    changed |= std::erase_if(loaded_, [&](const auto& e) { return !present.count(e.first); }) > 0;
  }
  if (!changed) return;
  std::map<std::string, const Place*> entries;
  for (const auto& [id, place] : loaded_) entries[id] = &place;
  for (const auto& [id, place] : fresh_) entries[id] = &place;
  try {
    open_private_area(folder.root(), "cache");
    if (!clear_the_way(path_)) return;
    folder.files().publish_streamed(path_, true, [&](ExportWriter& out) { write(out, entries); });
  } catch (const std::exception&) {
    // A read-only folder, a full disk, a link in the way: check goes on.
  }
}

}  // namespace casekit
