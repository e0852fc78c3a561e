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

}  // namespace casekit
