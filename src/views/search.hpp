// casekit search: text across the caseload's records and notes, found
// whatever its case or accents (José is jose), with the client, file,
// line, the key it is under and the line itself for each hit.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "record/case_folder.hpp"

namespace casekit {

struct SearchQuery {
  std::string text;
  std::string client;         // "" for every client
  std::optional<Date> since;  // only notes dated on or after it
  std::string field;          // "" for any key, else only values of this key
};

struct SearchHit {
  std::string client;
  std::string file;   // as messages show it: clients/ana-lopez/plan.yaml
  int line = 0;       // 1-based
  std::string field;  // the key the text is under; "" when the file could not be read as YAML
  std::string text;   // the line, without its indentation, at most 160 characters
};

struct SearchResult {
  std::vector<SearchHit> hits;
  // Files casekit would not read (a symbolic link, a pipe, too large), as
  // "PATH: why"; nothing of what is in them.
  std::vector<std::string> skipped;
};

// Where a streamed search puts what it finds, as it finds it: a hit, and a
// file casekit would not read ("PATH: why").
struct SearchSink {
  std::function<void(SearchHit hit)> hit;
  std::function<void(std::string skipped)> skipped;
};

// Refuses an empty text, and a field no file of the format has (with the
// nearest key), before anything is read.
void require_valid(const SearchQuery& query);
// Every hit of the query in client.yaml, plan.yaml and the notes of each
// client (or the one named), in the order of clients, files and lines.
// Only clients/ is read, and no symbolic link is followed.
// Each hit goes to `sink` when found, so memory does not grow with the
// hits (a common word in a large caseload has hundreds of thousands).
void search_caseload(const CaseFolder& folder, const SearchQuery& query, const SearchSink& sink);
// The same, every hit kept: for a client or a test.
SearchResult search_caseload(const CaseFolder& folder, const SearchQuery& query);
// The hits in one file's text (the lines of `text` whose folded form holds
// `folded_query`).
std::vector<SearchHit> search_text(const std::string& text, const std::string& folded_query,
                                   const std::string& field);

}  // namespace casekit
