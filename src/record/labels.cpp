#include "record/labels.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cassert>

#include "base/did_you_mean.hpp"
#include "base/embedded.hpp"
#include "base/error.hpp"
#include "base/printable.hpp"
#include "record/case_folder.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {
namespace {

constexpr std::string_view kPrefix = "labels.", kSuffix = ".yaml";

Location where(const std::string& display, const YamlNode& node) {
  return {display, node.mark.line + 1, node.mark.column + 1};
}

// The text between braces, or "" when `at` does not open a {name}.
std::string placeholder_at(std::string_view text, std::size_t at) {
  std::size_t end = text.find('}', at);
  if (end == std::string_view::npos || end == at + 1) return {};
  std::string_view name = text.substr(at + 1, end - at - 1);
  bool word = std::all_of(name.begin(), name.end(),
                          [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
  return word ? std::string(name) : std::string();
}

// "{created} and {next_review}", as a message names them.
std::string listed(std::vector<std::string> names) {
  for (auto& name : names) name = "{" + name + "}";
  if (names.empty()) return "no {name}";
  if (names.size() == 1) return names[0];
  std::string last = names.back();
  names.pop_back();
  return fmt::format("{} and {}", fmt::join(names, ", "), last);
}

std::vector<std::string> sorted_unique(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// Every brace opens or closes a {name}.
bool braces_paired(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') return false;
    if (text[i] != '{') continue;
    std::string name = placeholder_at(text, i);
    if (name.empty()) return false;
    i += name.size() + 1;
  }
  return true;
}

// The English labels as the file has them: what every key is, and the
// {name}s each must keep.
const std::map<std::string, std::string, std::less<>>& english_table() {
  static const auto table = [] {
    std::map<std::string, std::string, std::less<>> out;
    YamlNode root = parse_yaml(embedded_file("labels.en.yaml"), "labels.en.yaml");
    for (std::size_t i = 0; i < root.keys.size(); ++i)
      out.emplace(root.keys[i].value, root.items[i].value);
    return out;
  }();
  return table;
}

// One label of a file: a known key, one line of text, the English {name}s.
void check_label(const YamlNode& key, const YamlNode& value, const std::string& display) {
  const auto& keys = label_keys();
  if (std::find(keys.begin(), keys.end(), key.value) == keys.end()) {
    std::string guess = did_you_mean(key.value, keys);
    throw Error(ExitStatus::usage, where(display, key),
                fmt::format("'{}' is not a label of the printed record", printable(key.value)),
                guess.empty() ? "the labels are the keys of the English labels, see LABELS in "
                                "casekit(5)"
                              : fmt::format("did you mean '{}'?", guess));
  }
  if (!value.is_scalar() || value.value.empty() || value.value.find('\n') != std::string::npos)
    throw Error(ExitStatus::usage, where(display, value.is_null() ? key : value),
                fmt::format("the label '{}' should be one line of text", key.value),
                "write the words on the same line as the key, for example: signatures: Firmas");
  std::string_view text = value.value;
  if (!braces_paired(text))
    throw Error(ExitStatus::usage, where(display, value),
                fmt::format("the label '{}' has a brace that is not part of a {{name}}", key.value),
                "a brace in a label only ever stands around the name of a value");
  std::vector<std::string> want =
      sorted_unique(label_placeholders(english_table().find(key.value)->second));
  std::vector<std::string> got = sorted_unique(label_placeholders(text));
  if (got != want)
    throw Error(ExitStatus::usage, where(display, value),
                fmt::format("the label '{}' should show {}, as the English one does, and it "
                            "shows {}",
                            key.value, listed(want), listed(got)),
                "keep each {name} as it is and move it where the language puts it");
}

// A file's labels, every one checked before any is used.
std::map<std::string, std::string, std::less<>> read_labels(std::string_view text,
                                                            const std::string& display) {
  SourceText source = decode_source(std::string(text), display);
  YamlNode root = parse_yaml(source, display);
  if (!root.is_mapping() || root.keys.empty())
    throw Error(ExitStatus::usage, {display, root.mark.line + 1, 0},
                "a file of labels should hold labels, one a line, each a key and its text",
                "for example: signatures: Firmas");
  std::map<std::string, std::string, std::less<>> out;
  for (std::size_t i = 0; i < root.keys.size(); ++i) {
    check_label(root.keys[i], root.items[i], display);
    out[root.keys[i].value] = root.items[i].value;
  }
  return out;
}

}  // namespace

std::string Labels::tr(std::string_view key) const {
  auto found = text_.find(key);
  // labels_test finds every key the code names in labels.en.yaml.
  assert(found != text_.end() && "a label missing from labels.en.yaml");
  return found == text_.end() ? std::string(key) : found->second;
}

std::string Labels::tr(std::string_view key, LabelValues values) const {
  std::string text = tr(key), out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string name = text[i] == '{' ? placeholder_at(text, i) : std::string();
    auto value = std::find_if(values.begin(), values.end(),
                              [&](const auto& entry) { return entry.first == name; });
    if (name.empty() || value == values.end()) {
      out += text[i];
      continue;
    }
    out += value->second;
    i += name.size() + 1;
  }
  return out;
}

const std::string& Labels::value(std::string_view list, const std::string& value) const {
  auto found = text_.find(fmt::format("{}.{}", list, value));
  return found == text_.end() ? value : found->second;
}

const std::vector<std::string>& label_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    YamlNode root = parse_yaml(embedded_file("labels.en.yaml"), "labels.en.yaml");
    for (const auto& key : root.keys) out.push_back(key.value);
    return out;
  }();
  return keys;
}

std::vector<std::string> label_placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '{')
      if (std::string name = placeholder_at(text, i); !name.empty()) out.push_back(name);
  return out;
}

bool is_language_code(std::string_view code) {
  std::size_t first = code.find('-');
  std::string_view language = code.substr(0, first);
  auto lower = [](std::string_view part, std::size_t from, std::size_t to) {
    return part.size() >= from && part.size() <= to &&
           std::all_of(part.begin(), part.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
  };
  if (!lower(language, 2, 3) || language.find_first_of("0123456789") != std::string_view::npos)
    return false;
  if (first == std::string_view::npos) return true;
  std::string_view rest = code.substr(first + 1);
  return rest.find('-') == std::string_view::npos && lower(rest, 2, 8);
}

Translations::Translations() {
  // English first: it is every other language's fallback, and the
  // built-in files are checked against it as a program's are.
  languages_.emplace("en",
                     Labels("en", read_labels(embedded_file("labels.en.yaml"), "labels.en.yaml")));
  for (std::string_view name : embedded_names()) {
    if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) continue;
    std::string code(name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size()));
    if (code != "en") add(code, embedded_file(name), std::string(name));
  }
}

void Translations::add(const std::string& code, std::string_view text, const std::string& display) {
  assert(is_language_code(code));
  auto labels = read_labels(text, display);
  auto known = languages_.find(code);
  Labels& into =
      known != languages_.end()
          ? known->second
          : languages_.emplace(code, Labels(code, languages_.at("en").text_)).first->second;
  for (auto& [key, value] : labels) into.text_[key] = std::move(value);
}

void Translations::list(const std::string& code) {
  if (!languages_.contains(code)) listed_.insert(code);
}

std::vector<std::string> Translations::codes() const {
  std::set<std::string> all = listed_;
  for (const auto& entry : languages_) all.insert(entry.first);
  return {all.begin(), all.end()};
}

const Labels* Translations::find(std::string_view code) const {
  auto found = languages_.find(code);
  return found == languages_.end() ? nullptr : &found->second;
}

const Translations& built_in_translations() {
  static const Translations translations;
  return translations;
}

namespace {

// Whether printing in `lang` may need a language's labels: English is
// every language's fallback, and --lang client needs each client's own.
bool wanted_for(const std::string& code, const std::string& lang) {
  return code == "en" || lang == "client" || code == lang;
}

}  // namespace

Translations folder_translations(const CaseFolder& folder, const std::string& lang) {
  Translations out = built_in_translations();
  fs::path labels = folder.root() / "labels";
  for (const auto& entry : folder.files().list_entries(labels)) {
    const std::string& name = entry.name;
    if (!name.ends_with(kSuffix)) continue;
    std::string code = name.substr(0, name.size() - kSuffix.size());
    std::string display = folder.display(labels / name);
    if (!is_language_code(code)) {
      // Read by no language, so it stops no export; the worker is told.
      fmt::print(stderr,
                 "casekit: warning: {}: a file of labels is named after its language's code, so "
                 "this one is not used (rename it to the code, such as vi.yaml for Vietnamese)\n",
                 printable(display));
      continue;
    }
    if (!wanted_for(code, lang)) {
      out.list(code);
      continue;
    }
    std::optional<std::string> text = folder.files().read(labels / name, max_file_bytes);
    if (text) out.add(code, *text, display);
  }
  return out;
}

}  // namespace casekit
