#include "base/xml_escape.hpp"

#include "base/printable.hpp"

namespace casekit {

// XML 1.0 cannot carry most control characters even as references; they
// become '?'. In attributes, line ends are kept as references because a
// parser would turn a literal one into a space.
std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  // DEL, C1 controls and bidirectional overrides are valid XML, but a
  // reader's terminal or browser would obey them.
  for (char c : printable(text, c0_controls())) {
    // clang-format off
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
    // clang-format on
  }
  return out;
}

}  // namespace casekit
