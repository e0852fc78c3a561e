#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

constexpr std::size_t wrap_width = 78;

bool looks_like_non_string(const std::string& s) {
  static const std::array<const char*, 16> words = {
      "null", "~", "true", "false", "yes",   "no",    "on",   "off",
      "y",    "n", ".inf", ".nan",  "-.inf", "+.inf", ".NaN", ".Inf"};
  std::string lower = s;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* word : words)
    if (lower == word) return true;
  // Numbers and anything number-like (1e3, 0x1F, 1_000, 12:30) read back as
  // something other than the text, in one YAML version or another.
  std::size_t digits =
      std::count_if(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  bool numberish = std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c) || std::strchr("+-._:eExXoObBaAcCdDfF", c);
  });
  return digits > 0 && numberish;
}

bool plain_is_safe(const std::string& s) {
  if (s.empty() || s.size() > wrap_width) return false;
  if (std::isspace(static_cast<unsigned char>(s.front())) ||
      std::isspace(static_cast<unsigned char>(s.back())))
    return false;
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`", s.front())) {
    bool dash_number =
        s.front() == '-' && s.size() > 1 && std::isdigit(static_cast<unsigned char>(s[1]));
    if (!dash_number) return false;
  }
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || std::strchr(",[]{}", c)) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  return s.back() != ':';
}

std::string double_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\x{:02X}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string inline_scalar(const YamlNode& node) {
  if (node.is_null()) return "~";
  const std::string& s = node.value;
  bool keep_string = !node.plain && looks_like_non_string(s);
  if (!keep_string && plain_is_safe(s)) return s;
  return double_quoted(s);
}

// Long or multi-line text goes into a block scalar, which must read back
// exactly: no leading spaces, no trailing spaces on lines, no tabs.
bool fits_block_scalar(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.find('\t') != std::string::npos) return false;
  if (s.find(" \n") != std::string::npos || s.find("\n ") != std::string::npos) return false;
  if (s.find("\n\n\n") != std::string::npos) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') return false;
  return s.back() != ' ' && s.back() != '\n';
}

// Folds one long line at single spaces so that `>-` reads it back unchanged.
std::vector<std::string> fold_line(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (line.size() - start > wrap_width) {
    std::size_t cut = std::string::npos;
    for (std::size_t i = start + wrap_width; i > start; --i)
      if (line[i] == ' ' && line[i - 1] != ' ' && i + 1 < line.size() && line[i + 1] != ' ') {
        cut = i;
        break;
      }
    if (cut == std::string::npos) break;
    out.push_back(line.substr(start, cut - start));
    start = cut + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

std::string block_scalar(const std::string& s, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  bool multi_line = s.find('\n') != std::string::npos;
  std::string out = multi_line ? "|-\n" : ">-\n";
  if (multi_line) {
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      std::string line = s.substr(start, end - start);
      out += line.empty() ? "\n" : pad + line + "\n";
      start = end + 1;
    }
    return out;
  }
  for (const auto& part : fold_line(s)) out += pad + part + "\n";
  return out;
}

bool wants_block_scalar(const YamlNode& node) {
  return node.is_scalar() &&
         (node.value.find('\n') != std::string::npos || node.value.size() > wrap_width) &&
         fits_block_scalar(node.value);
}

std::string render_mapping_body(const YamlNode& map, int indent);
std::string render_sequence_body(const YamlNode& seq, int indent);

// What follows "key:" or "- ": the rest of the line and any nested lines.
std::string render_after_indicator(const YamlNode& value, int child_indent) {
  if (value.flow && (value.is_sequence() || value.is_mapping())) {
    std::string line = render_inline(value);
    if (!line.empty() && line.size() <= wrap_width) return " " + line + "\n";
  }
  if (wants_block_scalar(value)) return " " + block_scalar(value.value, child_indent);
  if (value.is_mapping() && !value.keys.empty())
    return "\n" + render_mapping_body(value, child_indent);
  if (value.is_sequence() && !value.items.empty())
    return "\n" + render_sequence_body(value, child_indent);
  if (value.is_mapping()) return " {}\n";
  if (value.is_sequence()) return " []\n";
  return " " + inline_scalar(value) + "\n";
}

std::string render_mapping_body(const YamlNode& map, int indent) {
  std::string out;
  for (std::size_t i = 0; i < map.keys.size(); ++i)
    out += render_entry(map.keys[i].value, map.items[i], indent);
  return out;
}

std::string render_sequence_body(const YamlNode& seq, int indent) {
  std::string out;
  for (const auto& item : seq.items) out += render_item(item, indent);
  return out;
}

}  // namespace

YamlNode text_node(std::string text) {
  YamlNode node = YamlNode::scalar(std::move(text));
  node.plain = false;
  return node;
}

std::string render_entry(const std::string& key, const YamlNode& value, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  return pad + inline_scalar(text_node(key)) + ":" + render_after_indicator(value, indent + 2);
}

std::string render_item(const YamlNode& item, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  if (item.is_mapping() && !item.keys.empty()) {
    // The first entry shares the dash's line; the others line up under it.
    std::string body = render_mapping_body(item, indent + 2);
    return pad + "- " + body.substr(static_cast<std::size_t>(indent) + 2);
  }
  if (item.is_sequence() && !item.items.empty()) {
    std::string body = render_sequence_body(item, indent + 2);
    return pad + "- " + body.substr(static_cast<std::size_t>(indent) + 2);
  }
  return pad + "-" + render_after_indicator(item, indent + 2);
}

std::string render_after_key(const YamlNode& value, int child_indent) {
  return render_after_indicator(value, child_indent);
}

std::string render_document(const YamlNode& root) {
  if (root.is_mapping()) return render_mapping_body(root, 0);
  if (root.is_sequence()) return render_sequence_body(root, 0);
  return inline_scalar(root) + "\n";
}

std::string render_inline(const YamlNode& node) {
  if (node.is_scalar() || node.is_null()) {
    if (node.is_scalar() && node.value.find('\n') != std::string::npos)
      return double_quoted(node.value);
    return inline_scalar(node);
  }
  std::string out = node.is_mapping() ? "{" : "[";
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    if (i > 0) out += ", ";
    if (node.is_mapping()) out += inline_scalar(text_node(node.keys[i].value)) + ": ";
    std::string part = render_inline(node.items[i]);
    if (part.empty()) return {};
    out += part;
  }
  return out + (node.is_mapping() ? "}" : "]");
}

}  // namespace casekit
