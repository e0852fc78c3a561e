// Text laid out for a terminal: lines broken at spaces, never inside a
// word, under a hanging indent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// Characters, not bytes: a UTF-8 continuation byte starts none.
std::size_t columns(std::string_view text);

// One line of text broken at spaces into lines of at most `width`
// characters (a longer word stands alone); lines after the first start
// with `indent` spaces. Spaces between words stay as written, except at
// a break.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width, std::size_t indent);

// Every line of `text` longer than `width` broken at spaces; its later
// lines hang 4 columns deeper than its own indent. Shorter lines stay as
// they are.
std::string wrap_lines(std::string_view text, std::size_t width);

}  // namespace casekit
