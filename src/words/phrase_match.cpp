// Finding a word list's phrases in tokenized text: one list at a time
// (find_words), or every writing rule's lists at once (PhraseIndex).
#include <absl/container/flat_hash_map.h>

#include <algorithm>

#include "words/word_hash.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

namespace {

// Whether the entry's phrase starts at token t, the words around it allowing.
bool phrase_at(const Words& words, std::size_t t, const WordEntry& entry) {
  std::size_t n = entry.words.size();
  if (t + n > words.size()) return false;
  for (std::size_t k = 1; k < n; ++k)
    if (words.tokens[t + k].sentence_start || words.word(t + k) != entry.words[k]) return false;
  if (t + n < words.size() && contains(entry.not_before, words.word(t + n))) return false;
  return t == 0 || !contains(entry.not_after, words.word(t - 1));
}

WordMatch match_at(const Words& words, std::size_t t, const WordEntry& entry) {
  const WordToken& first = words.tokens[t];
  const WordToken& last = words.tokens[t + entry.words.size() - 1];
  return {&entry, first.offset, last.offset + last.length - first.offset, t};
}

}  // namespace

std::vector<WordMatch> find_words(const Words& words, const WordList& list, bool skip_quoted) {
  std::vector<WordMatch> matches;
  for (std::size_t t = 0; t < words.size(); ++t) {
    if (skip_quoted && words.tokens[t].quoted) continue;
    if (!list.first_word_bits.test(words.tokens[t].filter)) continue;
    auto candidates = list.by_first_word.find(words.word(t));
    if (candidates == list.by_first_word.end()) continue;
    for (const WordEntry* entry : candidates->second)
      if (phrase_at(words, t, *entry)) {
        matches.push_back(match_at(words, t, *entry));
        break;
      }
  }
  return matches;
}

// Each first word's entries, list by list and in each list's order, and
// split again by their second word: "will" starts 653 over-promises once
// their alternatives are spelled out, and trying each at every "will" was
// a tenth of check's time.
using IndexEntries = std::vector<std::pair<std::size_t, const WordEntry*>>;
struct FirstWordEntries {
  IndexEntries one_word;  // the entries of one word, which fit wherever the word is
  // By second word: the entries of one word and those with that second
  // word, still in the order of the whole.
  absl::flat_hash_map<std::string, IndexEntries, QuickWordHash, QuickWordEqual> by_second;
};

struct PhraseIndex::Index {
  absl::flat_hash_map<std::string, FirstWordEntries, QuickWordHash, QuickWordEqual> entries;
  std::bitset<4096> first_word_bits;

  // The entries that may start at token t: phrase_at can only fit an entry
  // of two words or more when its second word follows in the sentence.
  const IndexEntries& candidates(const FirstWordEntries& first, const Words& words,
                                 std::size_t t) const {
    if (t + 1 < words.size() && !words.tokens[t + 1].sentence_start) {
      auto found = first.by_second.find(words.word(t + 1));
      if (found != first.by_second.end()) return found->second;
    }
    return first.one_word;
  }
};

namespace {

FirstWordEntries split_by_second_word(const IndexEntries& all) {
  FirstWordEntries split;
  for (const auto& item : all) {
    if (item.second->words.size() == 1) {
      split.one_word.push_back(item);
      for (auto& [second, entries] : split.by_second) entries.push_back(item);
    } else if (!split.by_second.contains(item.second->words[1])) {
      split.by_second[item.second->words[1]] = split.one_word;
    }
    if (item.second->words.size() > 1) split.by_second[item.second->words[1]].push_back(item);
  }
  return split;
}

}  // namespace

PhraseIndex::PhraseIndex(const std::vector<const WordList*>& lists) {
  auto index = std::make_unique<Index>();
  absl::flat_hash_map<std::string, IndexEntries> all;
  for (const WordList* list : lists) {
    if (!list) continue;
    for (const auto& entry : list->entries)
      if (!entry.words.empty()) all[entry.words[0]].emplace_back(lists_.size(), &entry);
    index->first_word_bits |= list->first_word_bits;
    lists_.push_back(list);
  }
  for (const auto& [first, entries] : all) index->entries[first] = split_by_second_word(entries);
  index_ = std::move(index);
}

PhraseIndex::PhraseIndex(PhraseIndex&&) noexcept = default;
PhraseIndex& PhraseIndex::operator=(PhraseIndex&&) noexcept = default;
PhraseIndex::~PhraseIndex() = default;

std::vector<PhraseMatch> PhraseIndex::find(const Words& words) const {
  std::vector<PhraseMatch> matches;
  for (std::size_t t = 0; t < words.size(); ++t) {
    if (words.tokens[t].quoted || !index_->first_word_bits.test(words.tokens[t].filter)) continue;
    auto first = index_->entries.find(words.word(t));
    if (first == index_->entries.end()) continue;
    // A list matches once at a word: its first entry that fits.
    std::size_t matched_list = lists_.size();
    for (const auto& [list, entry] : index_->candidates(first->second, words, t))
      if (list != matched_list && phrase_at(words, t, *entry)) {
        matches.push_back({list, match_at(words, t, *entry)});
        matched_list = list;
      }
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const PhraseMatch& a, const PhraseMatch& b) { return a.list < b.list; });
  return matches;
}

}  // namespace casekit
