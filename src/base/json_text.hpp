// The one way casekit writes JSON: a document built with nlohmann::json,
// printed the same way by every format (export's JSON and FHIR, due's JSON).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace casekit {

// The document's text, indented by `indent` (-1: on one line); a byte that
// is not UTF-8 becomes U+FFFD, and DEL, C1 controls and bidirectional
// overrides, valid JSON as they are, are written as \u escapes: a reader's
// terminal would obey them.
std::string json_text(const nlohmann::ordered_json& document, int indent = 2);

// A document written in pieces, so a long list is never held whole: the
// document's text cut where the elements of one list go. The list is the
// document's last one, holding only the string `marker`. Pieced together
// (head, each element, tail) the text is what json_text would write.
class JsonListCut {
 public:
  JsonListCut(const nlohmann::ordered_json& document, std::string_view marker);
  // Up to and including the list's "[".
  const std::string& head() const { return head_; }
  // An element, indented to the list's depth, after the one before it.
  std::string element(const nlohmann::ordered_json& value, bool first) const;
  // From the list's "]" to the end, after `count` elements.
  std::string tail(std::size_t count) const;

 private:
  std::string head_, tail_;
  std::size_t depth_ = 0;  // the elements' indent, in spaces
};

}  // namespace casekit
