// Text positions in YAML source: lines, quoted scalars, flow brackets.
// The splice editor works on these; the parser checks its results.
#include "yaml/yaml_text.hpp"

#include <algorithm>

namespace casekit {

std::size_t line_begin(const std::string& text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t nl = text.rfind('\n', pos - 1);
  return nl == std::string::npos ? 0 : nl + 1;
}

std::size_t next_line(const std::string& text, std::size_t pos) {
  std::size_t nl = text.find('\n', pos);
  return nl == std::string::npos ? text.size() : nl + 1;
}

int indent_at(const std::string& text, std::size_t begin) {
  int n = 0;
  while (begin + static_cast<std::size_t>(n) < text.size() &&
         text[begin + static_cast<std::size_t>(n)] == ' ')
    ++n;
  return n;
}

// Kind of the line starting at begin: blank, comment (with its indent), or content.
bool is_blank(const std::string& text, std::size_t begin) {
  std::size_t i = begin + static_cast<std::size_t>(indent_at(text, begin));
  return i >= text.size() || text[i] == '\n';
}

bool is_comment(const std::string& text, std::size_t begin) {
  std::size_t i = begin + static_cast<std::size_t>(indent_at(text, begin));
  return i < text.size() && text[i] == '#';
}

// The position just after a quoted scalar starting at pos, or npos.
std::size_t skip_quoted(std::string_view text, std::size_t pos) {
  char quote = text[pos];
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return std::string::npos;
}

// The position just after the bracket that closes the one at pos, or npos.
std::size_t skip_flow(const std::string& text, std::size_t pos) {
  int depth = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      std::size_t end = skip_quoted(text, i);
      if (end == std::string::npos) return end;
      i = end - 1;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string::npos;
}

std::size_t scalar_end(const std::string& text, std::size_t pos, bool in_flow) {
  char c = text[pos];
  if (c == '"' || c == '\'') return skip_quoted(text, pos);
  if (c == '|' || c == '>') return std::string::npos;
  std::size_t end =
      std::min({text.find('\n', pos), text.find(" #", pos), text.find("\t#", pos), text.size()});
  if (in_flow) end = std::min(end, text.find_first_of(",]}", pos));
  while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end;
}

std::vector<std::string_view> comment_lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos && line[first] == '#') out.push_back(line.substr(first));
    at = end + 1;
  }
  return out;
}

bool keeps_comments(std::string_view before, std::string_view after) {
  auto old_lines = comment_lines(before), new_lines = comment_lines(after);
  std::size_t k = 0;
  for (std::size_t i = 0; i < new_lines.size() && k < old_lines.size(); ++i)
    if (new_lines[i] == old_lines[k]) ++k;
  return k == old_lines.size();
}

}  // namespace casekit
