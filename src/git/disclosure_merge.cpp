#include "git/disclosure_merge.hpp"

#include <set>
#include <tuple>

#include "record/disclosures.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

struct Copy {
  std::string text;
  std::vector<Disclosure> entries;
};

// A copy that parses, has no format error and an unbroken chain.
std::optional<Copy> read_copy(const std::string& raw, const std::string& name) {
  try {
    Copy copy{decode_source(raw, name).text, {}};
    YamlNode tree = parse_yaml(copy.text, name);
    if (!tree.is_null() && !validate(tree, FileKind::disclosures, name).empty())
      return std::nullopt;
    copy.entries = read_disclosures(tree);
    if (!disclosure_chain_findings(copy.entries, name).empty()) return std::nullopt;
    return copy;
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string identity(const Disclosure& entry) {
  return disclosure_canonical(entry) + entry.hash;
}

bool starts_with(const std::vector<Disclosure>& entries, const std::vector<Disclosure>& first) {
  if (entries.size() < first.size()) return false;
  for (std::size_t i = 0; i < first.size(); ++i)
    if (identity(entries[i]) != identity(first[i])) return false;
  return true;
}

// Both copies' new entries by date and time, each copy's in its own order;
// an entry both copies have (merged from a third) comes once.
std::vector<Disclosure> interleaved(const std::vector<Disclosure>& ours,
                                    const std::vector<Disclosure>& theirs, std::size_t shared) {
  std::set<std::string> seen;
  std::vector<Disclosure> out;
  std::size_t i = shared, j = shared;
  while (i < ours.size() || j < theirs.size()) {
    bool take_ours =
        j >= theirs.size() || (i < ours.size() && std::tie(ours[i].date, ours[i].time) <=
                                                      std::tie(theirs[j].date, theirs[j].time));
    const Disclosure& next = take_ours ? ours[i++] : theirs[j++];
    if (seen.insert(identity(next)).second) out.push_back(next);
  }
  return out;
}

// The text up to the line where the entry starting at `line` begins.
std::string text_before_line(const std::string& text, int line) {
  std::size_t at = 0;
  for (int n = 1; n < line && at != std::string::npos; ++n) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  return at == std::string::npos ? text : text.substr(0, at);
}

}  // namespace

std::optional<std::string> merge_disclosures(const std::string& base, const std::string& ours,
                                             const std::string& theirs) {
  auto b = read_copy(base, "base"), o = read_copy(ours, "ours"), t = read_copy(theirs, "theirs");
  if (!b || !o || !t || !starts_with(o->entries, b->entries) ||
      !starts_with(t->entries, b->entries))
    return std::nullopt;
  std::size_t shared = b->entries.size();
  std::vector<Disclosure> tail = interleaved(o->entries, t->entries, shared);
  // Ours is kept up to its first new entry: its header and the shared ones.
  std::string text =
      shared < o->entries.size() ? text_before_line(o->text, o->entries[shared].line) : o->text;
  if (!text.empty() && text.back() != '\n') text += '\n';
  std::string previous = shared ? b->entries.back().hash : "";
  std::vector<Disclosure> expected(b->entries);
  for (Disclosure entry : tail) {
    entry.hash = disclosure_hash(previous, entry);
    previous = entry.hash;
    text += disclosure_yaml(entry);
    expected.push_back(entry);
  }
  auto merged = read_copy(text, "merged");
  if (!merged || merged->entries.size() != expected.size()) return std::nullopt;
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (identity(merged->entries[i]) != identity(expected[i])) return std::nullopt;
  return text;
}

}  // namespace casekit
