// Writing rules (seeds 000, 001, 002): respectful, objective language.
// The words come from src/data/words.yaml; the client's own words (the
// client_words key, and quotations someone is said to have said) are never
// flagged; a worker's scare quotes are.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

#include "base/same_key.hpp"
#include "check/check.hpp"
#include "check/rule_groups.hpp"
#include "words/word_lists.hpp"

namespace casekit {
namespace {

// Keys whose values are the worker's own prose: every free-text field of
// the assessment, the plan (a goal's `responsible:`, a milestone's `who:`)
// and the notes.
constexpr std::array<std::string_view, 27> kProseKeys = {
    "background",   "readiness",      "challenges",     "barriers",    "strengths", "resources",
    "description",  "statement",      "methods",        "step",        "exit_plan", "outcome",
    "summary",      "reason",         "objective",      "assessment",  "data",      "client_steps",
    "worker_steps", "declined",       "accommodations", "responsible", "who",       "frequency",
    "duration",     "strengths_used", "basis"};

constexpr std::array<std::string_view, 7> kRules = {
    "language/label", "language/doubt",        "language/opinion", "language/absolute",
    "language/slang", "language/over-promise", "language/grammar"};

bool is_prose(std::string_view key) {
  return std::any_of(kProseKeys.begin(), kProseKeys.end(),
                     [&](std::string_view prose) { return same_key(prose, key); });
}

// Where a phrase of a scalar's value stands in the file: its n-th
// occurrence after the scalar's start (quoting and folding move text
// around, so positions are found in the source, not computed). One per
// file: the lower-cased text and the line starts are made once, at the
// file's first finding, and the search goes on from the scalar's last
// finding (findings come in order of their offset, a pass per rule), so a
// value with thousands of findings is read a few times, not once per
// finding.
class Locator {
 public:
  explicit Locator(const SourceFile& file) : file_(file) {}

  // `end`: where the next node starts, which the scalar's text cannot pass.
  void start_scalar(const YamlNode& scalar, std::size_t end) {
    scalar_ = &scalar;
    end_ = std::min(end, file_.source.text.size());
    value_.reset();
    value_at_ = kNone;
  }

  Location at(std::size_t offset, std::size_t length) {
    if (line_starts_.empty()) prepare();
    if (!value_) value_ = to_lower(scalar_->value);
    if (offset < value_at_) restart();  // also at the scalar's first (kNone)
    std::string_view value = *value_;
    std::string_view phrase = value.substr(offset, length);
    std::string_view source = std::string_view(source_).substr(0, end_);
    std::size_t pos = source.find(phrase, source_at_);
    for (std::size_t at = value.find(phrase, value_at_); pos != std::string::npos && at < offset;
         at = value.find(phrase, at + 1))
      pos = source.find(phrase, pos + 1);
    if (pos == std::string::npos)
      return {file_.display, scalar_->mark.line + 1, scalar_->mark.column + 1};
    value_at_ = offset;
    source_at_ = pos;
    auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos) - 1;
    return {file_.display, static_cast<int>(line - line_starts_.begin()) + 1,
            static_cast<int>(pos - *line) + 1};
  }

 private:
  void prepare() {
    source_ = to_lower(file_.source.text);
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source_.size(); ++i)
      if (source_[i] == '\n') line_starts_.push_back(i + 1);
  }

  void restart() {
    value_at_ = 0;
    source_at_ = static_cast<std::size_t>(scalar_->mark.offset);
  }

  const SourceFile& file_;
  std::string source_;
  std::vector<std::size_t> line_starts_;
  static constexpr std::size_t kNone = std::string::npos;
  const YamlNode* scalar_ = nullptr;
  std::optional<std::string> value_;  // the scalar's, lower-cased
  std::size_t end_ = 0;
  // The last finding found: its offset in the value and in the source.
  std::size_t value_at_ = kNone, source_at_ = 0;
};

// One file's prose, walked value by value. `words_` is the tokenizer's
// buffer, reused from one value to the next.
class LanguageWalk {
 public:
  LanguageWalk(RuleContext& ctx, const PhraseIndex& phrases, const SourceFile& file, Words& words)
      : ctx_(ctx), phrases_(phrases), file_(file), words_(words), locator_(file) {}

  void run() { walk(file_.tree, false, file_.source.text.size()); }

 private:
  // `end`: where the node after this one starts (see Locator).
  void walk(const YamlNode& node, bool prose, std::size_t end) {
    if (node.is_scalar()) {
      if (!prose) return;
      tokenize_words(node.value, words_);
      unquote_scare_quotes(node.value, words_);
      locator_.start_scalar(node, end);
      check_phrases(node);
      if (ctx_.speller) check_spelling();
      return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      std::size_t item_end = end;
      if (i + 1 < node.items.size())
        item_end = static_cast<std::size_t>(
            (node.is_mapping() ? node.keys[i + 1] : node.items[i + 1]).mark.offset);
      bool child_prose = node.is_mapping() ? is_prose(node.keys[i].value) : prose;
      walk(node.items[i], child_prose, item_end);
    }
  }

  void check_phrases(const YamlNode& scalar) {
    for (const auto& [list_index, m] : phrases_.find(words_)) {
      const WordList& list = *phrases_.lists()[list_index];
      std::string found = scalar.value.substr(m.offset, m.length);
      std::string hint = m.entry->instead.empty() ? "" : "instead: " + m.entry->instead;
      ctx_.report(list.rule.c_str(), locator_.at(m.offset, m.length),
                  fmt::format("'{}': {}", found, list.summary), hint);
    }
  }

  void check_spelling() {
    for (std::size_t t = 0; t < words_.size(); ++t) {
      const WordToken& token = words_.tokens[t];
      if (!token.spellable || ctx_.speller->correct(words_.word(t))) continue;
      std::string word(words_.word(t));
      std::optional<std::string> better = ctx_.speller->suggestion(word);
      ctx_.report(
          "language/spelling", locator_.at(token.offset, token.length),
          fmt::format("'{}' may be misspelled", word),
          better
              ? fmt::format("did you mean '{}'? Add local words to `dictionary:` in casekit.yaml",
                            *better)
              : "add local words to `dictionary:` in casekit.yaml");
    }
  }

  RuleContext& ctx_;
  const PhraseIndex& phrases_;
  const SourceFile& file_;
  Words& words_;
  Locator locator_;
};

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
  if (f.client && f.client->parsed) LanguageWalk(ctx, phrases, *f.client, words).run();
  if (f.plan && f.plan->parsed) LanguageWalk(ctx, phrases, *f.plan, words).run();
  for (const auto& note : f.notes)
    if (note.parsed) LanguageWalk(ctx, phrases, note, words).run();
}

}  // namespace casekit
