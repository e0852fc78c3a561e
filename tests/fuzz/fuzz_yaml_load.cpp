// The YAML loader on arbitrary bytes: decoding (UTF-8, byte order mark,
// line ends, control characters) and parsing (anchors, aliases, tags,
// duplicate keys, depth). Anything but a casekit::Error with the file's
// name is a bug: other exceptions escape and the fuzzer reports them.
// Whatever the fast reader takes, libyaml must read to the same tree.
// printable() gets the raw bytes too.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "../unit/tree_equal.hpp"
#include "base/error.hpp"
#include "base/printable.hpp"
#include "yaml/yaml_parsers.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string raw(reinterpret_cast<const char*>(data), size);
  // Any bytes shown through printable() steer no terminal, and showing the
  // result again changes nothing (file names reach it as they are on disk).
  std::string shown = printable(raw);
  if (find_unsafe_character(shown).offset != std::string_view::npos || printable(shown) != shown)
    std::abort();
  SourceText source;
  try {
    source = decode_source(raw, "fuzz.yaml");
  } catch (const Error& e) {
    if (e.status() != ExitStatus::usage || e.location().file != "fuzz.yaml") std::abort();
    return 0;
  }
  // Writing back a text that was not changed gives the same bytes.
  if (encode_source(source, source.text) != raw) std::abort();
  std::optional<YamlNode> fast = parse_yaml_fast(source.text);
  try {
    YamlNode slow = parse_yaml_libyaml(source.text, "fuzz.yaml");
    if (fast && !tree_difference(*fast, slow).empty()) std::abort();
  } catch (const Error& e) {
    if (fast || e.status() != ExitStatus::usage || e.location().file != "fuzz.yaml") std::abort();
  }
  return 0;
}
