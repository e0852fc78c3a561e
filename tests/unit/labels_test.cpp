#include "record/labels.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/embedded.hpp"
#include "base/error.hpp"
#include "export/export.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;

namespace {

std::vector<std::string> keys_of(const char* file) {
  std::vector<std::string> out;
  for (const auto& key : parse_yaml(embedded_file(file), file).keys) out.push_back(key.value);
  return out;
}

std::string source(const std::string& path) {
  std::ifstream in(std::string(CASEKIT_SOURCE_DIR) + "/" + path);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The label keys a source names: the literals in each .tr(...) up to its
// values' braces, and those a std::pair{"key", ...} table holds.
std::set<std::string> keys_used(const std::string& text) {
  std::set<std::string> out;
  static const std::regex literal("\"([a-z_]+)\"");
  for (std::size_t at = text.find(".tr("); at != std::string::npos;
       at = text.find(".tr(", at + 1)) {
    std::size_t end = at + 4;
    for (int depth = 1; end < text.size() && depth > 0 && text[end] != '{'; ++end)
      depth += text[end] == '(' ? 1 : text[end] == ')' ? -1 : 0;
    std::string head = text.substr(at, end - at);
    for (std::sregex_iterator i(head.begin(), head.end(), literal), e; i != e; ++i)
      out.insert((*i)[1]);
  }
  static const std::regex pair("std::pair\\{\"([a-z_]+)\"");
  for (std::sregex_iterator i(text.begin(), text.end(), pair), e; i != e; ++i) out.insert((*i)[1]);
  return out;
}

// The message and where of the Error `add` throws for this file.
std::string refusal(const std::string& text) {
  Translations t;
  try {
    t.add("vi", text, "labels/vi.yaml");
  } catch (const Error& e) {
    CHECK(t.find("vi") == nullptr);  // nothing of a refused file is kept
    return to_string(e.location()) + ": " + e.what() + " | " + e.hint();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("the Spanish labels have exactly the English keys, none missing, none extra") {
  std::vector<std::string> en = keys_of("labels.en.yaml"), es = keys_of("labels.es.yaml");
  std::set<std::string> english(en.begin(), en.end()), spanish(es.begin(), es.end());
  for (const auto& key : english) CHECK_MESSAGE(spanish.count(key), "missing in Spanish: " << key);
  for (const auto& key : spanish) CHECK_MESSAGE(english.count(key), "not in English: " << key);
  CHECK(en.size() == label_keys().size());
  CHECK(built_in_translations().codes() == std::vector<std::string>{"en", "es"});
}

TEST_CASE("every label the printed record's code names is in the English file") {
  std::set<std::string> english(label_keys().begin(), label_keys().end());
  std::size_t named = 0;
  for (const char* path :
       {"src/record/document.cpp", "src/export/export_html.cpp", "src/export/export_markdown.cpp"})
    for (const auto& key : keys_used(source(path))) {
      ++named;
      CHECK_MESSAGE(english.count(key), std::string(path)
                                            << " names a label English lacks: " << key);
    }
  CHECK(named > 60);  // the scan finds the labels at all
}

TEST_CASE("every value of a list the printed record translates has a label") {
  YamlNode schema = parse_yaml(embedded_file("schema.yaml"), "schema.yaml");
  const YamlNode& shapes = *schema.find("shapes");
  auto values = [&](const char* shape, const char* key) {
    std::istringstream type(shapes.find(shape)->text_at(key));
    std::vector<std::string> out;
    std::string word;
    type >> word;  // enum
    while (type >> word && word != "required") out.push_back(word);
    return out;
  };
  std::set<std::string> english(label_keys().begin(), label_keys().end());
  std::vector<std::pair<std::string, std::vector<std::string>>> lists = {
      {"client_status", values("client", "status")},
      {"goal_status", values("short_term_goal", "status")},
      {"service_status", values("service", "status")},
      {"referral_status", values("referral_status", "status")},
      {"contact", values("note", "contact")},
      {"screening", values("screening", "topic")},
      {"basic_answer", values("basic_needs", "housing")},
      {"document_kind", values("document", "kind")}};
  std::vector<std::string> needs;
  for (const auto& key : shapes.find("basic_needs")->keys) needs.push_back(key.value);
  lists.emplace_back("basic_need", needs);
  // No structured bindings here: clang 14 refuses them in CHECK_MESSAGE's lambda.
  for (const auto& list : lists) {
    CHECK(!list.second.empty());
    for (const auto& word : list.second)
      CHECK_MESSAGE(english.count(list.first + "." + word), list.first << "." << word);
  }
}

TEST_CASE("a label's {name}s are filled; an enum value without a label stays as written") {
  const Labels& es = *built_in_translations().find("es");
  CHECK(es.tr("page_of", {{"page", "1"}, {"pages", "3"}}) == "Página 1 de 3");
  CHECK(es.tr("sign_client") == "Firma del cliente");
  CHECK(es.value("goal_status", "achieved") == "lograda");
  CHECK(es.value("goal_status", "someday") == "someday");
  CHECK(label_placeholders("Page {page} of {pages}") == std::vector<std::string>{"page", "pages"});
}

TEST_CASE("a program's file adds a language, English filling what it leaves out") {
  Translations t;
  t.add("vi", "signatures: Chữ ký\nsign_client: 'Khách hàng'\n", "labels/vi.yaml");
  REQUIRE(t.find("vi"));
  CHECK(t.find("vi")->tr("signatures") == "Chữ ký");
  CHECK(t.find("vi")->tr("agreement") == "We agree to this plan.");
  CHECK(t.find("vi")->code() == "vi");
  // A file for a built-in language changes only what it names.
  t.add("es", "sign_client: Firma del participante\n", "labels/es.yaml");
  CHECK(t.find("es")->tr("sign_client") == "Firma del participante");
  CHECK(t.find("es")->tr("signatures") == "Firmas");
  CHECK(built_in_translations().find("es")->tr("sign_client") == "Firma del cliente");
  CHECK(t.codes() == std::vector<std::string>{"en", "es", "vi"});
}

TEST_CASE("a bad file of labels is refused with its file and line") {
  CHECK(refusal("signatures: Chữ ký\nsignaturs: x\n") ==
        "labels/vi.yaml:2:1: 'signaturs' is not a label of the printed record | did you mean "
        "'signatures'?");
  CHECK(refusal("zzzz: x\n") ==
        "labels/vi.yaml:1:1: 'zzzz' is not a label of the printed record | the labels are the "
        "keys of the English labels, see LABELS in casekit(5)");
  CHECK(refusal("date: Ngày\nsignatures: [a, b]\n") ==
        "labels/vi.yaml:2:13: the label 'signatures' should be one line of text | write the words "
        "on the same line as the key, for example: signatures: Firmas");
  CHECK(refusal("signatures:\n").starts_with("labels/vi.yaml:1:1: the label 'signatures' should"));
  CHECK(refusal("signatures: |\n  two\n  lines\n").starts_with("labels/vi.yaml:1:13: the label"));
  CHECK(refusal("page_of: Trang {page}\n") ==
        "labels/vi.yaml:1:10: the label 'page_of' should show {page} and {pages}, as the English "
        "one does, and it shows {page} | keep each {name} as it is and move it where the "
        "language puts it");
  CHECK(refusal("page_of: Trang {page} / {pages} {x}\n")
            .find("and it shows {page}, {pages} and "
                  "{x}") != std::string::npos);
  CHECK(refusal("signatures: Chữ {ký\n").find("a brace that is not part of a {name}") !=
        std::string::npos);
  CHECK(refusal("signatures: a } b\n").find("a brace") != std::string::npos);
  CHECK(refusal("signatures: [a\n").starts_with("labels/vi.yaml:"));
  CHECK(refusal("# nothing\n").starts_with("labels/vi.yaml:1: a file of labels should hold"));
  CHECK(refusal("- signatures\n").find("a file of labels should hold labels") != std::string::npos);
}

TEST_CASE("language codes are BCP 47's shape in lower case") {
  for (const char* good : {"es", "vi", "yue", "pt-br", "zh-hant"}) CHECK(is_language_code(good));
  for (const char* bad : {"", "e", "spanish", "ES", "es_MX", "es-", "client", "1a", "es-mx-x"})
    CHECK_MESSAGE(!is_language_code(bad), bad);
}

TEST_CASE("--lang client prints in the client's language, or English saying why") {
  ClientRecord r;
  r.client.id = "xavier-brown";
  r.client.name = "Xavier Brown";
  r.client.status = "active";
  RenderOptions options;
  options.lang = "client";
  r.client.assessment.language = "Spanish";
  CHECK(print_labels(r, options).labels.code() == "es");
  CHECK(print_labels(r, options).fallback.empty());
  r.client.language = "Vietnamese";
  CHECK(print_labels(r, options).labels.code() == "en");
  CHECK(print_labels(r, options).fallback ==
        "there are no labels in Vietnamese, the language of xavier-brown, so its record is in "
        "English; a case folder can add them, see LABELS in casekit(5)");
  r.client.language.clear();
  r.client.assessment.language.clear();
  CHECK(print_labels(r, options).fallback ==
        "no language is recorded for xavier-brown, so its record is in English");
  // In Spanish the fixed words change and what was written does not.
  r.client.assessment.present = true;
  r.client.assessment.strengths = {"Shows up on time"};
  r.plan = Plan{};
  options.lang = "es";
  std::string md = export_markdown(r, options);
  CHECK(md.find("### Fortalezas\n\n- Shows up on time") != std::string::npos);
  CHECK(md.find("Firma del cliente: ______________________________    Nombre en letra de molde: "
                "Xavier Brown    Fecha: ______________") != std::string::npos);
  std::string html = export_html(r, options);
  CHECK(html.find("<html lang=\"es\">") != std::string::npos);
  CHECK(html.find("content: \"Página \" counter(page) \" de \" counter(pages);") !=
        std::string::npos);
}
