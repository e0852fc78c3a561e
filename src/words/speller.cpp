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

using SpellerWordSet = absl::flat_hash_set<std::string, QuickWordHash, QuickWordEqual>;

// A dictionary as loaded, with the program's words added: what stays the
// same from one speller to the next, and so can be kept for the next.
struct LoadedDictionary {
  Hunspell hunspell;
  // Words the dictionary (with the program's words) knows. A caseload
  // repeats its vocabulary, and a set lookup is far cheaper than hunspell's
  // affix analysis. Abseil's flat set, because this lookup runs for every
  // word of a caseload and std::unordered_set's was a twentieth of check's
  // time (a node per word, a division per lookup).
  SpellerWordSet known;
  SpellerWordSet program_words;
  LoadedDictionary(const std::string& aff, const std::string& dic,
                   const std::vector<std::string>& words)
      : hunspell(aff.c_str(), dic.c_str()) {
    for (const auto& word : words) {
      hunspell.add(word);
      program_words.insert(word);
    }
  }
};

namespace {

// Loaded dictionaries no speller uses, by dictionary and program words,
// and each dictionary's Suggester (about 0.1 s and 12 MB for en_US, shared
// by every speller). A few are kept: a process opens one or two
// dictionaries, each for a worker or two at a time.
class DictionaryPool {
 public:
  static DictionaryPool& instance() {
    static DictionaryPool pool;
    return pool;
  }
  ~DictionaryPool() {
    std::lock_guard<std::mutex> guard(lifetimes_);
    idle_.clear();
  }
  std::unique_ptr<LoadedDictionary> take(const std::string& key, const std::string& aff,
                                         const std::string& dic,
                                         const std::vector<std::string>& words) {
    {
      std::lock_guard<std::mutex> guard(lock_);
      for (auto it = idle_.begin(); it != idle_.end(); ++it)
        if (it->first == key) {
          auto loaded = std::move(it->second);
          idle_.erase(it);
          return loaded;
        }
    }
    std::lock_guard<std::mutex> guard(lifetimes_);
    return std::make_unique<LoadedDictionary>(aff, dic, words);
  }
  void give_back(std::string key, std::unique_ptr<LoadedDictionary> loaded) {
    std::unique_ptr<LoadedDictionary> dropped;
    {
      std::lock_guard<std::mutex> guard(lock_);
      idle_.emplace_back(std::move(key), std::move(loaded));
      if (idle_.size() <= kIdle) return;
      dropped = std::move(idle_.front().second);
      idle_.erase(idle_.begin());
    }
    std::lock_guard<std::mutex> guard(lifetimes_);
    dropped.reset();
  }
  std::shared_ptr<const Suggester> suggester(const std::string& aff, const std::string& dic) {
    std::lock_guard<std::mutex> guard(lock_);
    auto [slot, added] = suggesters_.try_emplace(aff + '\n' + dic);
    if (added) slot->second = Suggester::load(aff, dic);
    return slot->second;
  }

 private:
  static constexpr std::size_t kIdle = 4;
  std::mutex lock_;
  // hunspell shares one UTF-8 table among its instances, made and freed
  // under a count without a lock: two workers opening or closing their
  // spellers at once lost it (LeakSanitizer in check-cache/differential).
  // So dictionaries are loaded and freed one at a time.
  std::mutex lifetimes_;
  std::vector<std::pair<std::string, std::unique_ptr<LoadedDictionary>>> idle_;
  std::map<std::string, std::shared_ptr<const Suggester>> suggesters_;
};

// The pool's key: the dictionary's files and the program's words.
std::string dictionary_key(const std::string& aff, const std::string& dic,
                           const std::vector<std::string>& words) {
  std::string key = aff + '\n' + dic;
  for (const auto& word : words) key += '\n' + word;
  return key;
}

}  // namespace

struct Speller::Impl {
  std::string aff, dic, key;
  std::unique_ptr<LoadedDictionary> loaded;
  // Loaded at the first misspelling, and shared by the process's spellers.
  std::shared_ptr<const Suggester> suggester;
  bool suggester_loaded = false;
  // One record's names, unaccented and in lower case, until end_record().
  // Kept out of hunspell, so that what hunspell says and suggests is the
  // same for every record of the run (and can be remembered), and no
  // client's name is ever suggested in another client's record.
  SpellerWordSet record_words;
  // Suggestions by misspelled word, for the whole run: a caseload repeats
  // its misspellings.
  absl::flat_hash_map<std::string, std::optional<std::string>, QuickWordHash, QuickWordEqual>
      suggestions;
  // A record full of one misspelling gets a hint on its first ones only.
  int suggestions_left = kSuggestionsPerRecord;
  // hunspell's suggest() takes milliseconds; it only runs for a dictionary
  // the Suggester cannot read, and only so often in a run.
  int hunspell_suggestions_left = kHunspellSuggestionsPerRun;
  static constexpr int kSuggestionsPerRecord = 10;
  static constexpr int kHunspellSuggestionsPerRun = 100;
  static constexpr std::size_t kMaxKnown = 200000;
  static constexpr std::size_t kMaxSuggestions = 100000;
  Impl(const std::string& aff_path, const std::string& dic_path,
       const std::vector<std::string>& words)
      : aff(aff_path),
        dic(dic_path),
        key(dictionary_key(aff, dic, words)),
        loaded(DictionaryPool::instance().take(key, aff, dic, words)) {}
  ~Impl() { DictionaryPool::instance().give_back(std::move(key), std::move(loaded)); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void load_suggester() {
    if (suggester_loaded) return;
    suggester = DictionaryPool::instance().suggester(aff, dic);
    suggester_loaded = true;
  }
  std::optional<std::string> compute(const std::string& word);
};

std::optional<std::string> Speller::Impl::compute(const std::string& word) {
  load_suggester();
  if (suggester) return suggester->suggest(word, loaded->program_words);
  if (hunspell_suggestions_left <= 0) return std::nullopt;
  --hunspell_suggestions_left;
  auto found = loaded->hunspell.suggest(word);
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

std::unique_ptr<Speller> Speller::open_default(const std::string& variant,
                                               const std::vector<std::string>& program_words) {
  if (!dictionary_installed(variant)) return nullptr;
  std::string base = dictionary_base(variant);
  return std::make_unique<Speller>(base + ".aff", base + ".dic", program_words);
}

Speller::Speller(const std::string& aff, const std::string& dic,
                 const std::vector<std::string>& program_words)
    : impl_(std::make_unique<Impl>(aff, dic, program_words)) {}

Speller::~Speller() = default;

void Speller::accept_for_record(const std::string& word) {
  impl_->record_words.insert(unaccented_lower(word));
}

void Speller::end_record() {
  impl_->record_words.clear();
  impl_->suggestions_left = Impl::kSuggestionsPerRecord;
}

bool Speller::correct(std::string_view word) {
  SpellerWordSet& known = impl_->loaded->known;
  if (known.contains(word)) return true;
  // A name with 's: "delgado's".
  std::string_view name = word.size() > 2 && word.substr(word.size() - 2) == "'s"
                              ? word.substr(0, word.size() - 2)
                              : word;
  if (impl_->record_words.contains(name)) return true;
  std::string copy(word);
  if (!impl_->loaded->hunspell.spell(copy)) return false;
  if (known.size() >= Impl::kMaxKnown) known.clear();
  known.insert(std::move(copy));
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
  impl_->load_suggester();
  return impl_->suggester != nullptr;
}

}  // namespace casekit
