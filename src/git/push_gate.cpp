#include "git/push_gate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "base/ids.hpp"
#include "findings/finding_sink.hpp"
#include "git/git_objects.hpp"
#include "git/push_copy.hpp"
#include "record/disclosures.hpp"
#include "record/private_area.hpp"

namespace casekit {
namespace {

// Where a path stands in a case folder: the folder's path in the
// repository ("" at the top, else ending in '/'), the client and the
// file inside the client's folder.
struct ClientPlace {
  std::string prefix, id, file;
};

std::vector<std::string> components(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(path);
  for (std::string part; std::getline(in, part, '/');) out.push_back(part);
  return out;
}

std::optional<ClientPlace> client_place(const std::string& path) {
  std::vector<std::string> parts = components(path);
  std::string prefix;
  for (std::size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i] == "clients" && is_client_id(parts[i + 1])) {
      std::string file = parts[i + 2];
      for (std::size_t j = i + 3; j < parts.size(); ++j) file += "/" + parts[j];
      return ClientPlace{prefix, parts[i + 1], file};
    }
    prefix += parts[i] + "/";
  }
  return std::nullopt;
}

// casekit's leftovers by name: a temporary file of an interrupted write,
// anything of the private area .casekit/, an old edit buffer.
const char* leftover_rule(const std::string& path) {
  std::vector<std::string> parts = components(path);
  for (const auto& part : parts) {
    if (part == ".casekit") return "format/leftover-edit";
    if (is_leftover_temp(part)) return "format/leftover-temp";
  }
  return !parts.empty() && is_old_edit_buffer(parts.back()) ? "format/leftover-edit" : nullptr;
}

constexpr const char* kRemoveHint =
    "remove it from the commits with git rm --cached -- PATH and a new commit, then push again";

// A leftover is a warning in a clone, where it may be work in progress; on
// the server it is refused like the rest, so the gate says error.
Diagnostic refusal(Diagnostic found) {
  found.severity = Severity::error;
  return found;
}

void path_findings(const ChangedPath& change, std::vector<Diagnostic>& out) {
  if (change.status == 'D') return;
  Location at{change.path, 0, 0};
  if (change.new_mode == "120000")
    out.push_back(
        finding("format/symbolic-link", at,
                "the push brings a symbolic link: casekit never follows one in a case "
                "folder, and it can lead anywhere on the machine that checks it out",
                "put the file itself there instead of a link, or " + std::string(kRemoveHint)));
  if (const char* rule = leftover_rule(change.path))
    out.push_back(refusal(finding(rule, at,
                                  std::string_view(rule) == "format/leftover-temp"
                                      ? "the push brings a temporary file that an interrupted "
                                        "casekit command left; it is not part of the record"
                                      : "the push brings a file of casekit's private area, an "
                                        "editor buffer or kept text; it may hold private details",
                                  kRemoveHint)));
}

std::vector<Disclosure> entries_of(const std::string& raw, const std::string& display) {
  try {
    return read_disclosures(parse_yaml(decode_source(raw, display), display));
  } catch (const Error&) {
    return {};  // a file that does not parse is check's format error
  }
}

void disclosure_findings(const fs::path& git_dir, const std::vector<ChangedPath>& changes,
                         std::vector<Diagnostic>& out) {
  std::vector<std::string> ids;
  for (const auto& change : changes) ids.insert(ids.end(), {change.old_id, change.new_id});
  std::map<std::string, std::string> blobs = read_blobs(git_dir, ids);
  for (const auto& change : changes) {
    auto old_blob = blobs.find(change.old_id);
    if (old_blob == blobs.end()) continue;  // new in this push
    std::vector<Disclosure> before = entries_of(old_blob->second, change.path);
    auto new_blob = blobs.find(change.new_id);
    std::vector<Disclosure> after = new_blob == blobs.end()
                                        ? std::vector<Disclosure>{}
                                        : entries_of(new_blob->second, change.path);
    for (auto& found : disclosures_dropped(before, after, change.path))
      out.push_back(std::move(found));
  }
}

// The files check reads of these clients, as the pushed commit has them;
// none when the folder has no casekit.yaml there (it is no case folder).
std::vector<TreeFile> record_files(const fs::path& git_dir, const std::string& commit,
                                   const std::string& prefix, const std::set<std::string>& ids,
                                   std::vector<Diagnostic>& out) {
  std::vector<std::string> paths = {prefix + "casekit.yaml"};
  for (const auto& id : ids) paths.push_back(prefix + "clients/" + id);
  std::vector<TreeFile> files = tree_files(git_dir, commit, paths);
  // Links are refused by their path. A record file too large is not
  // copied, so it is refused here: in every clone it would stop each write
  // to the client, as check refuses to read it.
  std::erase_if(files, [&](const TreeFile& file) {
    bool regular = file.mode == "100644" || file.mode == "100755";
    bool document = file.path.find("/documents/") != std::string::npos;  // scans may be large
    if (regular && file.size > max_file_bytes && !document)
      out.push_back(finding("format/parse", {file.path, 0, 0},
                            "the push brings a file larger than 4 MiB, which casekit does not "
                            "read: every clone would refuse each change to this client",
                            "make the file smaller than 4 MiB in a new commit, then push again; "
                            "a scan belongs in documents/, kept there by casekit attach"));
    return !regular || file.size > max_file_bytes;
  });
  bool settings = std::any_of(files.begin(), files.end(),
                              [&](const TreeFile& file) { return file.path == paths.front(); });
  return settings ? files : std::vector<TreeFile>{};
}

// A message or hint that names a file names it in the copy: it is named
// as in the repository instead.
void unprefix(std::string& text, const fs::path& root) {
  std::error_code ignored;
  for (const std::string& prefix :
       {root.string() + "/", fs::relative(root, ignored).string() + "/"})
    for (std::size_t at; (at = text.find(prefix)) != std::string::npos;)
      text.erase(at, prefix.size());
}

// check's findings on a private copy of the clients' files, each moved to
// its path in the repository.
void format_findings(const fs::path& git_dir, const std::string& commit, const std::string& prefix,
                     const std::set<std::string>& ids, const FormatCheck& check,
                     std::vector<Diagnostic>& out) {
  std::vector<TreeFile> files = record_files(git_dir, commit, prefix, ids, out);
  if (files.empty()) return;
  std::vector<std::string> blob_ids;
  for (const auto& file : files) blob_ids.push_back(file.id);
  std::map<std::string, std::string> blobs = read_blobs(git_dir, blob_ids);
  PushCopy copy(git_dir);
  std::set<std::string> present;
  for (const auto& file : files) {
    copy.write(file.path, blobs[file.id]);
    if (auto place = client_place(file.path)) present.insert(place->id);
  }
  CaseFolder folder(copy.root() / prefix, real_file_system());
  for (Diagnostic found : check(folder, {present.begin(), present.end()})) {
    if (!found.location.file.empty())
      found.location.file =
          fs::absolute(found.location.file).lexically_relative(copy.root()).string();
    for (std::string* text : {&found.message, &found.hint}) unprefix(*text, copy.root());
    out.push_back(std::move(found));
  }
}

}  // namespace

std::vector<RefUpdate> parse_ref_updates(const std::string& text) {
  std::vector<RefUpdate> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    RefUpdate update;
    if (words >> update.old_id >> update.new_id >> update.ref) out.push_back(update);
  }
  return out;
}

std::vector<Diagnostic> gate_ref_update(const fs::path& git_dir, const RefUpdate& update,
                                        const FormatCheck& check) {
  std::string commit = is_zero_id(update.new_id) ? "" : commit_of(git_dir, update.new_id);
  if (commit.empty()) return {};
  std::string old = is_zero_id(update.old_id) ? "" : commit_of(git_dir, update.old_id);
  std::string base = old.empty() ? new_ref_base(git_dir, commit) : old;
  std::vector<Diagnostic> out;
  std::map<std::string, std::set<std::string>> clients;  // by case folder
  std::vector<ChangedPath> disclosures;
  for (const ChangedPath& change : changed_paths(git_dir, base, commit)) {
    path_findings(change, out);
    // A changed casekit.yaml is checked on its own too (no client needed).
    std::string name = "casekit.yaml";
    if (change.path == name || change.path.ends_with("/" + name))
      clients[change.path.substr(0, change.path.size() - name.size())];
    auto place = client_place(change.path);
    if (!place) continue;
    clients[place->prefix].insert(place->id);
    if (place->file == "disclosures.yaml") disclosures.push_back(change);
  }
  disclosure_findings(git_dir, disclosures, out);
  for (const auto& [prefix, ids] : clients)
    format_findings(git_dir, commit, prefix, ids, check, out);
  sort_diagnostics(out);
  return out;
}

}  // namespace casekit
