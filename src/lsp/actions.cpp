#include "lsp/actions.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "edit/templates.hpp"
#include "findings/rule_catalogue.hpp"
#include "words/rewordings.hpp"
#include "words/speller.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit::lsp {
namespace {

struct Edit {
  Range range;
  std::string text;
};

std::string edited(std::string_view text, const Edit& edit) {
  return replaced(text, edit.range, edit.text);
}

// The tree of a text, or nullopt when it does not parse.
std::optional<YamlNode> tree_of(const std::string& text) {
  try {
    return parse_yaml(decode_source(text, "buffer"), "buffer");
  } catch (const Error&) {
    return std::nullopt;
  }
}

Json action(const std::string& title, const std::string& uri, const std::vector<Edit>& edits,
            const Json& diagnostic) {
  Json changes = Json::array();
  for (const auto& e : edits) changes.push_back({{"range", to_json(e.range)}, {"newText", e.text}});
  return {{"title", title},
          {"kind", "quickfix"},
          {"diagnostics", Json::array({diagnostic})},
          {"edit", {{"changes", {{uri, changes}}}}}};
}

// `# casekit: disable=RULE` at the end of the finding's line, or on a line
// of its own above it; kept only when the record reads the same after.
std::optional<Edit> suppression(const FileFindings& file, const Diagnostic& d,
                                const YamlNode& before) {
  int n = d.location.line - 1;
  if (n < 0) return std::nullopt;
  std::string_view line = line_of(file.text, n);
  std::string comment = "# casekit: disable=" + d.rule;
  int end = utf16_of_bytes(line, line.size());
  std::vector<Edit> tries;
  if (line.find('#') == std::string_view::npos && !line.empty())
    tries.push_back({{{n, end}, {n, end}}, "  " + comment});
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) indent = 0;
  tries.push_back({{{n, 0}, {n, 0}}, std::string(indent, ' ') + comment + "\n"});
  for (const auto& edit : tries) {
    std::optional<YamlNode> after = tree_of(edited(file.text, edit));
    if (after && same_content(before, *after)) return edit;
  }
  return std::nullopt;
}

// words.yaml's wordings for the phrase at the finding, first letter's case kept.
std::vector<Json> rewordings_for(const FileFindings& file, const Diagnostic& d,
                                 const Json& diagnostic) {
  std::vector<Json> out;
  if (d.location.line <= 0) return out;
  int n = d.location.line - 1;
  std::string_view line = line_of(file.text, n);
  std::size_t at = byte_of_column(line, d.location.column, column_in_bytes(d));
  const Rewording* r = rewording_at(d.rule, line.substr(at));
  if (!r) return out;
  Range range{{n, utf16_of_bytes(line, at)}, {n, utf16_of_bytes(line, at + r->phrase.size())}};
  bool capital = std::isupper(static_cast<unsigned char>(line[at]));
  for (std::string with : r->with) {
    if (capital && !with.empty())
      with[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(with[0])));
    Edit edit{range, with};
    if (!tree_of(edited(file.text, edit))) continue;
    out.push_back(action(fmt::format("Write '{}' instead", with), file.uri, {edit}, diagnostic));
  }
  return out;
}

// The word a spelling finding is about, as the text has it.
std::string word_at(std::string_view text, const Diagnostic& d, Range& range) {
  range = finding_range(text, d.location, 0, column_in_bytes(d));
  std::string_view line = line_of(text, range.start.line);
  std::size_t begin = byte_of_utf16(line, range.start.character), end = begin;
  while (end < line.size() && (std::isalpha(static_cast<unsigned char>(line[end])) ||
                               line[end] == '\'' || static_cast<unsigned char>(line[end]) >= 0x80))
    ++end;
  range.end.character = utf16_of_bytes(line, end);
  return std::string(line.substr(begin, end - begin));
}

// casekit.yaml with the word added to `dictionary:`, as one edit of the whole text.
std::optional<Json> dictionary_action(FolderSession& session, const std::string& word,
                                      const Json& diagnostic) {
  fs::path settings = session.folder().settings_path();
  std::string raw = session.text_of(settings);
  try {
    SourceText source = decode_source(raw, "casekit.yaml");
    YamlEditor editor(source.text, "casekit.yaml");
    editor.append({"dictionary"}, YamlNode::scalar(word));
    int lines = static_cast<int>(std::count(raw.begin(), raw.end(), '\n'));
    std::string_view last = line_of(raw, lines);
    Edit edit{{{0, 0}, {lines, utf16_of_bytes(last, last.size())}},
              encode_source(source, editor.text())};
    return action(fmt::format("Add '{}' to the case folder's dictionary (casekit.yaml)", word),
                  uri_of_path(settings), {edit}, diagnostic);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// The note key each S.O.A.P.D. section rule asks for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kSections = {{
    {"note/strengths", "strengths"},
    {"note/objective", "objective"},
    {"note/assessment", "assessment"},
    {"note/data", "data"},
    {"note/client-steps", "client_steps"},
    {"note/worker-steps", "worker_steps"},
    {"note/next-steps", "plan"},
}};

// The template's lines for a key: the comments right above it, and its line.
std::string template_section(std::string_view key) {
  std::string all = note_template("DATE", "TIME");
  std::string_view text = all;
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    at = end == std::string_view::npos ? text.size() : end + 1;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].substr(0, key.size() + 1) != std::string(key) + ":") continue;
    std::size_t first = i;
    while (first > 0 && lines[first - 1].substr(0, 2) == "# " &&
           lines[first - 1].substr(0, 14) != "# casekit-edit")
      --first;
    std::string out;
    for (std::size_t j = first; j <= i; ++j) out += std::string(lines[j]) + "\n";
    return out;
  }
  return std::string(key) + ":\n";
}

std::optional<Json> section_action(const FileFindings& file, const Diagnostic& d,
                                   const YamlNode& before, const Json& diagnostic) {
  auto found = std::find_if(kSections.begin(), kSections.end(),
                            [&](const auto& s) { return s.first == d.rule; });
  if (found == kSections.end() || !before.is_mapping() || before.find(found->second)) return {};
  int lines = static_cast<int>(std::count(file.text.begin(), file.text.end(), '\n'));
  std::string_view last = line_of(file.text, lines);
  Position end{lines, utf16_of_bytes(last, last.size())};
  std::string text = (last.empty() ? "" : "\n") + template_section(found->second);
  Edit edit{{end, end}, text};
  std::optional<YamlNode> after = tree_of(edited(file.text, edit));
  if (!after || !after->find(found->second)) return {};
  return action(fmt::format("Add the note's {} section", found->second), file.uri, {edit},
                diagnostic);
}

std::vector<Json> spelling_actions(const FileFindings& file, const Diagnostic& d,
                                   FolderSession& session, const Json& diagnostic) {
  std::vector<Json> out;
  Range range;
  std::string word = word_at(file.text, d, range);
  if (word.empty()) return out;
  Speller* speller = session.checker().speller();
  if (std::optional<std::string> better = speller ? speller->suggestion(word) : std::nullopt) {
    Edit edit{range, *better};
    if (tree_of(edited(file.text, edit)))
      out.push_back(
          action(fmt::format("Write '{}' instead", *better), file.uri, {edit}, diagnostic));
  }
  if (auto add = dictionary_action(session, word, diagnostic)) out.push_back(*add);
  return out;
}

}  // namespace

Json code_actions(const FileFindings& file, const Range& range, FolderSession& session,
                  bool related_information) {
  Json out = Json::array();
  std::optional<YamlNode> before = tree_of(file.text);
  for (const auto& d : file.findings) {
    Range at = range_of(d, file.text);
    if (at.start.line > range.end.line || at.end.line < range.start.line) continue;
    Json diagnostic = to_json(d, file, related_information);
    if (d.rule.rfind("language/", 0) == 0)
      for (auto& a : rewordings_for(file, d, diagnostic)) out.push_back(std::move(a));
    if (d.rule == "language/spelling")
      for (auto& a : spelling_actions(file, d, session, diagnostic)) out.push_back(std::move(a));
    if (!before) continue;
    if (auto a = section_action(file, d, *before, diagnostic)) out.push_back(std::move(*a));
    if (auto edit = suppression(file, d, *before))
      out.push_back(
          action(fmt::format("Suppress {} on this line", d.rule), file.uri, {*edit}, diagnostic));
  }
  return out;
}

namespace {

// The rule id written at a place (`language/label` in a suppression comment).
const RuleInfo* rule_named_at(std::string_view line, std::size_t at) {
  auto in_id = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_';
  };
  std::size_t begin = at, end = at;
  while (begin > 0 && in_id(line[begin - 1])) --begin;
  while (end < line.size() && in_id(line[end])) ++end;
  return end > begin ? find_rule(line.substr(begin, end - begin)) : nullptr;
}

}  // namespace

Json hover(const FileFindings* file, std::string_view text, const Position& at) {
  std::string markdown;
  Range range{at, at};
  if (file)
    for (const auto& d : file->findings) {
      Range r = range_of(d, file->text);
      if (r.start.line != at.line || at.character < r.start.character ||
          at.character > r.end.character)
        continue;
      const RuleInfo* rule = find_rule(d.rule);
      markdown += fmt::format("**{}** `{}`\n\n", d.message, d.rule);
      if (!d.hint.empty()) markdown += d.hint + "\n\n";
      if (rule) markdown += "```text\n" + explain_rule(*rule) + "```\n\n";
      range = r;
    }
  if (markdown.empty()) {
    std::string_view line = line_of(text, at.line);
    if (const RuleInfo* rule = rule_named_at(line, byte_of_utf16(line, at.character)))
      markdown = "```text\n" + explain_rule(*rule) + "```\n";
  }
  if (markdown.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}}, {"range", to_json(range)}};
}

}  // namespace casekit::lsp
