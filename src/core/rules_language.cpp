// Writing rules (seeds 000, 001, 002): respectful, objective language.
// The words come from src/data/words.yaml; the client's own words (the
// client_words key, and anything in quotation marks) are never flagged.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bitset>

#include "casekit/check.hpp"
#include "casekit/word_lists.hpp"

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
  return std::find(kProseKeys.begin(), kProseKeys.end(), key) != kProseKeys.end();
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

// The program's lists for the writing rules (or the built-in ones), and
// the union of their first-word filters, so that each word of a text is
// tested once for all six lists.
struct Lists {
  std::array<const WordList*, kRules.size()> lists{};
  std::bitset<4096> any_first_word;
};

Lists writing_lists(const RuleContext& ctx) {
  Lists out;
  for (std::size_t r = 0; r < kRules.size(); ++r) {
    if (!ctx.word_lists)
      out.lists[r] = find_word_list(kRules[r]);
    else
      for (const auto& l : *ctx.word_lists)
        if (l.rule == kRules[r]) out.lists[r] = &l;
    if (out.lists[r]) out.any_first_word |= out.lists[r]->first_word_bits;
  }
  return out;
}

void check_phrases(RuleContext& ctx, const Lists& lists, const SourceFile& file,
                   const YamlNode& scalar, const Words& words) {
  std::vector<std::size_t> starts;
  for (std::size_t t = 0; t < words.size(); ++t)
    if (lists.any_first_word.test(words.tokens[t].filter)) starts.push_back(t);
  if (starts.empty()) return;
  for (const WordList* list : lists.lists) {
    if (!list) continue;
    for (const auto& m : find_words(words, *list, true, &starts)) {
      std::string found = scalar.value.substr(m.offset, m.length);
      std::string hint = m.entry->instead.empty() ? "" : "instead: " + m.entry->instead;
      ctx.report(list->rule.c_str(), locate(file, scalar, m.offset, m.length),
                 fmt::format("'{}': {}", found, list->summary), hint);
    }
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

void walk(RuleContext& ctx, const Lists& lists, const SourceFile& file, const YamlNode& node,
          bool prose) {
  if (node.is_scalar()) {
    if (!prose) return;
    Words words = tokenize_words(node.value);
    check_phrases(ctx, lists, file, node, words);
    if (ctx.speller) check_spelling(ctx, file, node, words);
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    bool child_prose = node.is_mapping() ? is_prose(node.keys[i].value) : prose;
    walk(ctx, lists, file, node.items[i], child_prose);
  }
}

}  // namespace

void check_language(RuleContext& ctx) {
  const ClientFiles& f = ctx.files;
  Lists lists = writing_lists(ctx);
  if (f.client && f.client->parsed) walk(ctx, lists, *f.client, f.client->tree, false);
  if (f.plan && f.plan->parsed) walk(ctx, lists, *f.plan, f.plan->tree, false);
  for (const auto& note : f.notes)
    if (note.parsed) walk(ctx, lists, note, note.tree, false);
}

}  // namespace casekit
