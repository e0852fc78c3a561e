#include "check/blank_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "base/embedded.hpp"
#include "check/check.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

const std::vector<std::string>& placeholders() {
  static const std::vector<std::string> words =
      parse_yaml(embedded_file("words.yaml"), "words.yaml").texts_at("placeholders");
  return words;
}

}  // namespace

bool records_nothing(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \n\t");
  if (begin == std::string_view::npos) return true;
  std::size_t end = text.find_last_not_of(" \n\t");
  std::string plain = to_lower(text.substr(begin, end - begin + 1));
  // "TBD." is "tbd"; "..." keeps its dots, which are all there is.
  if (plain.size() > 1 && plain.back() == '.' && plain.find_first_not_of('.') != std::string::npos)
    plain.pop_back();
  const auto& words = placeholders();
  return std::find(words.begin(), words.end(), plain) != words.end();
}

}  // namespace casekit
