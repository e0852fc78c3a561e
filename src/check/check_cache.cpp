#include "check/check_cache.hpp"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "check/check.hpp"
#include "record/private_area.hpp"
#include "storage/beneath.hpp"

namespace casekit {
namespace {

// A new layout of the file, or a new meaning of a field, changes this.
constexpr std::string_view kMagic = "casekit check cache 1\n";
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

void put_number(std::string& out, std::uint64_t n) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
}

void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out.append(text);
}

// Reads what put_number and put_text wrote; every read checks the bounds,
// so a damaged file only fails the reader.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool number(std::uint64_t& n) {
    if (bytes_.size() < 8) return false;
    n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes_[i]);
    bytes_.remove_prefix(8);
    return true;
  }
  bool view(std::string_view& out) {
    std::uint64_t size = 0;
    if (!number(size) || size > bytes_.size()) return false;
    out = bytes_.substr(0, size);
    bytes_.remove_prefix(size);
    return true;
  }
  bool text(std::string& out) {
    std::string_view part;
    if (!view(part)) return false;
    out.assign(part);
    return true;
  }
  bool texts(std::vector<std::string>& out) {
    std::uint64_t n = 0;
    if (!number(n) || n > bytes_.size()) return false;
    out.resize(n);
    for (auto& item : out)
      if (!text(item)) return false;
    return true;
  }
  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

void put_texts(std::string& out, const std::vector<std::string>& items) {
  put_number(out, items.size());
  for (const auto& item : items) put_text(out, item);
}

// A file's identity and times, or "none": what tells a rebuilt binary or a
// new dictionary from the one a cache was made with.
std::string stat_text(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return path.string() + " none\n";
  return path.string() + ' ' + std::to_string(st.st_dev) + ' ' + std::to_string(st.st_ino) + ' ' +
         std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec) + ' ' + std::to_string(st.st_ctim.tv_sec) + '.' +
         std::to_string(st.st_ctim.tv_nsec) + '\n';
}

// The spelling library as this process mapped it (/proc/self/maps): an
// upgrade of libhunspell can change which words it accepts, as a new
// dictionary can.
std::string spelling_library() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::size_t at = line.find('/');
    if (at != std::string::npos && line.find("/libhunspell", at) != std::string::npos)
      return stat_text(line.substr(at));
  }
  return "no libhunspell\n";
}

bool decode_finding(Reader& in, Diagnostic& d) {
  std::uint64_t line = 0, column = 0, severity = 0, kind = 0;
  if (!in.text(d.location.file) || !in.number(line) || !in.number(column) || !in.number(severity) ||
      !in.text(d.rule) || !in.text(d.message) || !in.text(d.hint) || !in.number(kind) ||
      !in.text(d.subject.id))
    return false;
  if (severity > 2 || kind > static_cast<std::uint64_t>(SubjectKind::note)) return false;
  d.location.line = static_cast<int>(line);
  d.location.column = static_cast<int>(column);
  d.severity = static_cast<Severity>(severity);
  d.subject.kind = static_cast<SubjectKind>(kind);
  return true;
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
    return Reader(raw).number(n);
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

std::string check_cache_key(const CaseFolder& folder, const Settings& settings,
                            const std::string& settings_text, const CheckOptions& options) {
  // A run over some files only is a different report: not worth a cache.
  if (!options.only_files.empty()) return {};
  std::string key(kMagic);
  key += stat_text("/proc/self/exe");
  if (key.find(" none\n") != std::string::npos) return {};
  std::string dictionary = dictionary_base(settings.spelling);
  key += stat_text(dictionary + ".aff") + stat_text(dictionary + ".dic");
  key += spelling_library();
  key += "as of " + options.today.str() + '\n';
  key += "root " + fs::absolute(folder.root()).string() + '\n';
  key += "shown as " + folder.display(folder.clients_path()) + '\n';
  key += options.keep_sources ? "sources\n" : "no sources\n";
  key += options.rule_coverage ? "coverage\n" : "no coverage\n";
  put_text(key, settings_text);
  return key;
}

std::string encode_report(const ClientReport& report) {
  std::string out;
  put_number(out, report.findings.size());
  for (const auto& d : report.findings) {
    put_text(out, d.location.file);
    put_number(out, static_cast<std::uint64_t>(d.location.line));
    put_number(out, static_cast<std::uint64_t>(d.location.column));
    put_number(out, static_cast<std::uint64_t>(d.severity));
    put_text(out, d.rule);
    put_text(out, d.message);
    put_text(out, d.hint);
    put_number(out, static_cast<std::uint64_t>(d.subject.kind));
    put_text(out, d.subject.id);
  }
  put_texts(out, report.rules_run);
  put_texts(out, report.goal_ids);
  put_number(out, report.has_plan ? 1 : 0);
  put_number(out, report.sources.size());
  for (const auto& [file, text] : report.sources) {
    put_text(out, file);
    put_text(out, text);
  }
  put_texts(out, report.note_files);
  return out;
}

std::optional<ClientReport> decode_report(const std::string& id, std::string_view bytes) {
  Reader in(bytes);
  ClientReport report{id, {}};
  std::uint64_t findings = 0, has_plan = 0, sources = 0;
  if (!in.number(findings) || findings > bytes.size()) return std::nullopt;
  report.findings.resize(findings);
  for (auto& d : report.findings)
    if (!decode_finding(in, d)) return std::nullopt;
  if (!in.texts(report.rules_run) || !in.texts(report.goal_ids) || !in.number(has_plan) ||
      has_plan > 1 || !in.number(sources) || sources > bytes.size())
    return std::nullopt;
  report.has_plan = has_plan == 1;
  for (std::uint64_t i = 0; i < sources; ++i) {
    std::string file, text;
    if (!in.text(file) || !in.text(text)) return std::nullopt;
    report.sources.emplace(std::move(file), std::move(text));
  }
  if (!in.texts(report.note_files) || !in.done()) return std::nullopt;
  return report;
}

fs::path CheckCache::path_in(const fs::path& root) {
  return private_area_path(root) / "cache" / "check";
}

CheckCache::CheckCache(fs::path path, const std::string& key)
    : path_(std::move(path)), key_digest_(sha256(key)) {
  load();
}

// The file: the magic line, the key's digest, the entries (id, stamp,
// report), and a SHA-256 of all that. Anything else is no cache. The file
// is read once, front to back, keeping where each report is, not the
// report: find() reads it then.
void CheckCache::load() {
  struct stat st {};
  replace_file_ = ::lstat(path_.c_str(), &st) == 0;
  std::uint64_t size = 0;
  FileDescriptor fd = open_own_file(path_, size);
  if (fd.get() < 0 || size < kMagic.size() + SHA256_DIGEST_SIZE) return;
  FileScan in(fd.get(), size - SHA256_DIGEST_SIZE);
  std::string magic, key, id;
  std::uint64_t count = 0, length = 0;
  if (!in.bytes(kMagic.size(), &magic) || magic != kMagic || !in.text(key, length) ||
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

std::optional<ClientReport> CheckCache::find(const std::string& id,
                                             const std::string& digest) const {
  auto found = loaded_.find(id);
  if (found == loaded_.end() || found->second.digest != digest) return std::nullopt;
  std::string payload(static_cast<std::size_t>(found->second.size), '\0');
  if (!read_at(file_.get(), found->second.offset, payload.data(), payload.size()))
    return std::nullopt;
  return decode_report(id, payload);
}

// The scratch file: nameless (O_TMPFILE) in the cache's own folder, 0600,
// so what it holds of the records goes when the run ends, whatever happens.
bool CheckCache::open_scratch() {
  if (scratch_tried_) return scratch_.get() >= 0;
  scratch_tried_ = true;
  fs::path root = path_.parent_path().parent_path().parent_path();
  if (path_in(root) != path_) return false;
  try {
    fs::path folder = open_private_area(root, "cache");
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

void CheckCache::keep(const std::string& id, const std::string& digest,
                      const ClientReport& report) {
  std::string payload = encode_report(report);
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

void CheckCache::forget(const std::string& id) {
  std::lock_guard<std::mutex> guard(lock_);
  forgotten_.insert(id);
}

// Writes the entries in id order, each report copied from where it is,
// hashing as it goes; a piece at a time, so the file is never held whole.
void CheckCache::write(ExportWriter& out,
                       const std::map<std::string, const Place*>& entries) const {
  constexpr std::size_t kPiece = std::size_t{256} * 1024;
  sha256_ctx sum;
  sha256_init(&sum);
  std::string buffer(kMagic);
  auto flush = [&](bool always) {
    if (buffer.size() < kPiece && !always) return;
    sha256_update(&sum, buffer.size(), reinterpret_cast<const uint8_t*>(buffer.data()));
    out.write("check", buffer);
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
        throw std::runtime_error("the check cache could not be read back");
      done += n;
      flush(false);
    }
  }
  flush(true);
  std::string digest(SHA256_DIGEST_SIZE, '\0');
  sha256_digest(&sum, SHA256_DIGEST_SIZE, reinterpret_cast<uint8_t*>(digest.data()));
  out.write("check", digest);
}

void CheckCache::save(const CaseFolder& folder, const std::vector<std::string>* all_ids) {
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
