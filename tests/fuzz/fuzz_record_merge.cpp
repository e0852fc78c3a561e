// The merge driver's record merge (merge_record) on three versions of a
// plan.yaml or client.yaml, with a fake text merger instead of git (no
// process per input). The contract: a clean result parses to exactly
// merge_trees' merge of the versions (theirs renumbered when it reports
// renumbering); otherwise the text is the merger's own merge of the three
// versions as given. The merger may lie (status 0 with a text that is not
// the merge): the driver must never call that clean unless it holds.
// Input: one byte (the file kind, and which merger), then base, ours and
// theirs separated by NUL bytes; a fourth part is the lying merger's text.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "fuzz_input.hpp"
#include "git/record_merge.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    out.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return out;
}

// Where `side` differs from `base`: the lines from `begin` to `base_end` of
// base became the lines from `begin` to `side_end` of side.
struct Hunk {
  std::size_t begin, base_end, side_end;
};

Hunk hunk_of(const std::vector<std::string_view>& base, const std::vector<std::string_view>& side) {
  std::size_t begin = 0;
  while (begin < base.size() && begin < side.size() && base[begin] == side[begin]) ++begin;
  std::size_t tail = 0;
  while (tail < base.size() - begin && tail < side.size() - begin &&
         base[base.size() - 1 - tail] == side[side.size() - 1 - tail])
    ++tail;
  return {begin, base.size() - tail, side.size() - tail};
}

std::string join(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += lines[i];
  return out;
}

// A small three-way line merge: one changed block a side (everything
// between the first and the last changed line). Blocks apart merge; blocks
// that overlap conflict (status 1, with markers), or with take_both are
// ours then theirs, as git merge-file --union.
TextMerge fake_merge(const std::string& ours, const std::string& base, const std::string& theirs,
                     bool take_both) {
  if (ours == theirs || theirs == base) return {0, ours};
  if (ours == base) return {0, theirs};
  auto b = lines_of(base), o = lines_of(ours), t = lines_of(theirs);
  Hunk ho = hunk_of(b, o), ht = hunk_of(b, t);
  bool apart = ho.base_end < ht.begin || ht.base_end < ho.begin;
  if (apart) {
    const Hunk& first = ho.begin <= ht.begin ? ho : ht;
    const Hunk& second = ho.begin <= ht.begin ? ht : ho;
    const auto& first_side = ho.begin <= ht.begin ? o : t;
    const auto& second_side = ho.begin <= ht.begin ? t : o;
    return {0, join(b, 0, first.begin) + join(first_side, first.begin, first.side_end) +
                   join(b, first.base_end, second.begin) +
                   join(second_side, second.begin, second.side_end) +
                   join(b, second.base_end, b.size())};
  }
  std::size_t begin = std::min(ho.begin, ht.begin);
  std::size_t base_end = std::max(ho.base_end, ht.base_end);
  std::size_t our_end = ho.side_end + (base_end - ho.base_end);
  std::size_t their_end = ht.side_end + (base_end - ht.base_end);
  std::string middle = take_both ? join(o, begin, our_end) + join(t, begin, their_end)
                                 : "<<<<<<< ours\n" + join(o, begin, our_end) + "=======\n" +
                                       join(t, begin, their_end) + ">>>>>>> theirs\n";
  return {take_both ? 0 : 1, join(b, 0, begin) + middle + join(b, base_end, b.size())};
}

YamlNode parse_bytes(const std::string& raw) {
  return parse_yaml(decode_source(raw, "merged").text, "merged");
}

// What merge_record must have merged: the trees of the three versions,
// with theirs renumbered first when it says it renumbered.
std::optional<YamlNode> expected_merge(FileKind kind, const std::string& base,
                                       const std::string& ours, const std::string& theirs,
                                       bool renumbered) {
  YamlNode base_tree = parse_bytes(base), our_tree = parse_bytes(ours);
  YamlNode their_tree = parse_bytes(theirs);
  const YamlNode* base_node = base_tree.is_null() ? nullptr : &base_tree;
  if (renumbered) {
    auto text = renumber_collisions(kind, base_node, our_tree, their_tree,
                                    decode_source(theirs, "theirs").text);
    if (!text || text->changes.empty()) std::abort();  // reported renumbering it did not do
    their_tree = parse_yaml(text->text, "theirs");
  }
  return merge_trees(base_node, our_tree, their_tree);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  FileKind kind = data[0] % 2 == 0 ? FileKind::plan : FileKind::client;
  int liar = data[0] / 2 % 4;  // 0: honest; 1, 2, 3: says clean with ours, theirs, the 4th part
  std::vector<std::string> parts =
      fuzzing::split_on_nul(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  parts.resize(std::max<std::size_t>(parts.size(), 4));
  const std::string &base = parts[0], &ours = parts[1], &theirs = parts[2], &lie = parts[3];
  TextMerger merger = [&](const std::string& o, const std::string& b, const std::string& t,
                          bool both) -> TextMerge {
    if (liar == 1) return {0, o};
    if (liar == 2) return {0, t};
    if (liar == 3) return {0, lie};
    return fake_merge(o, b, t, both);
  };
  RecordMerge result;
  try {
    result = merge_record(kind, base, ours, theirs, merger);
  } catch (const Error&) {
    return 0;  // a version is not YAML casekit reads: git's merge decides
  }
  if (!result.clean) {
    // Git's own merge of the versions as they were, nothing renumbered.
    if (!result.renumbered.empty() || result.text != merger(ours, base, theirs, false).text)
      std::abort();
    return 0;
  }
  std::optional<YamlNode> merged =
      expected_merge(kind, base, ours, theirs, !result.renumbered.empty());
  if (!merged || !same_tree(parse_bytes(result.text), *merged)) std::abort();
  return 0;
}
