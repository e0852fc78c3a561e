// `casekit merge-driver`: renumber, merge the trees, then take git's text
// merge only when it holds exactly that merge (record_merge.hpp).
#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <functional>

#include "base/error.hpp"
#include "base/ids.hpp"
#include "git/disclosure_merge.hpp"
#include "git/git.hpp"
#include "git/record_merge.hpp"
#include "git/renumbered_notes.hpp"
#include "storage/file_system.hpp"

extern char** environ;

namespace casekit {
namespace {

YamlNode parse_version(const std::string& raw, const std::string& name) {
  return parse_yaml(decode_source(raw, name).text, name);
}

// The merged text holds exactly the merged records.
bool holds(const std::string& text, const YamlNode& merged) {
  try {
    return same_tree(parse_version(text, "merged"), merged);
  } catch (const Error&) {
    return false;
  }
}

bool text_merge_failed(const TextMerge& merge) {
  return merge.status < 0 || merge.status > 127;
}

// A scratch folder for git merge-file's three inputs, removed with them.
class ScratchFolder {
 public:
  explicit ScratchFolder(const fs::path& parent) {
    std::string pattern = (parent / ".casekit-merge-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw Error(ExitStatus::io, {parent.string(), 0, 0},
                  "could not make a folder for the merge's temporary files",
                  "check the permissions of the repository's folder");
    path_ = pattern;
  }
  ~ScratchFolder() {
    for (const char* name : {"ours", "base", "theirs"}) ::unlink((path_ / name).c_str());
    ::rmdir(path_.c_str());
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  void write(const char* name, const std::string& data) const {
    fs::path file = path_ / name;
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
    if (fd >= 0) ok = ::close(fd) == 0 && ok;
    if (!ok)
      throw Error(ExitStatus::io, {file.string(), 0, 0}, "could not write a temporary file",
                  "check the free space and permissions of the repository's folder");
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// What git's own merge does: git merge-file, writing into OURS. The paths
// are the driver's arguments: never options, whatever they start with.
int git_text_merge(const fs::path& base, const fs::path& ours, const fs::path& theirs,
                   const std::string& path) {
  GitRun run = run_git(".",
                       {"merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                        "--end-of-options", ours.string(), base.string(), theirs.string()},
                       false);
  if (!run.started)
    throw Error(ExitStatus::io, {path, 0, 0}, "git could not be run to merge the file",
                "is git installed and on the PATH?");
  if (run.status < 0 || run.status > 127)
    throw Error(ExitStatus::io, {path, 0, 0},
                fmt::format("`git merge-file` failed (exit status {})", run.status),
                "git says why above");
  return run.status == 0 ? 0 : 1;
}

// The three versions, decoded and parsed.
struct Versions {
  std::string raw_base, raw_ours;
  SourceText base, ours, theirs;
  YamlNode base_tree, our_tree, their_tree;
  // An empty base: the file is new on both sides.
  const YamlNode* base_node() const { return base_tree.is_null() ? nullptr : &base_tree; }
};

Versions read_versions(const std::string& base, const std::string& ours,
                       const std::string& theirs) {
  Versions v;
  v.raw_base = base;
  v.raw_ours = ours;
  v.base = decode_source(base, "base");
  v.ours = decode_source(ours, "ours");
  v.theirs = decode_source(theirs, "theirs");
  v.base_tree = parse_yaml(v.base.text, "base");
  v.our_tree = parse_yaml(v.ours.text, "ours");
  v.their_tree = parse_yaml(v.theirs.text, "theirs");
  return v;
}

using MergeWithTheirs =
    std::function<TextMerge(const std::string& ours, const std::string& base, bool take_both)>;

// The first text that holds exactly the merged records: git's merge; git's
// merge taking both sides of each conflict (two copies appending to the
// same list); ours with theirs' new items copied in whole; git's merge of
// that with theirs, from a base that has the same items copied in.
std::optional<std::string> verified_text(FileKind kind, const Versions& v, const YamlNode& merged,
                                         const TextMerge& plain, const MergeWithTheirs& merge) {
  if (plain.status == 0 && holds(plain.text, merged)) return plain.text;
  if (text_merge_failed(plain)) return std::nullopt;
  TextMerge both = merge(v.raw_ours, v.raw_base, true);
  if (!text_merge_failed(both) && holds(both.text, merged)) return both.text;
  auto ours_plus = with_their_new_items(kind, v.ours.text, v.our_tree, v.base_node(), v.our_tree,
                                        v.their_tree, v.theirs.text);
  if (!ours_plus || !v.base_node()) return std::nullopt;
  std::string our_bytes = encode_source(v.ours, *ours_plus);
  auto base_plus = with_their_new_items(kind, v.base.text, v.base_tree, v.base_node(), v.our_tree,
                                        v.their_tree, v.theirs.text);
  if (!base_plus) return std::nullopt;
  // Trees do not hold comments or layout: ours with their items copied in
  // is the merge only when their copy changed nothing else (base plus the
  // same items is their text); otherwise git merges their other changes.
  if (*base_plus == v.theirs.text && holds(our_bytes, merged)) return our_bytes;
  TextMerge again = merge(our_bytes, encode_source(v.base, *base_plus), false);
  if (again.status == 0 && holds(again.text, merged)) return again.text;
  return std::nullopt;
}

std::string renumbered_message(const std::string& path, const Renumbered& change) {
  return fmt::format(
      "casekit: {}: {} {} from the other copy is now {}; `casekit fix-renumbered` (the "
      "post-merge hook) changes the notes from there to {}\n",
      path, change.what, change.from, change.to, change.to);
}

// The git object id of a file's bytes as git gave them to the driver.
std::string blob_id(const fs::path& file) {
  GitRun run = run_git(".", {"hash-object", "--no-filters", "--", file.string()}, true);
  if (run.status != 0 || run.out.empty())
    throw Error(ExitStatus::io, {file.string(), 0, 0}, "`git hash-object` failed");
  return run.first_line();
}

// Records the renumberings for `casekit fix-renumbered`; when that fails
// the merge stands and the person is told to fix the notes by hand.
void remember(const fs::path& ours, const fs::path& theirs, const std::string& path,
              const std::vector<Renumbered>& changes, std::string& messages) {
  try {
    std::vector<RenumberEntry> entries;
    std::string ours_id = blob_id(ours), theirs_id = blob_id(theirs);
    for (const auto& c : changes)
      entries.push_back({ours_id, theirs_id, path, c.what, c.from, c.to});
    record_renumbered(".", entries);
    for (const auto& change : changes) messages += renumbered_message(path, change);
  } catch (const Error& error) {
    for (const auto& c : changes)
      messages += fmt::format(
          "casekit: {}: {} {} from the other copy is now {}; change the notes from there to {} "
          "by hand (it could not be recorded: {})\n",
          path, c.what, c.from, c.to, c.to, error.what());
  }
}

// Renumbering is safe only in a merge (git merge, git pull), whose
// merge commit `casekit fix-renumbered` finds afterwards. A rebase or a
// cherry-pick replays commits one by one: a renumbering made while one is
// replayed would not follow into the commits replayed after it (their
// base still has the old id), so then the collision stays a conflict.
// git names the merged commits in GITHEAD_<id> variables only when it
// merges.
bool merging() {
  bool named = false;
  for (char** variable = environ; *variable; ++variable)
    named = named || std::string_view(*variable).rfind("GITHEAD_", 0) == 0;
  if (!named) return false;
  for (const char* state : {"rebase-merge", "rebase-apply"}) {
    GitRun run = run_git(".", {"rev-parse", "--git-path", state}, true);
    if (run.status == 0 && fs::is_directory(run.first_line())) return false;
  }
  return true;
}

// Where git's inputs go: the git directory's casekit folder (see
// run_merge_driver), or, when the driver is run by hand outside git, the
// system's temporary folder (ScratchFolder makes a private folder there).
fs::path scratch_parent(FileSystem& files) {
  try {
    fs::path folder = renumbered_path(".").parent_path();
    if (!files.exists(folder)) files.make_folder(folder);
    return folder;
  } catch (const Error&) {
    return fs::temp_directory_path();
  }
}

// The accounting of disclosures has its own merge (disclosure_merge.hpp);
// when the copies cannot be joined, git's merge shows the conflict.
int merge_disclosure_file(const fs::path& base, const fs::path& ours, const fs::path& theirs,
                          const std::string& path, std::string& messages) {
  FileSystem& files = real_file_system();
  std::string texts[3];
  const fs::path* versions[3] = {&base, &ours, &theirs};
  try {
    for (int i = 0; i < 3; ++i) texts[i] = files.read(*versions[i], max_file_bytes).value_or("");
  } catch (const Error&) {
    return git_text_merge(base, ours, theirs, path);
  }
  if (auto merged = merge_disclosures(texts[0], texts[1], texts[2])) {
    files.replace(ours, *merged);
    return 0;
  }
  messages += fmt::format(
      "casekit: {}: the two copies of the accounting of disclosures cannot be joined (an entry "
      "was changed, or the file has format errors); check git's merge by hand\n",
      path);
  return git_text_merge(base, ours, theirs, path);
}

}  // namespace

std::optional<FileKind> mergeable_kind(const std::string& path) {
  fs::path file(path);
  fs::path client = file.parent_path();
  if (client.parent_path().filename() != "clients" || !is_client_id(client.filename().string()))
    return std::nullopt;
  if (file.filename() == "plan.yaml") return FileKind::plan;
  if (file.filename() == "client.yaml") return FileKind::client;
  if (file.filename() == "disclosures.yaml") return FileKind::disclosures;
  return std::nullopt;
}

TextMerge git_merge_file(const fs::path& scratch, const std::string& ours, const std::string& base,
                         const std::string& theirs, bool take_both) {
  ScratchFolder folder(scratch);
  folder.write("ours", ours);
  folder.write("base", base);
  folder.write("theirs", theirs);
  std::vector<std::string> args = {"merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs"};
  if (take_both) args.push_back("--union");
  args.insert(args.end(), {"ours", "base", "theirs"});
  GitRun run = run_git(folder.path(), args, true);
  return {run.started ? run.status : -1, run.out};
}

RecordMerge merge_record(FileKind kind, const std::string& base, const std::string& ours,
                         const std::string& theirs, const TextMerger& merger) {
  Versions v = read_versions(base, ours, theirs);
  RecordMerge result;
  auto renumbered =
      renumber_collisions(kind, v.base_node(), v.our_tree, v.their_tree, v.theirs.text);
  bool renumbering = renumbered && !renumbered->changes.empty();
  std::string their_bytes = renumbering ? encode_source(v.theirs, renumbered->text) : theirs;
  if (renumbering) {
    v.theirs.text = renumbered->text;
    v.theirs.plain_ascii = false;
    v.their_tree = parse_yaml(renumbered->text, "theirs");
    result.renumbered = renumbered->changes;
  }
  std::optional<YamlNode> merged = merge_trees(v.base_node(), v.our_tree, v.their_tree);
  TextMerge plain = merger(ours, base, their_bytes, false);
  if (merged) {
    if (auto text = verified_text(kind, v, *merged, plain,
                                  [&](const std::string& o, const std::string& b, bool both) {
                                    return merger(o, b, their_bytes, both);
                                  })) {
      result.clean = true;
      result.text = *text;
      return result;
    }
  }
  result.renumbered.clear();
  TextMerge original = renumbering ? merger(ours, base, theirs, false) : plain;
  if (text_merge_failed(original))
    throw Error(ExitStatus::io, {}, "`git merge-file` could not merge the file",
                "is git installed and on the PATH?");
  result.text = original.text;
  if (original.status == 0)
    result.why = merged ? "git's text merge does not hold the merged records; check it by hand"
                        : "both copies changed the same entry; check git's merge by hand";
  return result;
}

int run_merge_driver(const fs::path& base, const fs::path& ours, const fs::path& theirs,
                     const std::string& path, std::string& messages) {
  std::optional<FileKind> kind = mergeable_kind(path);
  if (!kind) return git_text_merge(base, ours, theirs, path);
  if (*kind == FileKind::disclosures)
    return merge_disclosure_file(base, ours, theirs, path, messages);
  FileSystem& files = real_file_system();
  std::string texts[3];
  const fs::path* versions[3] = {&base, &ours, &theirs};
  for (int i = 0; i < 3; ++i) {
    std::optional<std::string> text;
    try {
      text = files.read(*versions[i], max_file_bytes);
    } catch (const Error&) {
      // Larger than a record can be, a link or a folder: git's merge decides.
      return git_text_merge(base, ours, theirs, path);
    }
    if (!text)
      throw Error(ExitStatus::io, {versions[i]->string(), 0, 0}, "the file does not exist",
                  "git runs `casekit merge-driver %O %A %B %P` with the versions' files");
    texts[i] = *text;
  }
  // git's inputs are copies of the record: they go in the git directory,
  // never in the work tree, where a killed driver would leave them.
  fs::path scratch = scratch_parent(files);
  RecordMerge merge;
  try {
    TextMerger merger = [&](const std::string& o, const std::string& b, const std::string& t,
                            bool take_both) { return git_merge_file(scratch, o, b, t, take_both); };
    merge = merge_record(*kind, texts[0], texts[1], texts[2], merger);
  } catch (const Error& error) {
    if (error.status() != ExitStatus::usage) throw;
    return git_text_merge(base, ours, theirs, path);
  }
  if (merge.clean && !merge.renumbered.empty() && !merging()) {
    messages += fmt::format(
        "casekit: {}: both copies added {}; casekit renumbers only in a merge, not in a rebase "
        "or cherry-pick, so this is a conflict (merge instead, or resolve it by hand)\n",
        path, merge.renumbered.front().from);
    return git_text_merge(base, ours, theirs, path);
  }
  // Ours' object id is taken before the merge is written over it.
  if (merge.clean && !merge.renumbered.empty())
    remember(ours, theirs, path, merge.renumbered, messages);
  files.replace(ours, merge.text);
  if (!merge.why.empty()) messages += fmt::format("casekit: {}: {}\n", path, merge.why);
  return merge.clean ? 0 : 1;
}

}  // namespace casekit
