#include "lsp/text.hpp"

#include <fmt/format.h>

#include <cctype>

namespace casekit::lsp {
namespace {

// The bytes of the UTF-8 sequence a byte starts (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

bool ends_word(char c) {
  return c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}';
}

}  // namespace

std::size_t line_start(std::string_view text, int n) {
  std::size_t at = 0;
  for (int i = 0; i < n; ++i) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) return text.size();
    at = end + 1;
  }
  return at;
}

std::string_view line_of(std::string_view text, int n) {
  std::size_t start = line_start(text, n);
  std::string_view line = text.substr(start);
  line = line.substr(0, line.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::size_t byte_of_utf16(std::string_view line, int character) {
  std::size_t at = 0;
  for (int units = 0; at < line.size() && units < character;) {
    std::size_t length = sequence_length(static_cast<unsigned char>(line[at]));
    units += length == 4 ? 2 : 1;
    at += length;
  }
  return std::min(at, line.size());
}

int utf16_of_bytes(std::string_view line, std::size_t bytes) {
  int units = 0;
  for (std::size_t at = 0; at < bytes && at < line.size();) {
    std::size_t length = sequence_length(static_cast<unsigned char>(line[at]));
    units += length == 4 ? 2 : 1;
    at += length;
  }
  return units;
}

std::size_t byte_of_code_point(std::string_view line, int n) {
  std::size_t at = 0;
  for (int i = 0; i < n && at < line.size(); ++i)
    at += sequence_length(static_cast<unsigned char>(line[at]));
  return std::min(at, line.size());
}

std::string replaced(std::string_view text, const Range& range, std::string_view with) {
  auto offset = [&](const Position& p) {
    if (p.line < 0) return std::size_t{0};
    std::size_t start = line_start(text, p.line);
    return std::min(start + byte_of_utf16(line_of(text, p.line), p.character), text.size());
  };
  std::size_t begin = offset(range.start), end = std::max(begin, offset(range.end));
  std::string out;
  out.reserve(text.size() + with.size());
  out.append(text.substr(0, begin)).append(with).append(text.substr(end));
  return out;
}

std::size_t byte_of_column(std::string_view line, int column, bool column_in_bytes) {
  if (column <= 0) return 0;
  if (column_in_bytes) return std::min(static_cast<std::size_t>(column - 1), line.size());
  return byte_of_code_point(line, column - 1);
}

Range finding_range(std::string_view text, const Location& at, std::size_t length,
                    bool column_in_bytes) {
  int n = at.line > 0 ? at.line - 1 : 0;
  std::string_view line = line_of(text, n);
  std::size_t start = at.line > 0 ? byte_of_column(line, at.column, column_in_bytes) : 0;
  std::size_t first = line.find_first_not_of(" \t");
  if (start >= line.size() || at.line == 0) start = first == std::string_view::npos ? 0 : first;
  std::size_t end = start + length;
  if (length == 0 || end > line.size()) {
    end = start;
    while (end < line.size() && !ends_word(line[end])) ++end;
  }
  if (end == start) end = line.size();
  return {{n, utf16_of_bytes(line, start)}, {n, utf16_of_bytes(line, end)}};
}

std::optional<fs::path> path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return std::nullopt;
  std::string_view rest = uri.substr(scheme.size());
  if (rest.substr(0, 9) == "localhost") rest.remove_prefix(9);
  if (rest.empty() || rest.front() != '/') return std::nullopt;
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      path += static_cast<char>(std::stoi(std::string(rest.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      path += rest[i];
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return fs::path(path).lexically_normal();
}

std::string uri_of_path(const fs::path& path) {
  std::string out = "file://";
  for (unsigned char c : path.string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace casekit::lsp
