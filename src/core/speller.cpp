#include "casekit/speller.hpp"

#include <absl/container/flat_hash_set.h>
#include <unistd.h>
#include <hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "word_hash.hpp"

namespace casekit {

struct Speller::Impl {
  Hunspell hunspell;
  // Suggesting is slow (milliseconds a word); the first ones of a run help
  // most, and a caseload full of one misspelling should not crawl.
  int suggestions_left = kSuggestionsPerRecord;
  std::vector<std::string> record_words;
  // Words the dictionary (with the program's words) knows. A caseload
  // repeats its vocabulary, and a set lookup is far cheaper than hunspell's
  // affix analysis. Record words are never cached: they are forgotten at
  // the end of the record. Abseil's flat set, because this lookup runs for
  // every word of a caseload and std::unordered_set's was a twentieth of
  // check's time (a node per word, a division per lookup).
  absl::flat_hash_set<std::string, QuickWordHash, QuickWordEqual> known;
  static constexpr int kSuggestionsPerRecord = 10;
  static constexpr std::size_t kMaxKnown = 200000;
  Impl(const std::string& aff, const std::string& dic) : hunspell(aff.c_str(), dic.c_str()) {}
};

std::unique_ptr<Speller> Speller::open_default() {
  std::string base = "/usr/share/hunspell/en_US";
  if (const char* chosen = std::getenv("CASEKIT_DICTIONARY"); chosen && *chosen) base = chosen;
  std::string aff = base + ".aff", dic = base + ".dic";
  if (::access(aff.c_str(), R_OK) != 0 || ::access(dic.c_str(), R_OK) != 0) return nullptr;
  return std::make_unique<Speller>(aff, dic);
}

Speller::Speller(const std::string& aff, const std::string& dic)
    : impl_(std::make_unique<Impl>(aff, dic)) {}
Speller::~Speller() = default;

void Speller::accept(const std::string& word) {
  impl_->hunspell.add(word);
}

void Speller::accept_for_record(const std::string& word) {
  if (impl_->hunspell.spell(word)) return;
  impl_->hunspell.add(word);
  impl_->record_words.push_back(word);
}

void Speller::end_record() {
  for (const auto& word : impl_->record_words) impl_->hunspell.remove(word);
  impl_->record_words.clear();
  impl_->suggestions_left = Impl::kSuggestionsPerRecord;
}

bool Speller::correct(std::string_view word) {
  if (impl_->known.contains(word)) return true;
  std::string copy(word);
  if (!impl_->hunspell.spell(copy)) return false;
  const auto& local = impl_->record_words;
  if (std::find(local.begin(), local.end(), copy) == local.end()) {
    if (impl_->known.size() >= Impl::kMaxKnown) impl_->known.clear();
    impl_->known.insert(std::move(copy));
  }
  return true;
}

std::optional<std::string> Speller::suggestion(const std::string& word) {
  if (impl_->suggestions_left <= 0) return std::nullopt;
  --impl_->suggestions_left;
  auto suggestions = impl_->hunspell.suggest(word);
  if (suggestions.empty()) return std::nullopt;
  return suggestions.front();
}

}  // namespace casekit
