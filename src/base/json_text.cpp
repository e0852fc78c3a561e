#include "base/json_text.hpp"

#include <nlohmann/json.hpp>

#include "base/printable.hpp"

namespace casekit {

std::string json_text(const nlohmann::ordered_json& document) {
  // nlohmann escapes C0 controls itself; the line breaks left are the
  // layout's own.
  std::string text = document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return printable(text, "\n", Escapes::json) + "\n";
}

}  // namespace casekit
