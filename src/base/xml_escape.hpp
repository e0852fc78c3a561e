// Text for XML and HTML documents: JUnit, the HTML export and the caseload
// page all write record text into markup.
#pragma once

#include <string>
#include <string_view>

namespace casekit {

// & < > escaped; in attributes quotes and line ends too. Control characters
// XML cannot carry become '?', and the others printable() escapes are shown
// as escapes.
std::string xml_escape(std::string_view text, bool attribute);

// The two uses, by where the text goes: between tags, or in an attribute.
inline std::string xml_text(std::string_view text) {
  return xml_escape(text, false);
}
inline std::string xml_attr(std::string_view text) {
  return xml_escape(text, true);
}

}  // namespace casekit
