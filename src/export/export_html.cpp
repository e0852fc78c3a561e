// HTML for a Document: one self-contained page (inline CSS, no scripts, no
// network) that reads on a phone and prints cleanly: the print stylesheet
// keeps headings with what follows and the signature block on one page.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/xml_escape.hpp"
#include "export/export.hpp"
#include "export/html_text.hpp"
#include "record/document.hpp"

namespace casekit {
namespace {

std::string escaped(const std::string& text) {
  return xml_escape(text, false);
}

// A CSS string of any text: every character but letters, digits and
// blanks as an escape, so no label can end the string or the style sheet.
std::string css_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text)
    out += std::isalnum(c) || c == ' ' || c >= 0x80 ? std::string(1, static_cast<char>(c))
                                                    : fmt::format("\\{:x} ", c);
  return out + "\"";
}

// Page text, with the text's own line breaks kept.
std::string with_breaks(const std::string& raw) {
  std::string out;
  for (char c : html_text(raw)) out += c == '\n' ? std::string("<br>\n") : std::string(1, c);
  return out;
}

constexpr const char* kRecordStyle = R"(
  body { font: 16px/1.5 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; margin: 0 auto;
         max-width: 50rem; padding: 1rem; }
  h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.4rem; border-bottom: 2px solid #333; margin-top: 2rem; }
  h3 { font-size: 1.15rem; margin-top: 1.5rem; }
  h4 { font-size: 1rem; margin-top: 1.2rem; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #777; padding: .4rem; vertical-align: top; text-align: left;
           overflow-wrap: anywhere; }
  th:first-child, td:first-child { width: 38%; }
  ul.checklist { list-style: none; padding-left: .2rem; }
  ul.checklist li::before { content: "\2610\00a0"; }
  ul.checklist li.done::before { content: "\2611\00a0"; }
  .signatures { page-break-inside: avoid; break-inside: avoid; }
  .signature { display: flex; flex-wrap: wrap; gap: 1rem; margin: 2.5rem 0 1rem; }
  .signature > span { flex: 1 1 14rem; border-top: 1px solid #111; padding-top: .2rem; min-height: 1.5rem; }
  .signature > span.date { flex: 0 1 10rem; }
  @media (max-width: 40rem) { body { font-size: 15px; padding: .5rem; } th:first-child, td:first-child { width: 45%; } }
  .nb { white-space: nowrap; }
  .printed { display: block; font-size: .85rem; color: #333; }
  .running { font-size: .85rem; color: #333; border-bottom: 1px solid #777; margin-bottom: 1rem; }
  table.page, table.page > * > tr, table.page > * > tr > td { display: block; border: 0; padding: 0; }
  table.page > tfoot { display: none; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; }
    /* The footer repeats on every printed page: Chromium prints a fixed
       element on each page, and the page table's footer row keeps the
       space it covers free on each page. */
    .running { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; border-bottom: 0;
               border-top: 1px solid #777; font-size: 9pt; background: #fff; }
    table.page { display: table; width: 100%; table-layout: fixed; border-collapse: collapse; }
    table.page > tbody { display: table-row-group; }
    table.page > tfoot { display: table-footer-group; }
    table.page > * > tr { display: table-row; }
    table.page > * > tr > td { display: table-cell; }
    .footer-space { height: 1.4rem; }
    .new-page { break-before: page; page-break-before: always; }
    /* Page numbers in the page's margin: Chromium prints margin boxes and
       their counters; a browser that does not simply leaves them out. */
    @page { margin: 1.5cm 1.5cm 1.6cm;
            @bottom-right { content: PAGE_OF;
                            font: 9pt "DejaVu Sans", Helvetica, Arial, sans-serif; color: #333; } }
    h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
    tr, li { break-inside: avoid; page-break-inside: avoid; }
    h2 { page-break-before: auto; }
  }
)";

// The page's number in the language's words, for CSS's content:
// "Página " counter(page) " de " counter(pages).
std::string page_of_css(const Labels& l) {
  std::string out, text = l.tr("page_of", {{"page", "\x01"}, {"pages", "\x02"}});
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) out += (out.empty() ? "" : " ") + css_string(literal);
    literal.clear();
  };
  for (char c : text) {
    if (c != '\x01' && c != '\x02') {
      literal += c;
      continue;
    }
    flush();
    out += (out.empty() ? "" : " ") + std::string(c == '\x01' ? "counter(page)" : "counter(pages)");
  }
  flush();
  return out;
}

// The page's style sheet, with the page numbers in the language's words.
std::string style(const Labels& l) {
  std::string css = kRecordStyle;
  std::size_t at = css.find("PAGE_OF");
  return css.replace(at, 7, page_of_css(l));
}

std::string html_block(const Block& b, const Labels& l) {
  switch (b.kind) {
    case Block::Kind::heading:
      return fmt::format("<h{0}{1}>{2}</h{0}>\n", b.level, b.new_page ? " class=\"new-page\"" : "",
                         html_text(b.text));
    case Block::Kind::paragraph: {
      // Each line of the text is a paragraph, the label leading the first.
      std::string out,
          lead = b.label.empty() ? "" : fmt::format("<strong>{}.</strong> ", escaped(b.label));
      std::size_t start = 0;
      while (start <= b.text.size()) {
        std::size_t end = std::min(b.text.find('\n', start), b.text.size());
        if (end > start || start == 0)
          out += fmt::format("<p>{}{}</p>\n", lead, html_text(b.text.substr(start, end - start)));
        lead.clear();
        start = end + 1;
      }
      return out;
    }
    case Block::Kind::list:
    case Block::Kind::checklist: {
      bool check = b.kind == Block::Kind::checklist;
      std::string out = check ? "<ul class=\"checklist\">\n" : "<ul>\n";
      for (std::size_t i = 0; i < b.items.size(); ++i)
        out += fmt::format("<li{}>{}</li>\n", check && b.done[i] ? " class=\"done\"" : "",
                           html_text(b.items[i]));
      return out + "</ul>\n";
    }
    case Block::Kind::table: {
      std::string out = fmt::format("<table>\n<tr><th>{}</th><th>{}</th></tr>\n",
                                    escaped(b.items[0]), escaped(b.items[1]));
      for (const auto& row : b.rows)
        out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", with_breaks(row[0]),
                           with_breaks(row[1]));
      return out + "</table>\n";
    }
    case Block::Kind::signature: {
      std::string printed = b.printed.empty() || b.printed == b.text
                                ? ""
                                : fmt::format("<em class=\"printed\">{}: {}</em>",
                                              escaped(l.tr("printed_name")), html_text(b.printed));
      return fmt::format(
          "<div class=\"signature\"><span>{}: {}{}</span><span class=\"date\">{}: "
          "{}</span></div>\n",
          escaped(b.label), html_text(b.text), printed, escaped(l.tr("date")), html_text(b.date));
    }
  }
  return "";
}

}  // namespace

std::string render_html(const Document& document, const Labels& labels, const std::string& title,
                        const std::string& footer) {
  std::string body;
  bool in_signatures = false;
  for (const auto& block : document) {
    // The signatures' heading opens a block kept whole on one printed page.
    bool opens = block.kind == Block::Kind::heading && block.keep_together;
    bool closes = in_signatures && block.kind == Block::Kind::heading && !opens;
    if (closes) body += "</section>\n";
    if (opens) body += "<section class=\"signatures\">\n";
    in_signatures = opens || (in_signatures && !closes);
    body += html_block(block, labels);
  }
  if (in_signatures) body += "</section>\n";
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"robots\" "
      "content=\"noindex\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}"
      "<table class=\"page\"><tfoot><tr><td><div class=\"footer-space\"></div></td></tr></tfoot>\n"
      "<tbody><tr><td>\n{}</td></tr></tbody></table>\n</body>\n</html>\n",
      escaped(labels.code()), escaped(title), style(labels),
      footer.empty() ? "" : fmt::format("<div class=\"running\">{}</div>\n", html_text(footer)),
      body);
}

std::string export_html(const ClientRecord& record, const RenderOptions& options) {
  const Labels& l = print_labels(record, options).labels;
  std::string footer = fmt::format("{} · {}", record.client.name, l.tr("confidential"));
  if (options.printed) footer += " · " + l.tr("printed_on", {{"date", options.printed->str()}});
  std::string title =
      l.tr(options.plan_only ? "title_plan" : "title_record", {{"name", record.client.name}});
  return render_html(record_document(record, l, options.plan_only), l, title, footer);
}

}  // namespace casekit
