// Copying the items one copy added into another text, as that copy wrote
// them (record_merge.hpp). git's line merge interleaves two items added at
// the end of the same list when they share lines (`status: active`);
// copying whole items does not. The caller verifies the result.
#include <algorithm>

#include "git/record_lists.hpp"
#include "git/record_merge.hpp"
#include "yaml/node_index.hpp"
#include "yaml/yaml_text.hpp"

namespace casekit {
namespace {

// The column of the dash of a block sequence item starting on this line
// ("  - id: G4"), or -1 when the item is not written that way.
int dash_column(const std::string& text, const YamlNode& item) {
  std::size_t begin = line_begin(text, static_cast<std::size_t>(item.mark.offset));
  int indent = indent_at(text, begin);
  std::size_t dash = begin + static_cast<std::size_t>(indent);
  if (dash >= text.size() || text[dash] != '-') return -1;
  for (std::size_t i = dash + 1; i < static_cast<std::size_t>(item.mark.offset); ++i)
    if (text[i] != ' ') return -1;
  return indent;
}

// The end of an item's lines: the next item's line, or the first line
// indented no deeper than the dash; trailing blank lines left out.
std::size_t item_end(const std::string& text, const YamlNode& list, std::size_t index, int dash) {
  std::size_t end = text.size();
  if (index + 1 < list.items.size()) {
    end = line_begin(text, static_cast<std::size_t>(list.items[index + 1].mark.offset));
  } else {
    std::size_t pos = next_line(text, static_cast<std::size_t>(list.items[index].mark.offset));
    while (pos < text.size() && (is_blank(text, pos) || indent_at(text, pos) > dash))
      pos = next_line(text, pos);
    end = pos;
  }
  std::size_t begin = line_begin(text, static_cast<std::size_t>(list.items[index].mark.offset));
  while (end > begin) {
    std::size_t last = line_begin(text, end - 1);
    if (!is_blank(text, last)) break;
    end = last;
  }
  return end;
}

struct Insertion {
  std::size_t at;
  std::string text;
};

// Theirs' new items of one list, as text to insert after the last item of
// the same list in `text`; false when that cannot be done line by line.
bool insertion_for(const IdList& list, const std::string& text, const YamlNode& tree,
                   const YamlNode* base, const YamlNode& ours, const YamlNode& theirs,
                   const std::string& theirs_text, std::vector<Insertion>& out) {
  const YamlNode* their_list = node_at(theirs, list.path);
  if (!their_list || !their_list->is_sequence()) return true;
  Insertion insertion{0, ""};
  const YamlNode* base_list = at(base, list.path);
  const YamlNode* our_list = node_at(ours, list.path);
  ItemIndex in_base(base_list), in_ours(our_list);
  auto known = [&](const std::string& id) {
    // An item without an id matches one without an id (item_with_id).
    if (id.empty()) return item_with_id(base_list, id) || item_with_id(our_list, id);
    return in_base.find(id) || in_ours.find(id);
  };
  for (std::size_t i = 0; i < their_list->items.size(); ++i) {
    std::string id = their_list->items[i].text_at("id");
    if (known(id)) continue;
    int dash = dash_column(theirs_text, their_list->items[i]);
    if (dash < 0) return false;
    std::size_t begin =
        line_begin(theirs_text, static_cast<std::size_t>(their_list->items[i].mark.offset));
    insertion.text +=
        theirs_text.substr(begin, item_end(theirs_text, *their_list, i, dash) - begin);
  }
  if (insertion.text.empty()) return true;
  const YamlNode* target = node_at(tree, list.path);
  if (!target || !target->is_sequence() || target->items.empty()) return false;
  int dash = dash_column(text, target->items.back());
  if (dash < 0 || dash != dash_column(theirs_text, their_list->items.back())) return false;
  insertion.at = item_end(text, *target, target->items.size() - 1, dash);
  if (insertion.at == 0 || text[insertion.at - 1] != '\n') return false;
  out.push_back(insertion);
  return true;
}

}  // namespace

std::optional<std::string> with_their_new_items(FileKind kind, const std::string& text,
                                                const YamlNode& tree, const YamlNode* base,
                                                const YamlNode& ours, const YamlNode& theirs,
                                                const std::string& theirs_text) {
  std::vector<Insertion> insertions;
  for (const auto& list : id_lists(kind))
    if (!insertion_for(list, text, tree, base, ours, theirs, theirs_text, insertions))
      return std::nullopt;
  if (insertions.empty()) return std::nullopt;
  // From the end of the text, so earlier positions stay right.
  std::sort(insertions.begin(), insertions.end(),
            [](const Insertion& a, const Insertion& b) { return a.at > b.at; });
  std::string out = text;
  for (const auto& insertion : insertions) out.insert(insertion.at, insertion.text);
  return out;
}

}  // namespace casekit
