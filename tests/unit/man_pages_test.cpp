// The man pages against the code: every command, verb and option the
// parser knows is documented in its page, casekit(1) lists the command
// table, casekit(5) documents every key of src/data/schema.yaml, and
// every row of export's and due's format tables is in their pages.
// The pages are read as roff source, so "documented" means set in bold
// (\fB...\fR or .B) with hyphens escaped (\-\-case\-folder), as the pages
// are written.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "check/report.hpp"
#include "cli/commands.hpp"
#include "export/formats.hpp"
#include "views/due.hpp"
#include "yaml/yaml_tree.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path source_dir{CASEKIT_SOURCE_DIR};

fs::path man_page(const std::string& name) {
  return source_dir / "man" / name;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "case-folder" -> "\-case\-folder": how roff source writes a hyphen that
// must print as a minus sign (and be copied from a terminal as one).
std::string roff_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '-') out += '\\';
    out += c;
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The arguments of a macro line, honouring double quotes.
std::vector<std::string> macro_arguments(std::string_view rest) {
  std::vector<std::string> args;
  std::size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    if (i >= rest.size()) break;
    std::string arg;
    if (rest[i] == '"') {
      for (++i; i < rest.size() && rest[i] != '"'; ++i) arg += rest[i];
      ++i;
    } else {
      for (; i < rest.size() && rest[i] != ' '; ++i) arg += rest[i];
    }
    args.push_back(arg);
  }
  return args;
}

// Text set in bold and in italic, as spans of roff source.
struct FontSpans {
  std::vector<std::string> bold, italic;
};

// Splits `text` at font escapes (\fB, \fI, \fR, \fP, \f(BI, \f[...]),
// starting in `font` ('B', 'I' or 'R'), and adds each bold or italic span.
void add_spans(std::string_view text, char font, FontSpans& spans) {
  std::string current;
  auto flush = [&] {
    // \% and \& are zero-width marks that do not change what is printed.
    std::string clean;
    for (std::size_t i = 0; i < current.size(); ++i) {
      if (current[i] == '\\' && i + 1 < current.size() &&
          (current[i + 1] == '%' || current[i + 1] == '&')) {
        ++i;
        continue;
      }
      clean += current[i];
    }
    std::size_t first = clean.find_first_not_of(' ');
    if (first != std::string::npos) {
      clean = clean.substr(first, clean.find_last_not_of(' ') - first + 1);
      if (font == 'B') spans.bold.push_back(clean);
      if (font == 'I') spans.italic.push_back(clean);
    }
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'f') {
      flush();
      std::size_t at = i + 2;
      std::string name;
      if (at < text.size() && text[at] == '(') {
        name = std::string(text.substr(at + 1, 2));
        i = at + 2;
      } else if (at < text.size() && text[at] == '[') {
        std::size_t close = std::min(text.find(']', at), text.size() - 1);
        name = std::string(text.substr(at + 1, close - at - 1));
        i = close;
      } else if (at < text.size()) {
        name = std::string(1, text[at]);
        i = at;
      }
      font = name.find('B') != std::string::npos   ? 'B'
             : name.find('I') != std::string::npos ? 'I'
                                                   : 'R';
      continue;
    }
    if (text[i] == '\\' && i + 1 < text.size()) {  // keep other escapes, such as \-, whole
      current += text.substr(i, 2);
      ++i;
      continue;
    }
    current += text[i];
  }
  flush();
}

FontSpans font_spans(const std::string& roff) {
  FontSpans spans;
  for (const auto& line : lines_of(roff)) {
    if (line.rfind(".\\\"", 0) == 0) continue;  // a comment
    if (line.empty() || line[0] != '.') {
      add_spans(line, 'R', spans);
      continue;
    }
    std::size_t space = line.find(' ');
    std::string macro = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    std::vector<std::string> args = macro_arguments(rest);
    if (macro == "B" || macro == "I") {
      std::string joined;
      for (const auto& a : args) joined += (joined.empty() ? "" : " ") + a;
      add_spans(joined, macro[0], spans);
    } else if (macro.size() == 2 && std::string("BIR").find(macro[0]) != std::string::npos &&
               std::string("BIR").find(macro[1]) != std::string::npos) {
      for (std::size_t i = 0; i < args.size(); ++i) add_spans(args[i], macro[i % 2], spans);
    }
  }
  return spans;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// True when a bold span is the option `dashes + name` (like "\-\-case\-folder"),
// alone or followed by something that cannot continue the name.
bool has_bold_option(const FontSpans& spans, const std::string& dashes, const std::string& name) {
  std::string wanted = roff_escape(dashes + name);
  return std::any_of(spans.bold.begin(), spans.bold.end(), [&](const std::string& span) {
    if (span.rfind(wanted, 0) != 0) return false;
    std::string_view after = std::string_view(span).substr(wanted.size());
    return after.empty() || (!is_name_char(after[0]) && after.rfind("\\-", 0) != 0);
  });
}

// True when a bold or italic span, split into words, has the word `name`
// (escaped): how a page names a positional argument or a command.
bool has_word(const std::vector<std::string>& spans, const std::string& name) {
  std::string wanted = roff_escape(name);
  for (const auto& span : spans) {
    std::istringstream words(span);
    for (std::string word; words >> word;) {
      while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ']'))
        word.pop_back();
      while (!word.empty() && word.front() == '[') word.erase(0, 1);
      if (word == wanted) return true;
    }
  }
  return false;
}

bool has_bold_word(const FontSpans& spans, const std::string& name) {
  return has_word(spans.bold, name);
}
bool has_set_word(const FontSpans& spans, const std::string& name) {
  return has_word(spans.italic, name) || has_word(spans.bold, name);
}

bool is_heading(const std::string& line) {
  return line.rfind(".SH", 0) == 0 || line.rfind(".SS", 0) == 0;
}

// The words of a heading line, without the macro and quotes.
std::vector<std::string> heading_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  for (char c : line.substr(3) + " ") {
    if (is_name_char(c) || c == '\\' || c == '-') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// The text from the first heading that `matches` to the next heading, or
// empty when there is no such heading.
template <typename Match>
std::string section(const std::string& roff, Match matches) {
  std::string out;
  bool inside = false;
  for (const auto& line : lines_of(roff)) {
    if (is_heading(line)) {
      if (inside) break;
      inside = matches(line);
    }
    if (inside) out += line + "\n";
  }
  return out;
}

// The section whose heading is `.SH NAME` or `.SH "NAME"`.
std::string named_section(const std::string& roff, const std::string& name) {
  return section(roff, [&](const std::string& line) {
    return line == ".SH " + name || line == ".SH \"" + name + "\"";
  });
}

// The `.SS` section of a subcommand (a plan verb): its heading starts with
// the verb's name.
std::string verb_section(const std::string& roff, const std::string& verb) {
  std::string wanted = roff_escape(verb);
  return section(roff, [&](const std::string& line) {
    if (line.rfind(".SS", 0) != 0) return false;
    auto words = heading_words(line);
    return !words.empty() && words[0] == wanted;
  });
}

std::vector<CLI::App*> subcommands_of(CLI::App& app) {
  return app.get_subcommands([](CLI::App*) { return true; });
}

// Every option of `app` (and its positionals) is set in `spans`; each
// missing one is reported with `where`.
void check_options(CLI::App& app, const FontSpans& spans, const std::string& where,
                   bool include_help = true) {
  for (const CLI::Option* option : app.get_options()) {
    if (!include_help && option == app.get_help_ptr()) continue;
    if (option->get_positional() && option->get_lnames().empty() && option->get_snames().empty()) {
      CHECK_MESSAGE(has_set_word(spans, option->get_name(true)),
                    where << " does not name the argument '" << option->get_name(true)
                          << "' in italic or bold");
      continue;
    }
    for (const auto& name : option->get_lnames())
      CHECK_MESSAGE(has_bold_option(spans, "--", name),
                    where << " does not document --" << name << " in bold (\\fB"
                          << roff_escape("--" + name) << "\\fR)");
    for (const auto& name : option->get_snames())
      CHECK_MESSAGE(has_bold_option(spans, "-", name), where << " does not document -" << name
                                                             << " in bold (\\fB"
                                                             << roff_escape("-" + name) << "\\fR)");
  }
}

// Normalises roff running text for comparing it with plain text: joins
// lines, removes font escapes and zero-width marks, and unescapes \-.
std::string plain_text(const std::string& roff) {
  std::string out;
  for (const auto& line : lines_of(roff)) {
    if (!line.empty() && line[0] == '.') {
      std::size_t space = line.find(' ');
      if (space == std::string::npos) continue;
      for (const auto& arg : macro_arguments(line.substr(space + 1))) out += arg + " ";
      continue;
    }
    out += line + " ";
  }
  std::string clean;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\\' && i + 1 < out.size()) {
      char next = out[i + 1];
      if (next == 'f') {
        i += (i + 2 < out.size() && out[i + 2] == '(') ? 4 : 2;
        continue;
      }
      if (next == '%' || next == '&') {
        ++i;
        continue;
      }
      if (next == '-') {
        clean += '-';
        ++i;
        continue;
      }
    }
    clean += out[i];
  }
  std::string spaced;  // one space between words
  for (char c : clean)
    if (!(c == ' ' && !spaced.empty() && spaced.back() == ' ')) spaced += c;
  return spaced;
}

}  // namespace

TEST_CASE("man pages: the roff reader finds bold options, positionals and sections") {
  const std::string roff =
      ".SH OPTIONS\n"
      ".TP\n"
      "\\fB\\-C\\fR \\fIfolder\\fR, \\fB\\-\\-case\\-folder\\fR \\fIfolder\\fR\n"
      ".B \\-\\-version\n"
      ".RB [ \\-\\-date\n"
      ".IR date ]\n"
      "plain \\-\\-roman\\-only and \\fB\\-\\-need\\-more\\fR\n"
      ".I goal milestone\n"
      ".SS add\\-need\n"
      "\\fB\\-\\-description\\fR \\fItext\\fR\n"
      ".SS meet\\-need\n"
      "\\fB\\-\\-date\\fR\n";
  FontSpans spans = font_spans(roff);
  CHECK(has_bold_option(spans, "-", "C"));
  CHECK(has_bold_option(spans, "--", "case-folder"));
  CHECK(has_bold_option(spans, "--", "version"));
  CHECK(has_bold_option(spans, "--", "date"));
  CHECK(has_bold_option(spans, "--", "need-more"));
  CHECK_FALSE(has_bold_option(spans, "--", "need"));        // only a longer name is there
  CHECK_FALSE(has_bold_option(spans, "--", "roman-only"));  // not bold
  CHECK_FALSE(has_bold_option(spans, "--", "folder"));      // italic, and not an option
  CHECK(has_set_word(spans, "folder"));
  CHECK(has_set_word(spans, "milestone"));
  CHECK_FALSE(has_set_word(spans, "plain"));

  std::string add_need = verb_section(roff, "add-need");
  CHECK(has_bold_option(font_spans(add_need), "--", "description"));
  CHECK_FALSE(has_bold_option(font_spans(add_need), "--", "date"));
  CHECK(verb_section(roff, "sign").empty());
  CHECK(plain_text("Add a \\fBS.O.A.P.D.\\fR note;\nsee \\%desk\\-guide") ==
        "Add a S.O.A.P.D. note; see desk-guide ");
}

TEST_CASE("man pages: casekit.1 documents the global options") {
  CLI::App app{"casekit", "casekit"};
  casekit::cli::Context context;
  casekit::cli::build_app(app, context);

  const fs::path page = man_page("casekit.1");
  REQUIRE_MESSAGE(fs::exists(page), page.string() << " is missing");
  std::string options = named_section(read_text(page), "OPTIONS");
  REQUIRE_MESSAGE(!options.empty(), "casekit.1 has no OPTIONS section");
  check_options(app, font_spans(options), "OPTIONS of casekit.1");
}

TEST_CASE("man pages: casekit.1 lists every command of the table") {
  const fs::path page = man_page("casekit.1");
  REQUIRE_MESSAGE(fs::exists(page), page.string() << " is missing");
  const std::string roff = read_text(page);
  std::string commands = named_section(roff, "COMMANDS");
  REQUIRE_MESSAGE(!commands.empty(), "casekit.1 has no COMMANDS section");
  FontSpans spans = font_spans(commands);
  std::string text = plain_text(commands);
  FontSpans see_also = font_spans(named_section(roff, "SEE ALSO"));

  for (const auto& command : casekit::cli::command_table()) {
    const std::string name = command.name;  // doctest prints a const char* as a pointer
    const std::string summary = command.summary;
    CAPTURE(name);
    CHECK_MESSAGE(has_bold_word(spans, name),
                  "COMMANDS of casekit.1 does not list " << name << " in bold");
    CHECK_MESSAGE(
        text.find(summary) != std::string::npos,
        "COMMANDS of casekit.1 does not give the summary of " << name << ": \"" << summary << "\"");
    CHECK_MESSAGE(has_bold_word(see_also, "casekit-" + name),
                  "SEE ALSO of casekit.1 does not name casekit-" << name << "(1)");
  }
}

TEST_CASE("man pages: every command has a page that documents each of its options") {
  CLI::App app{"casekit", "casekit"};
  casekit::cli::Context context;
  casekit::cli::build_app(app, context);

  std::vector<CLI::App*> commands = subcommands_of(app);
  REQUIRE(commands.size() == casekit::cli::command_table().size());
  for (CLI::App* command : commands) {
    const std::string name = "casekit-" + command->get_name() + ".1";
    CAPTURE(name);
    const fs::path page = man_page(name);
    REQUIRE_MESSAGE(fs::exists(page), page.string() << " is missing");
    const std::string roff = read_text(page);
    FontSpans spans = font_spans(roff);
    check_options(*command, spans, name);

    // Subcommands (the plan verbs): each option in the page, and each
    // option but --help in the verb's own section.
    for (CLI::App* verb : subcommands_of(*command)) {
      const std::string where = name + ", verb " + verb->get_name();
      check_options(*verb, spans, where);
      std::string text = verb_section(roff, verb->get_name());
      CHECK_MESSAGE(!text.empty(),
                    name << " has no section `.SS " << roff_escape(verb->get_name()) << "`");
      if (!text.empty()) check_options(*verb, font_spans(text), "the section of " + where, false);
    }
  }
}

TEST_CASE("man pages: casekit-check.1 documents every output format of the table") {
  std::string page = read_text(man_page("casekit-check.1"));
  std::size_t start = page.find(".SH OUTPUT");
  std::string output = page.substr(start, page.find(".SH CONFIGURATION") - start);
  REQUIRE(!casekit::check_formats().empty());
  for (const auto& format : casekit::check_formats()) {
    std::string name(format.name);
    CHECK_MESSAGE(output.find("\n.TP\n.B " + name + "\n") != std::string::npos,
                  "OUTPUT of casekit-check.1 has no entry for --format " << name);
    std::string option = page.substr(page.find("\\fB\\-\\-format\\fR"), 300);
    bool named = option.find("\n.B " + name) != std::string::npos ||
                 option.find("\n.BR " + name) != std::string::npos;
    CHECK_MESSAGE(named, "--format in casekit-check.1 does not name " << name);
  }
}

TEST_CASE("man pages: casekit.5 documents every file kind, shape and key of the schema") {
  const fs::path schema_path = source_dir / "src" / "data" / "schema.yaml";
  const fs::path page = man_page("casekit.5");
  REQUIRE(fs::exists(schema_path));
  REQUIRE_MESSAGE(fs::exists(page), page.string() << " is missing");
  const casekit::YamlNode schema =
      casekit::parse_yaml(read_text(schema_path), schema_path.string());
  const std::string roff = read_text(page);
  FontSpans spans = font_spans(roff);

  REQUIRE(schema.is_mapping());
  for (const auto& key : schema.keys)
    CHECK_MESSAGE(has_bold_word(spans, key.value),
                  "casekit.5 does not set '" << key.value << "' in bold");

  const casekit::YamlNode* files = schema.find("files");
  REQUIRE(files != nullptr);
  for (const auto& kind : files->keys)
    CHECK_MESSAGE(has_bold_word(spans, kind.value),
                  "casekit.5 does not name the file kind '" << kind.value << "' in bold");

  const casekit::YamlNode* shapes = schema.find("shapes");
  REQUIRE(shapes != nullptr);
  REQUIRE(shapes->is_mapping());
  for (std::size_t i = 0; i < shapes->keys.size(); ++i) {
    const std::string shape = shapes->keys[i].value;
    CAPTURE(shape);
    CHECK_MESSAGE(has_bold_word(spans, shape),
                  "casekit.5 does not name the shape '" << shape << "' in bold");

    // The shape's own section: a heading that names it as a shape, such as
    // `.SS "The need shape"` or `.SH "PLAN: plan.yaml (shape plan)"`.
    std::string text = section(roff, [&](const std::string& line) {
      auto words = heading_words(line);
      bool names_shape = std::find(words.begin(), words.end(), shape) != words.end();
      bool says_shape = std::find(words.begin(), words.end(), "shape") != words.end() ||
                        std::find(words.begin(), words.end(), "shapes") != words.end();
      return names_shape && says_shape;
    });
    CHECK_MESSAGE(!text.empty(), "casekit.5 has no section headed with the " << shape << " shape");
    FontSpans in_section = font_spans(text);
    for (const auto& field : shapes->items[i].keys)
      CHECK_MESSAGE(has_bold_word(in_section, field.value),
                    "casekit.5 does not document the key '" << field.value << "' of the shape '"
                                                            << shape << "' in bold in its section");
    // A one-line key and a prose key differ only in their type word, so
    // the page must give the very word (check refuses a line break in one).
    for (std::size_t k = 0; k < shapes->items[i].keys.size(); ++k) {
      std::string type = shapes->items[i].items[k].value;
      type = type.substr(0, type.find(' '));
      if (type != "text" && type != "line") continue;
      std::string entry = "\\fB" + shapes->items[i].keys[k].value + "\\fR (\\fI" + type + "\\fR";
      CHECK_MESSAGE(text.find(entry) != std::string::npos,
                    "casekit.5 does not give '" << shapes->items[i].keys[k].value << "' the type "
                                                << type << " in the " << shape << " shape");
    }
  }
}

namespace {

// The paragraph of a tagged option (`.TP`, then a line starting with
// `tag`) up to the next `.TP` or heading, or empty when there is none.
std::string option_paragraph(const std::string& roff, const std::string& tag) {
  std::string out;
  bool inside = false;
  for (const auto& line : lines_of(roff)) {
    if (inside && (line.rfind(".TP", 0) == 0 || is_heading(line))) break;
    inside = inside || line.rfind(tag, 0) == 0;
    if (inside) out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("man pages: casekit-export.1 documents every format of export's table") {
  const std::string roff = read_text(man_page("casekit-export.1"));
  std::string formats =
      section(roff, [](const std::string& line) { return line == ".SS Formats"; });
  REQUIRE_MESSAGE(!formats.empty(), "casekit-export.1 has no section `.SS Formats`");
  FontSpans spans = font_spans(formats);
  for (const auto& format : casekit::export_formats()) {
    const std::string name(format.name);
    CHECK_MESSAGE(has_bold_word(spans, name),
                  "Formats of casekit-export.1 does not document " << name << " in bold");
  }
}

TEST_CASE("man pages: casekit-due.1 documents every format of due's table under --format") {
  const std::string roff = read_text(man_page("casekit-due.1"));
  std::string paragraph = option_paragraph(roff, "\\fB\\-\\-format\\fR");
  REQUIRE_MESSAGE(!paragraph.empty(), "casekit-due.1 has no paragraph for --format");
  FontSpans spans = font_spans(paragraph);
  for (const auto& format : casekit::due_formats()) {
    const std::string name(format.name);
    CHECK_MESSAGE(has_bold_word(spans, name),
                  "--format of casekit-due.1 does not document " << name << " in bold");
  }
}
