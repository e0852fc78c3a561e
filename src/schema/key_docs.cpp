// casekit(5) is written in roff: a shape's section is headed `.SH` or `.SS`
// with the shape's name and the word "shape", and each key is a tagged
// paragraph, `.TP` then `\fBkey\fR (\fItype\fR)`, then its description.
#include "schema/key_docs.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "base/embedded.hpp"

namespace casekit {
namespace {

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool is_heading(const std::string& line) {
  return line.rfind(".SH", 0) == 0 || line.rfind(".SS", 0) == 0;
}

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  for (char c : line + " ") {
    bool part = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    if (part) word += c;
    if (!part && !word.empty()) words.push_back(std::move(word)), word.clear();
  }
  return words;
}

bool names_shape(const std::string& heading, std::string_view shape) {
  auto words = words_of(heading);
  auto has = [&](std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  return has(shape) && (has("shape") || has("shapes"));
}

// Roff's escapes in running text, as plain characters.
std::string plain(std::string text) {
  static const std::pair<const char*, const char*> escapes[] = {
      {"\\fB", ""},   {"\\fI", ""},   {"\\fR", ""},   {"\\fP", ""},    {"\\%", ""},
      {"\\&", ""},    {"\\-", "-"},   {"\\(aq", "'"}, {"\\(lq", "\""}, {"\\(rq", "\""},
      {"\\(em", "-"}, {"\\(en", "-"}, {"\\(bu", "*"}, {"\\e", "\\"},   {"\\ ", " "}};
  for (const auto& [from, to] : escapes)
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, std::string_view(from).size(), to), at += std::string_view(to).size();
  return text;
}

// A font request such as `.BR casekit\-attach (1).`: its arguments, which
// quotes may group, joined without spaces when the fonts alternate (.BR,
// .RB, .IR, ...), with spaces after .B and .I.
std::string font_request(const std::string& line) {
  std::size_t space = line.find(' ');
  std::string name = line.substr(1, space == std::string::npos ? line.size() - 1 : space - 1);
  std::vector<std::string> args;
  bool quoted = false, fresh = true;
  for (std::size_t i = name.size() + 1; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') quoted = !quoted;
    if (c == '"' || (c == ' ' && !quoted)) {
      fresh = fresh || c == ' ';
      continue;
    }
    if (fresh) args.emplace_back();
    fresh = false;
    args.back() += c;
  }
  std::string out;
  for (const auto& arg : args) out += (out.empty() || name.size() == 2 ? "" : " ") + arg;
  return plain(out);
}

bool is_font_request(const std::string& line) {
  static const char* requests[] = {".B", ".I", ".BR", ".RB", ".IR", ".RI", ".BI", ".IB"};
  return std::any_of(std::begin(requests), std::end(requests), [&](const char* r) {
    std::string_view req(r);
    return line.rfind(req, 0) == 0 && (line.size() == req.size() || line[req.size()] == ' ');
  });
}

// Running text from `from` up to the next request that is not a font
// change: a new paragraph, list or heading ends it.
std::string paragraph(const std::vector<std::string>& lines, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) break;
    bool request = line[0] == '.' || line[0] == '\'';
    if (request && !is_font_request(line)) break;
    std::string text = request ? font_request(line) : plain(line);
    bool glued = !out.empty() && !text.empty() &&
                 std::string_view(".,;:!?)").find(text[0]) != std::string_view::npos;
    if (!out.empty() && !glued) out += ' ';
    out += text;
  }
  return out;
}

// The lines of every section that is headed with the shape's name.
std::vector<std::string> section(std::string_view shape) {
  static const std::vector<std::string> page = lines_of(embedded_file("casekit.5"));
  std::vector<std::string> out;
  bool inside = false;
  for (const auto& line : page) {
    if (is_heading(line)) inside = names_shape(line, shape);
    if (inside) out.push_back(line);
  }
  return out;
}

// The key in bold as the page writes it: `\fBover\-promise\fR`.
std::string bold(std::string_view key) {
  std::string out = "\\fB";
  for (char c : key) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out + "\\fR";
}

}  // namespace

// A shape whose keys are few or alike (words, disclosures) names them in
// the paragraph that opens its section, instead of one paragraph each.
std::string key_description(std::string_view shape, std::string_view key) {
  std::vector<std::string> lines = section(shape);
  std::string tag = bold(key);
  for (std::size_t i = 1; i + 1 < lines.size(); ++i)
    if (lines[i - 1].rfind(".TP", 0) == 0 && lines[i].rfind(tag + " (", 0) == 0)
      return paragraph(lines, i + 1);
  for (std::size_t i = 1; i < lines.size() && lines[i].rfind(".TP", 0) != 0; ++i)
    if (lines[i].find(tag) != std::string::npos) return shape_description(shape);
  return {};
}

std::string shape_description(std::string_view shape) {
  std::vector<std::string> lines = section(shape);
  return lines.empty() ? std::string() : paragraph(lines, 1);
}

}  // namespace casekit
