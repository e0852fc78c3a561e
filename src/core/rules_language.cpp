// Writing rules (seeds 000, 001, 002): respectful, objective language.
// The words come from src/data/words.yaml; the client's own words (the
// client_words key, and anything in quotation marks) are never flagged.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "casekit/check.hpp"
#include "casekit/word_lists.hpp"
#include "same_key.hpp"

namespace casekit {
namespace {

// Keys whose values are the worker's own prose.
constexpr std::array<std::string_view, 21> kProseKeys = {
    "background",   "readiness", "challenges",    "barriers",   "strengths", "resources",
    "description",  "statement", "methods",       "step",       "exit_plan", "outcome",
    "summary",      "reason",    "objective",     "assessment", "data",      "client_steps",
    "worker_steps", "declined",  "accommodations"};

constexpr std::array<std::string_view, 6> kRules = {"language/label",   "language/doubt",
                                                    "language/opinion", "language/absolute",
                                                    "language/slang",   "language/over-promise"};

bool is_prose(std::string_view key) {
  return std::any_of(kProseKeys.begin(), kProseKeys.end(),
                     [&](std::string_view prose) { return same_key(prose, key); });
}

// Where a phrase of a scalar's value stands in the file: its n-th
// occurrence after the scalar's start (quoting and folding move text
// around, so positions are found in the source, not computed).
Location locate(const SourceFile& file, const YamlNode& scalar, std::size_t offset,
                std::size_t length) {
  std::string value = to_lower(scalar.value);
  std::string phrase = value.substr(offset, length);
  std::size_t nth = 0;
  for (std::size_t at = value.find(phrase); at < offset; at = value.find(phrase, at + 1)) ++nth;
  std::string source = to_lower(file.source.text);
  std::size_t pos = source.find(phrase, static_cast<std::size_t>(scalar.mark.offset));
  for (; pos != std::string::npos && nth > 0; --nth) pos = source.find(phrase, pos + 1);
  if (pos == std::string::npos) return {file.display, scalar.mark.line + 1, scalar.mark.column + 1};
  std::size_t line_start = source.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_start = line_start == std::string::npos || pos == 0 ? 0 : line_start + 1;
  int line =
      static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(pos), '\n')) +
      1;
  return {file.display, line, static_cast<int>(pos - line_start) + 1};
}

void check_phrases(RuleContext& ctx, const PhraseIndex& phrases, const SourceFile& file,
                   const YamlNode& scalar, const Words& words) {
  for (const auto& [list_index, m] : phrases.find(words)) {
    const WordList& list = *phrases.lists()[list_index];
    std::string found = scalar.value.substr(m.offset, m.length);
    std::string hint = m.entry->instead.empty() ? "" : "instead: " + m.entry->instead;
    ctx.report(list.rule.c_str(), locate(file, scalar, m.offset, m.length),
               fmt::format("'{}': {}", found, list.summary), hint);
  }
}

void check_spelling(RuleContext& ctx, const SourceFile& file, const YamlNode& scalar,
                    const Words& words) {
  for (std::size_t t = 0; t < words.size(); ++t) {
    const WordToken& token = words.tokens[t];
    if (!token.spellable || ctx.speller->correct(words.word(t))) continue;
    std::string word(words.word(t));
    std::optional<std::string> better = ctx.speller->suggestion(word);
    ctx.report(
        "language/spelling", locate(file, scalar, token.offset, token.length),
        fmt::format("'{}' may be misspelled", word),
        better ? fmt::format("did you mean '{}'? Add local words to `dictionary:` in casekit.yaml",
                             *better)
               : "add local words to `dictionary:` in casekit.yaml");
  }
}

// `words` is the tokenizer's buffer, reused from one value to the next.
void walk(RuleContext& ctx, const PhraseIndex& phrases, const SourceFile& file,
          const YamlNode& node, bool prose, Words& words) {
  if (node.is_scalar()) {
    if (!prose) return;
    tokenize_words(node.value, words);
    check_phrases(ctx, phrases, file, node, words);
    if (ctx.speller) check_spelling(ctx, file, node, words);
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    bool child_prose = node.is_mapping() ? is_prose(node.keys[i].value) : prose;
    walk(ctx, phrases, file, node.items[i], child_prose, words);
  }
}

}  // namespace

PhraseIndex writing_phrases(const std::vector<WordList>& lists) {
  std::vector<const WordList*> chosen;
  for (std::string_view rule : kRules) {
    const WordList* list = nullptr;
    for (const auto& l : lists)
      if (l.rule == rule) list = &l;
    chosen.push_back(list);
  }
  return PhraseIndex(chosen);
}

void check_language(RuleContext& ctx) {
  const ClientFiles& f = ctx.files;
  static const PhraseIndex built_in = writing_phrases(word_lists());
  const PhraseIndex& phrases = ctx.writing_phrases ? *ctx.writing_phrases : built_in;
  Words words;
  if (f.client && f.client->parsed) walk(ctx, phrases, *f.client, f.client->tree, false, words);
  if (f.plan && f.plan->parsed) walk(ctx, phrases, *f.plan, f.plan->tree, false, words);
  for (const auto& note : f.notes)
    if (note.parsed) walk(ctx, phrases, note, note.tree, false, words);
}

}  // namespace casekit
