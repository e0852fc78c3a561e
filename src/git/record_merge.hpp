// Merging two copies of a plan.yaml or client.yaml that changed apart, as
// git's merge driver (`casekit merge-driver`). Safe by construction: a
// merged text is used only when it holds exactly the merge of the records,
// key by key and item by item; otherwise the result is git's own.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "schema/schema.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

// The merge of three trees: maps key by key, lists of items with ids
// matched by id (ours' order, then theirs' new items), everything else
// taken from the side that changed it. nullopt when both changed the same
// thing differently. `base` may be nullptr (the file is new on both sides).
std::optional<YamlNode> merge_trees(const YamlNode* base, const YamlNode& ours,
                                    const YamlNode& theirs);

// Equal records: mappings compare key by key whatever their order (YAML
// mappings are unordered), sequences item by item; quoting is ignored.
bool same_tree(const YamlNode& a, const YamlNode& b);

// An item of the other copy that was given a new id, because both copies
// added an item with the same id.
struct Renumbered {
  std::string what;  // "goal", "service", ...
  std::string from;  // G4
  std::string to;    // G5
};

// Theirs' text with its colliding new items renumbered and every
// reference to them in the file rewritten (the keys the schema says hold
// ids and references), quoting kept. Items new on both sides with the
// same id and different content collide. nullopt when a collision cannot
// be renumbered safely (a need's id, referred to from other files; an id
// written as a block scalar); the merge then conflicts as it would have.
struct RenumberedText {
  std::string text;  // decoded (LF) text
  std::vector<Renumbered> changes;
};
std::optional<RenumberedText> renumber_collisions(FileKind kind, const YamlNode* base,
                                                  const YamlNode& ours, const YamlNode& theirs,
                                                  const std::string& theirs_text);

// `text` (a version of the record, parsed as `tree`) with the items that
// only theirs has (new there, in no list of base or ours) copied line for
// line from `theirs_text` after the last item of the same list. nullopt
// when there are none or a list is not written one item a line block.
std::optional<std::string> with_their_new_items(FileKind kind, const std::string& text,
                                                const YamlNode& tree, const YamlNode* base,
                                                const YamlNode& ours, const YamlNode& theirs,
                                                const std::string& theirs_text);

// git merge-file's answer: its exit status (0 clean, 1-127 the number of
// conflicts, other values an error) and the merged text.
struct TextMerge {
  int status = -1;
  std::string text;
};
// Runs a three-way text merge of ours, base and theirs; `take_both` is
// git merge-file's --union.
using TextMerger = std::function<TextMerge(const std::string& ours, const std::string& base,
                                           const std::string& theirs, bool take_both)>;

// The outcome of merging one record file.
struct RecordMerge {
  bool clean = false;                  // text holds the verified merge
  std::string text;                    // what to write: the merge or git's conflict text
  std::vector<Renumbered> renumbered;  // only when clean
  std::string why;                     // when not clean and the text merge was: why not
};
// Merges the three versions' bytes of one record of `kind` as the
// design above says. Throws Error when a version cannot be read as YAML
// (the caller falls back to git's text merge).
RecordMerge merge_record(FileKind kind, const std::string& base, const std::string& ours,
                         const std::string& theirs, const TextMerger& merger);

// The kind of record a path in the repository holds, when the driver
// merges it: clients/ID/plan.yaml, clients/ID/client.yaml, or
// clients/ID/disclosures.yaml (disclosure_merge.hpp).
std::optional<FileKind> mergeable_kind(const std::string& path);

// git merge-file run on three texts through temporary files (0600) in a
// new folder inside `scratch`, removed afterwards.
TextMerge git_merge_file(const std::filesystem::path& scratch, const std::string& ours,
                         const std::string& base, const std::string& theirs, bool take_both);

// The merge driver: git's %O %A %B %P. Writes the result into `ours`
// (atomically, keeping its mode) and returns 0 when clean, 1 with git's
// conflict-marked text otherwise. Messages for the person (renumbered
// items, why a merge conflicts) are appended to `messages`.
int run_merge_driver(const std::filesystem::path& base, const std::filesystem::path& ours,
                     const std::filesystem::path& theirs, const std::string& path,
                     std::string& messages);

}  // namespace casekit
