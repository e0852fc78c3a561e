#include "export/html_text.hpp"

#include <fmt/format.h>

#include <cctype>

#include "base/xml_escape.hpp"

namespace casekit {

namespace {

bool is_date_at(const std::string& s, std::size_t i) {
  static constexpr const char* kShape = "dddd-dd-dd";
  if (i + 10 > s.size()) return false;
  for (std::size_t k = 0; k < 10; ++k) {
    bool digit = std::isdigit(static_cast<unsigned char>(s[i + k])) != 0;
    if (kShape[k] == 'd' ? !digit : s[i + k] != '-') return false;
  }
  return true;
}

}  // namespace

std::string html_text(const std::string& raw) {
  std::string s = xml_escape(raw, false), out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_date_at(s, i)) {
      out += fmt::format("<span class=\"nb\">{}</span>", s.substr(i, 10));
      i += 9;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace casekit
