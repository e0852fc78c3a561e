#include "base/json_text.hpp"

#include <nlohmann/json.hpp>

#include "base/printable.hpp"

namespace casekit {

std::string json_text(const nlohmann::ordered_json& document, int indent) {
  using Json = nlohmann::ordered_json;
  std::string text = document.dump(indent, ' ', false, Json::error_handler_t::replace);
  // Outside strings the text is ASCII, and inside them nlohmann has
  // escaped every C0 control: what printable() escapes is in a string.
  return printable(text, "\n", Escapes::json);
}

JsonListCut::JsonListCut(const nlohmann::ordered_json& document, std::string_view marker) {
  std::string text = json_text(document);
  std::string quoted = nlohmann::ordered_json(marker).dump();
  std::size_t at = text.rfind(quoted);
  std::size_t line = text.rfind('\n', at);
  depth_ = at - line - 1;
  head_ = text.substr(0, line);
  tail_ = text.substr(at + quoted.size());
}

std::string JsonListCut::element(const nlohmann::ordered_json& value, bool first) const {
  std::string text = json_text(value);
  std::string indent(depth_, ' ');
  std::string out = (first ? "\n" : ",\n") + indent;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

// Without elements the list is "[]" on the line it opens.
std::string JsonListCut::tail(std::size_t count) const {
  return count > 0 ? tail_ : tail_.substr(tail_.find(']'));
}

}  // namespace casekit
