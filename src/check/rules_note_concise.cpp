// note/concise: seed 000's "Thorough, yet concise" for a progress note's
// sections. A section that repeats another word for word, or runs on far
// past what a colleague reads, is neither.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "check/check.hpp"
#include "check/rule_groups.hpp"

namespace casekit {
namespace {

// Longer than this, a section is a transcript, not a note: the longest
// section of the sample caseload has about 80 words.
constexpr std::size_t kMostWords = 400;
// Shorter than this, two sections may well agree by chance ("None today.").
constexpr std::size_t kFewestWordsToCompare = 6;

struct Section {
  const char* key;
  const std::string* text;
};

// The words of a text, lower case, one space apart: how two sections are
// compared, and how long one is.
// ASCII only, as std::isspace and std::tolower in the "C" locale casekit
// runs in, without a call per byte: every note's sections pass here.
std::string words_of(const std::string& text, std::size_t& count) {
  std::string out;
  out.reserve(text.size());
  count = 0;
  for (char c : text) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (out.empty() || out.back() == ' ') ++count;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void check_note(RuleContext& ctx, const Note& n) {
  const std::array<Section, 4> sections = {Section{"strengths", &n.strengths},
                                           {"objective", &n.objective},
                                           {"assessment", &n.assessment},
                                           {"data", &n.data}};
  // At most four sections: a list compares faster than a hash map builds.
  std::vector<std::pair<std::string, const char*>> seen;
  for (const auto& s : sections) {
    std::size_t count = 0;
    std::string words = words_of(*s.text, count);
    if (count > kMostWords)
      ctx.report("note/concise", ctx.at(n, s.key),
                 fmt::format("the note's {} runs to {} words", s.key, count),
                 fmt::format("keep what a colleague needs (what happened, what it means, what "
                             "is next) in under {} words",
                             kMostWords));
    if (count < kFewestWordsToCompare) continue;
    auto first = std::find_if(seen.begin(), seen.end(),
                              [&](const auto& earlier) { return earlier.first == words; });
    if (first == seen.end())
      seen.emplace_back(std::move(words), s.key);
    else
      ctx.report("note/concise", ctx.at(n, s.key),
                 fmt::format("the note's {} repeats its {} word for word", s.key, first->second),
                 fmt::format("write in `{}:` what belongs there, and only there", s.key));
  }
}

}  // namespace

void check_note_concise(RuleContext& ctx) {
  for (const auto& note : ctx.record.notes) check_note(ctx, note);
}

}  // namespace casekit
