#include "base/wrap.hpp"

#include <algorithm>

namespace casekit {

namespace {

// Where the run of spaces before position `at` starts.
std::size_t gap_start(std::string_view text, std::size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  return at;
}

}  // namespace

std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width, std::size_t indent) {
  std::vector<std::string> lines{""};
  std::size_t used = 0;
  std::size_t at = text.find_first_not_of(' ');
  while (at != std::string_view::npos && at < text.size()) {
    std::size_t end = std::min(text.find(' ', at), text.size());
    std::string_view word = text.substr(at, end - at);
    std::size_t next = text.find_first_not_of(' ', end);
    // The spaces before this word, as written (a table keeps its columns).
    std::size_t gap = used == 0 ? 0 : at - gap_start(text, at);
    if (used > 0 && used + gap + columns(word) > width) {
      lines.emplace_back(indent, ' ');
      used = indent;
      gap = 0;
    }
    lines.back().append(gap, ' ').append(word);
    used += gap + columns(word);
    at = next;
  }
  return lines;
}

std::string wrap_lines(std::string_view text, std::size_t width) {
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (columns(line) <= width) {
      out.append(line).append("\n");
      continue;
    }
    std::size_t lead = std::min(line.find_first_not_of(' '), line.size());
    if (lead + 20 > width) {  // too deep to wrap into anything readable
      out.append(line).append("\n");
      continue;
    }
    std::size_t hang = std::max(lead, std::min(lead + 4, width / 2));
    std::vector<std::string> lines = wrap_words(line.substr(lead), width - lead, hang - lead);
    for (auto& piece : lines) out.append(lead, ' ').append(piece).append("\n");
  }
  return out;
}

}  // namespace casekit
