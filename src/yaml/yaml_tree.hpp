// A small YAML document model with source positions, built from libyaml's
// event parser. It keeps what casekit needs to validate, show and splice:
// scalars as text, whether a scalar was plain, and where each node starts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// A position in the decoded source text, 0-based: line and column (in
// characters) for messages, offset (in bytes) for the splice editor.
struct Mark {
  int line = 0;
  int column = 0;
  int offset = 0;
};

enum class NodeKind { null, scalar, sequence, mapping };

struct YamlNode {
  NodeKind kind = NodeKind::null;
  std::string value;  // scalar text
  bool plain = true;  // scalar written without quotes or block indicator
  bool flow = false;  // collection written as [..] or {..}
  Mark mark;
  std::vector<YamlNode> keys;   // mapping keys (scalars), parallel to items
  std::vector<YamlNode> items;  // sequence items, or mapping values

  bool is_null() const { return kind == NodeKind::null; }
  bool is_scalar() const { return kind == NodeKind::scalar; }
  bool is_sequence() const { return kind == NodeKind::sequence; }
  bool is_mapping() const { return kind == NodeKind::mapping; }

  // The value under a mapping key, or nullptr.
  const YamlNode* find(std::string_view key) const;
  YamlNode* find(std::string_view key);
  // The key node of a mapping entry, or nullptr.
  const YamlNode* find_key(std::string_view key) const;
  // The scalar under a key, or "" when absent or not a scalar.
  std::string text_at(std::string_view key) const;
  // The scalars of the list under a key (other items are skipped).
  std::vector<std::string> texts_at(std::string_view key) const;

  static YamlNode scalar(std::string text);
  static YamlNode sequence();
  static YamlNode mapping();
  // Adds or replaces a mapping entry; returns the value node.
  YamlNode& set(std::string_view key, YamlNode node);
  // Removes a mapping entry, if there is one.
  void erase(std::string_view key);
};

// Equal content, ignoring positions and presentation (quoting, flow style).
bool same_content(const YamlNode& a, const YamlNode& b);

// A file as read from disk, decoded for parsing: the text without a byte
// order mark and with LF line ends, and what to restore when writing back.
struct SourceText {
  std::string text;
  bool had_bom = false;
  bool crlf = false;             // some lines ended in CRLF
  std::vector<bool> crlf_lines;  // which lines of `text` did
  // Only printable ASCII and line feeds: what the fast reader wants to
  // know, found by decode_source's pass over the encoding. Code that
  // changes `text` afterwards must set it to false.
  bool plain_ascii = false;
};

// Largest file casekit reads; records are small and a cap stops hostile input.
constexpr std::size_t max_file_bytes = std::size_t{4} * 1024 * 1024;
// Deepest nesting casekit accepts; real records need fewer than ten levels.
constexpr int max_depth = 64;

// Checks encoding (UTF-8, no control characters) and normalises line ends.
// Throws Error with the file name and position.
SourceText decode_source(std::string raw, const std::string& file_name);
// Restores the byte order mark and line ends: unchanged lines keep their
// own, new lines get the ending most of the file uses.
std::string encode_source(const SourceText& source, std::string text);

// Parses one YAML document. Rejects anchors, aliases, tags, duplicate keys,
// non-scalar keys, several documents and deep nesting, with a location.
YamlNode parse_yaml(std::string_view text, const std::string& file_name);
// The same for a decoded file, which spares the reader a second pass over
// the text.
YamlNode parse_yaml(const SourceText& source, const std::string& file_name);

}  // namespace casekit
