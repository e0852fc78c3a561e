#include "words/speller.hpp"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <unistd.h>
#include <hunspell.hxx>

#include <cstdlib>
#include <map>
#include <mutex>
#include <vector>

#include "words/suggester.hpp"
#include "words/word_hash.hpp"

namespace casekit {
namespace {

using WordSet = absl::flat_hash_set<std::string, QuickWordHash, QuickWordEqual>;

// The Suggester of a dictionary, loaded once for the workers of a run
// (about 0.1 s and 12 MB for en_US); kept while any speller uses it.
std::shared_ptr<const Suggester> shared_suggester(const std::string& aff, const std::string& dic) {
  static std::mutex lock;
  static std::map<std::string, std::weak_ptr<const Suggester>> loaded;
  std::lock_guard<std::mutex> guard(lock);
  auto& slot = loaded[aff + '\n' + dic];
  std::shared_ptr<const Suggester> suggester = slot.lock();
  if (!suggester) slot = suggester = Suggester::load(aff, dic);
  return suggester;
}

}  // namespace

struct Speller::Impl {
  Hunspell hunspell;
  std::string aff, dic;
  // Loaded at the first misspelling, and shared by the run's workers.
  std::shared_ptr<const Suggester> suggester;
  bool suggester_loaded = false;
  WordSet program_words;
  // One record's names, unaccented and in lower case, until end_record().
  // Kept out of hunspell, so that what hunspell says and suggests is the
  // same for every record of the run (and can be remembered), and no
  // client's name is ever suggested in another client's record.
  WordSet record_words;
  // Suggestions by misspelled word, for the whole run: a caseload repeats
  // its misspellings.
  absl::flat_hash_map<std::string, std::optional<std::string>, QuickWordHash, QuickWordEqual>
      suggestions;
  // A record full of one misspelling gets a hint on its first ones only.
  int suggestions_left = kSuggestionsPerRecord;
  // hunspell's suggest() takes milliseconds; it only runs for a dictionary
  // the Suggester cannot read, and only so often in a run.
  int hunspell_suggestions_left = kHunspellSuggestionsPerRun;
  // Words the dictionary (with the program's words) knows. A caseload
  // repeats its vocabulary, and a set lookup is far cheaper than hunspell's
  // affix analysis. Abseil's flat set, because this lookup runs for every
  // word of a caseload and std::unordered_set's was a twentieth of check's
  // time (a node per word, a division per lookup).
  WordSet known;
  static constexpr int kSuggestionsPerRecord = 10;
  static constexpr int kHunspellSuggestionsPerRun = 100;
  static constexpr std::size_t kMaxKnown = 200000;
  static constexpr std::size_t kMaxSuggestions = 100000;
  Impl(const std::string& aff_path, const std::string& dic_path)
      : hunspell(aff_path.c_str(), dic_path.c_str()), aff(aff_path), dic(dic_path) {}

  std::optional<std::string> compute(const std::string& word);
};

std::optional<std::string> Speller::Impl::compute(const std::string& word) {
  if (!suggester_loaded) {
    suggester = shared_suggester(aff, dic);
    suggester_loaded = true;
  }
  if (suggester) return suggester->suggest(word, program_words);
  if (hunspell_suggestions_left <= 0) return std::nullopt;
  --hunspell_suggestions_left;
  auto found = hunspell.suggest(word);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::string dictionary_base(const std::string& variant) {
  const char* chosen = std::getenv("CASEKIT_DICTIONARY");
  return chosen && *chosen ? chosen : "/usr/share/hunspell/" + variant;
}

bool dictionary_installed(const std::string& variant) {
  std::string base = dictionary_base(variant);
  return ::access((base + ".aff").c_str(), R_OK) == 0 &&
         ::access((base + ".dic").c_str(), R_OK) == 0;
}

std::unique_ptr<Speller> Speller::open_default(const std::string& variant) {
  if (!dictionary_installed(variant)) return nullptr;
  std::string base = dictionary_base(variant);
  return std::make_unique<Speller>(base + ".aff", base + ".dic");
}

namespace {

// hunspell shares one UTF-8 table among its instances, made and freed
// under a count without a lock: two workers opening or closing their
// spellers at once lost it (LeakSanitizer in check-cache/differential).
// So spellers are opened and closed one at a time.
std::mutex& hunspell_lifetimes() {
  static std::mutex lock;
  return lock;
}

}  // namespace

Speller::Speller(const std::string& aff, const std::string& dic) {
  std::lock_guard<std::mutex> guard(hunspell_lifetimes());
  impl_ = std::make_unique<Impl>(aff, dic);
}

Speller::~Speller() {
  std::lock_guard<std::mutex> guard(hunspell_lifetimes());
  impl_.reset();
}

void Speller::accept(const std::string& word) {
  impl_->hunspell.add(word);
  impl_->program_words.insert(word);
}

void Speller::accept_for_record(const std::string& word) {
  impl_->record_words.insert(unaccented_lower(word));
}

void Speller::end_record() {
  impl_->record_words.clear();
  impl_->suggestions_left = Impl::kSuggestionsPerRecord;
}

bool Speller::correct(std::string_view word) {
  if (impl_->known.contains(word)) return true;
  // A name with 's: "delgado's".
  std::string_view name = word.size() > 2 && word.substr(word.size() - 2) == "'s"
                              ? word.substr(0, word.size() - 2)
                              : word;
  if (impl_->record_words.contains(name)) return true;
  std::string copy(word);
  if (!impl_->hunspell.spell(copy)) return false;
  if (impl_->known.size() >= Impl::kMaxKnown) impl_->known.clear();
  impl_->known.insert(std::move(copy));
  return true;
}

std::optional<std::string> Speller::suggestion(const std::string& word) {
  if (impl_->suggestions_left <= 0) return std::nullopt;
  --impl_->suggestions_left;
  auto& cache = impl_->suggestions;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  std::optional<std::string> found = impl_->compute(word);
  if (cache.size() >= Impl::kMaxSuggestions) cache.clear();
  cache.emplace(word, found);
  return found;
}

bool Speller::suggests_in_any_order() {
  if (!impl_->suggester_loaded) {
    impl_->suggester = shared_suggester(impl_->aff, impl_->dic);
    impl_->suggester_loaded = true;
  }
  return impl_->suggester != nullptr;
}

}  // namespace casekit
