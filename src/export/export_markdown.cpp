// Markdown for a Document: what a person reads in a text editor or a git
// host, and prints.
#include <fmt/format.h>

#include "base/printable.hpp"
#include "export/export.hpp"
#include "record/document.hpp"

namespace casekit {
namespace {

// Lines of a text block are paragraphs in print.
std::string paragraphs(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\n\n") : std::string(1, c);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Table cells hold one line (line breaks become <br>); a | would end the cell.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text)
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string("<br>") : std::string(1, c);
  return out;
}

std::string markdown_block(const Block& b, const Labels& l) {
  switch (b.kind) {
    case Block::Kind::heading:
      return fmt::format("{} {}\n\n", std::string(static_cast<std::size_t>(b.level), '#'), b.text);
    case Block::Kind::paragraph:
      return b.label.empty() ? paragraphs(b.text) + "\n\n"
                             : fmt::format("**{}.** {}\n\n", b.label, paragraphs(b.text));
    case Block::Kind::list:
    case Block::Kind::checklist: {
      std::string out;
      for (std::size_t i = 0; i < b.items.size(); ++i)
        out += b.kind == Block::Kind::list
                   ? fmt::format("- {}\n", b.items[i])
                   : fmt::format("- [{}] {}\n", b.done[i] ? "x" : " ", b.items[i]);
      return out + "\n";
    }
    case Block::Kind::table: {
      std::string out =
          fmt::format("| {} | {} |\n| --- | --- |\n", cell(b.items[0]), cell(b.items[1]));
      for (const auto& row : b.rows)
        out += fmt::format("| {} | {} |\n", cell(row[0]), cell(row[1]));
      return out + "\n";
    }
    case Block::Kind::signature:
      return fmt::format("{}: {}    {}{}: {}\n\n", b.label,
                         b.text.empty() ? "______________________________" : b.text,
                         b.printed.empty() || b.printed == b.text
                             ? ""
                             : fmt::format("{}: {}    ", l.tr("printed_name"), b.printed),
                         l.tr("date"), b.date.empty() ? "______________" : b.date);
  }
  return "";
}

}  // namespace

std::string render_markdown(const Document& document, const Labels& labels) {
  std::string out;
  for (const auto& block : document) out += markdown_block(block, labels);
  // The file is read in a terminal as often as in a viewer.
  return printable(out, "\t\n");
}

std::string export_markdown(const ClientRecord& record, const RenderOptions& options) {
  const Labels& l = print_labels(record, options).labels;
  return render_markdown(record_document(record, l, options.plan_only), l);
}

}  // namespace casekit
