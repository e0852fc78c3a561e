// Writing rules (seeds 000, 001, 002): respectful, objective language.
// The words come from src/data/words.yaml; the client's own words (the
// client_words key, and anything in quotation marks) are never flagged.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "casekit/check.hpp"
#include "casekit/word_lists.hpp"

namespace casekit {
namespace {

// Keys whose values are the worker's own prose.
constexpr std::array<std::string_view, 21> kProseKeys = {
    "background", "readiness", "challenges", "barriers", "strengths", "resources", "description",
    "statement", "methods", "step", "exit_plan", "outcome", "summary", "reason",
    "objective", "assessment", "data", "client_steps", "worker_steps", "declined", "accommodations"};

constexpr std::array<std::string_view, 6> kRules = {"language/label", "language/doubt", "language/opinion",
                                                     "language/absolute", "language/slang", "language/over-promise"};

bool is_prose(std::string_view key) { return std::find(kProseKeys.begin(), kProseKeys.end(), key) != kProseKeys.end(); }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Where a phrase of a scalar's value stands in the file: its n-th
// occurrence after the scalar's start (quoting and folding move text
// around, so positions are found in the source, not computed).
Location locate(const SourceFile& file, const YamlNode& scalar, std::size_t offset, std::size_t length) {
  std::string value = lower(scalar.value);
  std::string phrase = value.substr(offset, length);
  std::size_t nth = 0;
  for (std::size_t at = value.find(phrase); at < offset; at = value.find(phrase, at + 1)) ++nth;
  std::string source = lower(file.source.text);
  std::size_t pos = source.find(phrase, static_cast<std::size_t>(scalar.mark.offset));
  for (; pos != std::string::npos && nth > 0; --nth) pos = source.find(phrase, pos + 1);
  if (pos == std::string::npos) return {file.display, scalar.mark.line + 1, scalar.mark.column + 1};
  std::size_t line_start = source.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_start = line_start == std::string::npos || pos == 0 ? 0 : line_start + 1;
  int line = static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(pos), '\n')) + 1;
  return {file.display, line, static_cast<int>(pos - line_start) + 1};
}

void check_text(RuleContext& ctx, const SourceFile& file, const YamlNode& scalar) {
  for (std::string_view rule : kRules) {
    const WordList* list = find_word_list(rule);
    if (!list) continue;
    for (const auto& m : find_words(scalar.value, *list, true)) {
      std::string found = scalar.value.substr(m.offset, m.length);
      std::string hint = m.entry->instead.empty() ? "" : "instead: " + m.entry->instead;
      ctx.report(list->rule.c_str(), locate(file, scalar, m.offset, m.length),
                 fmt::format("'{}': {}", found, list->summary), hint);
    }
  }
}

void walk(RuleContext& ctx, const SourceFile& file, const YamlNode& node, bool prose) {
  if (node.is_scalar()) {
    if (prose) check_text(ctx, file, node);
    return;
  }
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    bool child_prose = node.is_mapping() ? is_prose(node.keys[i].value) : prose;
    walk(ctx, file, node.items[i], child_prose);
  }
}

}  // namespace

void check_language(RuleContext& ctx) {
  const ClientFiles& f = ctx.files;
  if (f.client && f.client->parsed) walk(ctx, *f.client, f.client->tree, false);
  if (f.plan && f.plan->parsed) walk(ctx, *f.plan, f.plan->tree, false);
  for (const auto& note : f.notes)
    if (note.parsed) walk(ctx, note, note.tree, false);
}

}  // namespace casekit
