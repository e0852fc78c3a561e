// Helpers for positions in YAML source text, used by the splice editor.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// Start of the line holding pos, and start of the line after it.
std::size_t line_begin(const std::string& text, std::size_t pos);
std::size_t next_line(const std::string& text, std::size_t pos);
// Spaces at the start of the line beginning at `begin`.
int indent_at(const std::string& text, std::size_t begin);
bool is_blank(const std::string& text, std::size_t begin);
bool is_comment(const std::string& text, std::size_t begin);
// Just after a quoted scalar starting at pos, or npos.
std::size_t skip_quoted(std::string_view text, std::size_t pos);
// Just after the bracket closing the one at pos, or npos.
std::size_t skip_flow(const std::string& text, std::size_t pos);
// End of a scalar written on one line (plain or quoted), or npos for a
// block scalar. Inside [..] or {..} a plain scalar also ends at , ] or }.
std::size_t scalar_end(const std::string& text, std::size_t pos, bool in_flow = false);

// The comment lines of a text, without their indentation.
std::vector<std::string_view> comment_lines(std::string_view text);
// Every comment line of `before` appears in `after`, in order (new ones,
// such as block text starting with '#', may be added): the editor's
// promise that an edit never loses a comment.
bool keeps_comments(std::string_view before, std::string_view after);

}  // namespace casekit
