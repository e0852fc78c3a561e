// Places in an editor's text. The protocol counts a line's characters in
// UTF-16 code units; casekit's locations count them in code points, from 1.
// Documents are named by file: URIs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace casekit::lsp {

namespace fs = std::filesystem;

struct Position {
  int line = 0;       // from 0
  int character = 0;  // UTF-16 code units from the line's start
};

struct Range {
  Position start, end;
};

// Line `n` (from 0) of the text, without its line end; empty past the end.
std::string_view line_of(std::string_view text, int n);
// Where line `n` starts, in bytes; the text's size past the end.
std::size_t line_start(std::string_view text, int n);
// The byte offset in `line` of a position in UTF-16 units (clamped).
std::size_t byte_of_utf16(std::string_view line, int character);
// The UTF-16 units of the first `bytes` bytes of `line`.
int utf16_of_bytes(std::string_view line, std::size_t bytes);
// The byte offset in `line` of the `n`-th code point (from 0, clamped).
std::size_t byte_of_code_point(std::string_view line, int n);

// The text with `range` replaced by `with` (an editor's incremental change,
// or a code action's edit); positions past a line's end or the text's end
// are taken as those ends.
std::string replaced(std::string_view text, const Range& range, std::string_view with);

// Where a finding stands in the text: from its column over the word or
// key there (`length` bytes when known), or the whole line when its
// column is past the line's text; a finding about the whole file (line 0)
// is the first line. Columns count code points (libyaml's), or bytes
// (`column_in_bytes`: the writing rules find phrases in the bytes).
Range finding_range(std::string_view text, const Location& at, std::size_t length = 0,
                    bool column_in_bytes = false);
// The byte offset in `line` of a location's column, counted either way.
std::size_t byte_of_column(std::string_view line, int column, bool column_in_bytes);

// The path of a file: URI, or nullopt for another scheme.
std::optional<fs::path> path_of_uri(std::string_view uri);
std::string uri_of_path(const fs::path& path);

}  // namespace casekit::lsp
