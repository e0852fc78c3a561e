#include "words/suggester.hpp"

#include <string_view>

namespace casekit {
namespace {

constexpr std::string_view kLetters = "esianrtolcdugmfphbyvkwzqjx'";
constexpr std::string_view kVowels = "aeiouy";

bool is_vowel(char c) {
  return kVowels.find(c) != std::string_view::npos;
}

}  // namespace

// The best word found so far: the kind of edit that made it (lower is
// likelier) and, among equals, the first found.
struct Suggester::Best {
  const Suggester& self;
  const WordSet& extra;
  std::optional<std::string> word;
  int rank = 1 << 30;
  void consider(const std::string& candidate, int kind) {
    if (kind < rank && (self.words_.contains(candidate) || extra.contains(candidate))) {
      word = candidate;
      rank = kind;
    }
  }
};

// One edit away, tried from the likeliest kind of typo to the least:
// the REP table's misspellings, swapped letters, a doubled or undoubled
// letter, a wrong vowel, a dropped or extra letter, a wrong letter.
// With only_first_class, stops at the first kind that finds a word.
void Suggester::edits(const std::string& word, Best& best, bool only_first_class) const {
  std::string w = word;
  auto done = [&](int kind) { return only_first_class && best.rank <= kind; };
  for (const auto& [from, to] : replacements_)
    for (std::size_t at = w.find(from); at != std::string::npos; at = w.find(from, at + 1))
      best.consider(w.substr(0, at) + to + w.substr(at + from.size()), 0);
  if (done(0)) return;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    std::swap(w[i], w[i + 1]);
    best.consider(w, 1);
    std::swap(w[i], w[i + 1]);
  }
  if (done(1)) return;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool doubled = i + 1 < w.size() && w[i] == w[i + 1];
    std::string other =
        doubled ? w.substr(0, i) + w.substr(i + 1) : w.substr(0, i + 1) + w.substr(i);
    best.consider(other, 2);
  }
  if (done(2)) return;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char was = w[i];
    if (!is_vowel(was)) continue;
    for (char v : kVowels) {
      w[i] = v;
      if (v != was) best.consider(w, 3);
    }
    w[i] = was;
  }
  if (done(3)) return;
  // Later positions first: a word's first letters are the ones most often right.
  for (std::size_t i = w.size(); i-- > 0;) best.consider(w.substr(0, i) + w.substr(i + 1), 4);
  for (std::size_t i = w.size() + 1; i-- > 0;)
    for (char c : kLetters) best.consider(w.substr(0, i) + c + w.substr(i), 4);
  if (done(4)) return;
  for (std::size_t i = 0; i < w.size(); ++i) {
    char was = w[i];
    for (char c : kLetters) {
      w[i] = c;
      if (c != was) best.consider(w, 5);
    }
    w[i] = was;
  }
}

std::optional<std::string> Suggester::suggest(const std::string& word, const WordSet& extra) const {
  Best best{*this, extra, std::nullopt};
  edits(word, best, true);
  if (best.word) return best.word;
  // Two edits, when the first fixes a doubled letter or a swap (tommorow,
  // reccomend, maintainance): the commonest typos come in pairs of those.
  std::string w = word;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool doubled = i + 1 < w.size() && w[i] == w[i + 1];
    std::string other =
        doubled ? w.substr(0, i) + w.substr(i + 1) : w.substr(0, i + 1) + w.substr(i);
    edits(other, best, true);
  }
  return best.word;
}

}  // namespace casekit
