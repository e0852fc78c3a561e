// A printable document as blocks (headings, paragraphs, lists, a table,
// signature lines), so the record is laid out once and rendered as
// Markdown or as HTML by small renderers that only know the syntax.
#pragma once

#include <string>
#include <vector>

#include "record/labels.hpp"
#include "record/model.hpp"

namespace casekit {

struct Block {
  enum class Kind { heading, paragraph, list, checklist, table, signature };
  Kind kind = Kind::paragraph;
  int level = 1;                        // heading: 1 to 4
  std::string label = {};               // paragraph: bold lead-in; signature: role
  std::string text = {};                // heading, paragraph; signature: name ("" = a line to sign)
  std::string date = {};                // signature: date ("" = a line to fill in)
  std::string printed = {};             // signature: the signer's name printed under the line
  bool new_page = false;                // heading: starts a printed page (the plan)
  bool keep_together = false;           // heading: opens a part kept on one page (signatures)
  std::vector<std::string> items = {};  // list, checklist; table: the header
  std::vector<bool> done = {};          // checklist, parallel to items
  std::vector<std::vector<std::string>> rows = {};  // table
};

using Document = std::vector<Block>;

// The case record laid out for print (see export.hpp) with the fixed
// words in `labels`' language; with `plan_only`, the plan and its
// signatures alone.
Document record_document(const ClientRecord& record, const Labels& labels, bool plan_only = false);
std::string render_markdown(const Document& document, const Labels& labels);
// One self-contained page: inline CSS with a print stylesheet, no scripts.
// `footer` is printed at the foot of every printed page.
std::string render_html(const Document& document, const Labels& labels, const std::string& title,
                        const std::string& footer = {});

}  // namespace casekit
