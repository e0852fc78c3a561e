// Reads a hunspell dictionary (.aff and .dic) into the Suggester's set of
// words: each stem, and each form its affix flags make. Only what Debian's
// English dictionaries use is read; anything else makes load() give up, so
// that a dictionary it cannot expand falls back to hunspell's suggest().
#include <algorithm>
#include <array>
#include <bitset>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "words/suggester.hpp"

namespace casekit {
namespace {

// An affix rule's condition: one set of bytes per position.
using Condition = std::vector<std::bitset<256>>;

struct Affix {
  bool prefix = false, cross = false;
  std::string strip, add;
  Condition condition;
};

struct AffixFile {
  std::array<std::vector<Affix>, 256> rules;  // by flag
  std::string excluded_flags;                 // NOSUGGEST, ONLYINCOMPOUND, ...
  std::string need_affix;
  std::vector<std::pair<std::string, std::string>> replacements;
  bool supported = true;
};

Condition parse_condition(const std::string& text) {
  Condition out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::bitset<256> set;
    if (text[i] == '.') {
      set.set();
    } else if (text[i] == '[') {
      std::size_t close = text.find(']', i);
      if (close == std::string::npos) close = text.size();
      bool negate = i + 1 < close && text[i + 1] == '^';
      for (std::size_t j = i + 1 + negate; j < close; ++j)
        set.set(static_cast<unsigned char>(text[j]));
      if (negate) set.flip();
      i = close;
    } else {
      set.set(static_cast<unsigned char>(text[i]));
    }
    out.push_back(set);
  }
  return out;
}

bool matches(const Condition& condition, const std::string& word, bool at_start) {
  if (condition.size() > word.size()) return false;
  std::size_t from = at_start ? 0 : word.size() - condition.size();
  for (std::size_t i = 0; i < condition.size(); ++i)
    if (!condition[i][static_cast<unsigned char>(word[from + i])]) return false;
  return true;
}

// "0" is hunspell's empty string; "/FLAGS" after an affix (twofold
// affixes) is not followed.
std::string affix_text(const std::string& field) {
  std::string text = field.substr(0, field.find('/'));
  return text == "0" ? "" : text;
}

void read_rule(AffixFile& file, std::istringstream& fields, const std::string& kind,
               std::vector<std::string>& headers) {
  std::string flag, a, b, c;
  fields >> flag >> a >> b >> c;
  if (flag.size() != 1) return void(file.supported = false);
  auto& rules = file.rules[static_cast<unsigned char>(flag[0])];
  std::string key = kind + flag;
  if (std::find(headers.begin(), headers.end(), key) == headers.end()) {
    headers.push_back(key);  // the header: PFX A Y 1
    rules.clear();
    rules.push_back({kind == "PFX", a == "Y", "", "", {}});
    return;
  }
  Affix rule{kind == "PFX", rules.front().cross, affix_text(a), affix_text(b), parse_condition(c)};
  rules.push_back(std::move(rule));
}

AffixFile read_affixes(const std::string& path) {
  AffixFile file;
  std::ifstream in(path, std::ios::binary);
  file.supported = static_cast<bool>(in);
  std::vector<std::string> headers;
  std::string line;
  bool rep_header = true;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind, value;
    fields >> kind;
    if (kind == "PFX" || kind == "SFX") {
      read_rule(file, fields, kind, headers);
    } else if (kind == "REP") {
      std::string to;
      fields >> value >> to;
      if (!rep_header && value.find_first_of("^$_") == std::string::npos &&
          to.find_first_of("^$_") == std::string::npos)
        file.replacements.emplace_back(value, to);
      rep_header = false;
    } else if (kind == "FLAG" || kind == "COMPLEXPREFIXES" || kind == "CIRCUMFIX" || kind == "AF" ||
               kind == "COMPOUNDFLAG") {
      file.supported = false;
    } else if (kind == "NOSUGGEST" || kind == "ONLYINCOMPOUND" || kind == "FORBIDDENWORD") {
      fields >> value;
      file.excluded_flags += value;
    } else if (kind == "NEEDAFFIX") {
      fields >> value;
      file.need_affix += value;
    }
  }
  // Rules are kept without their header entry.
  for (auto& rules : file.rules)
    if (!rules.empty()) rules.erase(rules.begin());
  return file;
}

bool spellable(const std::string& word) {
  if (word.empty()) return false;
  for (char c : word)
    if (!((c >= 'a' && c <= 'z') || c == '\'')) return false;
  return true;
}

std::optional<std::string> affixed(const Affix& rule, const std::string& stem) {
  if (rule.strip.size() > stem.size() || !matches(rule.condition, stem, rule.prefix))
    return std::nullopt;
  if (rule.prefix) {
    if (stem.compare(0, rule.strip.size(), rule.strip) != 0) return std::nullopt;
    return rule.add + stem.substr(rule.strip.size());
  }
  if (stem.compare(stem.size() - rule.strip.size(), rule.strip.size(), rule.strip) != 0)
    return std::nullopt;
  return stem.substr(0, stem.size() - rule.strip.size()) + rule.add;
}

// Every form of one stem: the stem, each suffix and prefix, and prefix
// with suffix where both allow it.
template <typename Add>
void expand(const AffixFile& file, const std::string& stem, const std::string& flags, Add add) {
  if (flags.find_first_of(file.excluded_flags) != std::string::npos) return;
  if (file.need_affix.empty() || flags.find_first_of(file.need_affix) == std::string::npos)
    add(stem);
  for (char flag : flags)
    for (const Affix& rule : file.rules[static_cast<unsigned char>(flag)]) {
      auto form = affixed(rule, stem);
      if (!form) continue;
      add(*form);
      if (rule.prefix || !rule.cross) continue;
      for (char other : flags)
        for (const Affix& prefix : file.rules[static_cast<unsigned char>(other)])
          if (prefix.prefix && prefix.cross)
            if (auto both = affixed(prefix, *form)) add(*both);
    }
}

}  // namespace

std::unique_ptr<Suggester> Suggester::load(const std::string& aff, const std::string& dic) {
  AffixFile file = read_affixes(aff);
  std::ifstream in(dic, std::ios::binary);
  if (!file.supported || !in) return nullptr;
  auto suggester = std::make_unique<Suggester>();
  suggester->replacements_ = std::move(file.replacements);
  auto add = [&](const std::string& form) {
    if (spellable(form)) suggester->words_.insert(form);
  };
  std::string line;
  std::getline(in, line);  // the number of stems; each makes about two words
  suggester->words_.reserve(2 * static_cast<std::size_t>(std::max(0L, std::atol(line.c_str()))));
  while (std::getline(in, line)) {
    std::string entry = line.substr(0, line.find_first_of(" \t"));
    std::size_t slash = entry.find('/');
    std::string stem = entry.substr(0, slash);
    std::string flags = slash == std::string::npos ? "" : entry.substr(slash + 1);
    expand(file, stem, flags, add);
  }
  return suggester;
}

}  // namespace casekit
