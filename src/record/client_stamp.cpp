#include "record/client_stamp.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <vector>

#include "storage/beneath.hpp"

namespace casekit {
namespace {

// Deeper than any folder casekit or a case worker makes.
constexpr int kMaxStampDepth = 16;

// Every field a change of the file changes: ctime catches what an edit
// that restores mtime (touch -d, a copy with -p) hides.
void append_stat(std::string& out, const struct stat& st) {
  const std::array<std::int64_t, 10> fields{
      static_cast<std::int64_t>(st.st_mode),        static_cast<std::int64_t>(st.st_size),
      static_cast<std::int64_t>(st.st_mtim.tv_sec), static_cast<std::int64_t>(st.st_mtim.tv_nsec),
      static_cast<std::int64_t>(st.st_ctim.tv_sec), static_cast<std::int64_t>(st.st_ctim.tv_nsec),
      static_cast<std::int64_t>(st.st_ino),         static_cast<std::int64_t>(st.st_dev),
      static_cast<std::int64_t>(st.st_uid),         static_cast<std::int64_t>(st.st_nlink)};
  out.append(reinterpret_cast<const char*>(fields.data()), sizeof fields);
}

std::int64_t newest_of(const struct stat& st) {
  return std::max<std::int64_t>(st.st_mtim.tv_sec, st.st_ctim.tv_sec);
}

// The names in an open folder, sorted: readdir's order is the file system's.
bool names_in(int dir, std::vector<std::string>& names) {
  int copy = ::dup(dir);
  if (copy < 0) return false;
  DIR* listing = ::fdopendir(copy);
  if (!listing) {
    ::close(copy);
    return false;
  }
  errno = 0;
  while (const dirent* entry = ::readdir(listing)) {
    std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  bool complete = errno == 0;
  ::closedir(listing);
  std::sort(names.begin(), names.end());
  return complete;
}

bool stamp_folder(int dir, const std::string& prefix, int depth, std::string& out,
                  std::int64_t& newest) {
  std::vector<std::string> names;
  if (depth > kMaxStampDepth || !names_in(dir, names)) return false;
  for (const auto& name : names) {
    struct stat st {};
    if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return false;
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return false;
    std::string relative = prefix + name;
    out.append(relative.c_str(), relative.size() + 1);
    append_stat(out, st);
    newest = std::max(newest, newest_of(st));
    if (!S_ISDIR(st.st_mode)) continue;
    FileDescriptor sub(
        ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (sub.get() < 0 || !stamp_folder(sub.get(), relative + "/", depth + 1, out, newest))
      return false;
  }
  return true;
}

}  // namespace

std::optional<ClientStamp> stamp_client_folder(const fs::path& folder) {
  FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  struct stat st {};
  if (dir.get() < 0 || ::fstat(dir.get(), &st) != 0) return std::nullopt;
  std::string listing;
  append_stat(listing, st);
  ClientStamp stamp;
  stamp.newest = newest_of(st);
  if (!stamp_folder(dir.get(), "", 0, listing, stamp.newest)) return std::nullopt;
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, listing.size(), reinterpret_cast<const uint8_t*>(listing.data()));
  stamp.digest.resize(SHA256_DIGEST_SIZE);
  sha256_digest(&context, SHA256_DIGEST_SIZE, reinterpret_cast<uint8_t*>(stamp.digest.data()));
  return stamp;
}

}  // namespace casekit
