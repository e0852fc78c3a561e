// Decoding a file before parsing: UTF-8 only, no control characters, and
// CRLF files handled so that edits keep the file's own line ends.
#include <fmt/format.h>

#include <algorithm>

#include "base/ascii_scan.hpp"
#include "base/error.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t n = c < 0x80           ? 1
                  : (c >> 5) == 0x6  ? 2
                  : (c >> 4) == 0xE  ? 3
                  : (c >> 3) == 0x1E ? 4
                                     : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;                          // overlong
  if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
  if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0;  // surrogates
  if (n == 4 && c == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
  if (n == 4 && (c > 0xF4 || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
  return n;
}

[[noreturn]] void bad_byte(const std::string& file, int line, int column, const std::string& what) {
  throw Error(ExitStatus::usage, {file, line, column}, what, "save the file as UTF-8 text");
}

// Whether the text is UTF-8 with no control character but tab and line
// ends, skipping runs of ASCII sixteen bytes at a time: most files are
// such runs with a few accented letters or curly quotes.
bool clean_utf8(const std::string& text) {
  for (std::size_t i = printable_ascii_end(text, 0, "\n\t\r"); i < text.size();
       i = printable_ascii_end(text, i, "\n\t\r")) {
    std::size_t n = utf8_length(text, i);
    if (n < 2) return false;  // not UTF-8, or a control character
    i += n;
  }
  return true;
}

void check_encoding(const std::string& text, const std::string& file) {
  // A clean file spares the careful walk that finds the bad byte's place.
  if (clean_utf8(text)) return;
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = utf8_length(text, i);
    if (n == 0) bad_byte(file, line, column, "the file is not valid UTF-8 text");
    if (c == 0) bad_byte(file, line, column, "the file contains a NUL byte");
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F)
      bad_byte(file, line, column,
               fmt::format("the file contains the control character U+{:04X}", c));
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
}

}  // namespace

SourceText decode_source(std::string raw, const std::string& file_name) {
  if (raw.size() > max_file_bytes)
    throw Error(
        ExitStatus::usage, {file_name, 0, 0},
        fmt::format("the file is larger than {} MiB", max_file_bytes / (std::size_t{1024} * 1024)),
        "a case record is much smaller; is this the right file?");
  SourceText source;
  if (raw.rfind("\xEF\xBB\xBF", 0) == 0) {
    source.had_bom = true;
    raw.erase(0, 3);
  }
  // Most files are printable ASCII and line feeds, nothing else.
  source.plain_ascii = printable_ascii(raw, "\n");
  if (!source.plain_ascii) check_encoding(raw, file_name);
  if (!source.plain_ascii && raw.find('\r') != std::string::npos) {
    std::string text;
    text.reserve(raw.size());
    int line = 1;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\r') {
        if (i + 1 >= raw.size() || raw[i + 1] != '\n')
          throw Error(ExitStatus::usage, {file_name, line, 0},
                      "the file has a carriage return without a line feed",
                      "save the file with Unix (LF) or Windows (CRLF) line ends");
        source.crlf_lines.push_back(true);
        ++line;
        ++i;
        text += '\n';
        continue;
      }
      if (raw[i] == '\n') {
        source.crlf_lines.push_back(false);
        ++line;
      }
      text += raw[i];
    }
    source.crlf = true;
    raw = std::move(text);
  }
  source.text = std::move(raw);
  return source;
}

namespace {

// The lines of a text, each with its '\n' (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

}  // namespace

std::string encode_source(const SourceText& source, std::string text) {
  if (source.crlf) {
    auto before = split_lines(source.text);
    auto after = split_lines(text);
    std::size_t prefix = 0, suffix = 0;
    std::size_t limit = std::min(before.size(), after.size());
    while (prefix < limit && before[prefix] == after[prefix]) ++prefix;
    while (suffix < limit - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
      ++suffix;
    std::size_t crlf_count = static_cast<std::size_t>(
        std::count(source.crlf_lines.begin(), source.crlf_lines.end(), true));
    bool dominant = crlf_count * 2 >= source.crlf_lines.size();
    auto crlf_of = [&](std::size_t original) {
      return original < source.crlf_lines.size() ? source.crlf_lines[original] : dominant;
    };
    std::string out;
    out.reserve(text.size() + after.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
      std::string_view line = after[i];
      bool crlf = i < prefix                   ? crlf_of(i)
                  : i >= after.size() - suffix ? crlf_of(before.size() - (after.size() - i))
                                               : dominant;
      if (crlf && !line.empty() && line.back() == '\n') {
        out.append(line.substr(0, line.size() - 1));
        out += "\r\n";
      } else {
        out.append(line);
      }
    }
    text = std::move(out);
  }
  if (source.had_bom) text.insert(0, "\xEF\xBB\xBF");
  return text;
}

}  // namespace casekit
