#include "export/fhir_codes.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <map>

#include <nettle/sha1.h>

#include "base/embedded.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

std::string folded(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  std::size_t end = text.find_last_not_of(" \t");
  std::string out;
  if (start == std::string_view::npos) return out;
  for (char c : text.substr(start, end - start + 1))
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const YamlNode& table(std::string_view key) {
  static const YamlNode root = parse_yaml(embedded_file("fhir_codes.yaml"), "fhir_codes.yaml");
  return *root.find(key);
}

// Each table once, its keys folded.
template <typename Value, typename Read>
std::map<std::string, Value, std::less<>> read_table(std::string_view key, Read read) {
  std::map<std::string, Value, std::less<>> out;
  const YamlNode& node = table(key);
  for (std::size_t i = 0; i < node.keys.size(); ++i)
    out.emplace(folded(node.keys[i].value), read(node.items[i]));
  return out;
}

}  // namespace

std::optional<std::string> language_tag(std::string_view language) {
  static const auto tags =
      read_table<std::string>("languages", [](const YamlNode& n) { return n.value; });
  auto found = tags.find(folded(language));
  if (found == tags.end()) return std::nullopt;
  return found->second;
}

std::optional<FhirCode> sdoh_category(std::string_view domain) {
  static const auto codes = read_table<FhirCode>("sdoh_categories", [](const YamlNode& n) {
    return FhirCode{n.items.at(0).value, n.items.at(1).value};
  });
  auto found = codes.find(folded(domain));
  if (found == codes.end()) return std::nullopt;
  return found->second;
}

// RFC 9562 name-based UUID, version 5 (SHA-1) in the URL namespace: any
// tool that knows the name can make the same one.
std::string stable_uuid(std::string_view name) {
  static constexpr std::uint8_t url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                     0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                     0x4f, 0xd4, 0x30, 0xc8};
  sha1_ctx ctx;
  sha1_init(&ctx);
  sha1_update(&ctx, sizeof url_namespace, url_namespace);
  sha1_update(&ctx, name.size(), reinterpret_cast<const std::uint8_t*>(name.data()));
  std::uint8_t hash[SHA1_DIGEST_SIZE];
  sha1_digest(&ctx, sizeof hash, hash);
  hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0f) | 0x50);
  hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3f) | 0x80);
  std::string out = "urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", hash[i]);
  }
  return out;
}

}  // namespace casekit
