// The fixed words of the printed record (headings, the signature block,
// "Page 2 of 9", the words for the record's fixed values) in one language:
// policy as data, from src/data/labels.LANG.yaml and a case folder's own
// labels/LANG.yaml (casekit(5), LABELS). What the worker wrote is never
// translated.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casekit {

class CaseFolder;

// The values of a label's {name}s: {{"date", "2026-11-23"}}.
using LabelValues = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Every label of one language: what a file leaves out is English.
class Labels {
 public:
  Labels(std::string code, std::map<std::string, std::string, std::less<>> text)
      : code_(std::move(code)), text_(std::move(text)) {}
  // The language's code, as --lang takes it and HTML's lang says it.
  const std::string& code() const { return code_; }
  // The label `key`: one of label_keys(), which every language has.
  std::string tr(std::string_view key) const;
  // The same with each {name} replaced by its value.
  std::string tr(std::string_view key, LabelValues values) const;
  // A value of one of the record's fixed lists, "goal_status" and
  // "achieved": its label, or the value as written when it has none.
  const std::string& value(std::string_view list, const std::string& value) const;

 private:
  friend class Translations;
  std::string code_;
  std::map<std::string, std::string, std::less<>> text_;
};

// The keys of src/data/labels.en.yaml, in its order.
const std::vector<std::string>& label_keys();
// The {name}s of a label's text, in order.
std::vector<std::string> label_placeholders(std::string_view text);
// Whether a word is shaped as a language code of BCP 47 in lower case with
// an optional region or script: es, yue, pt-br, zh-hant.
bool is_language_code(std::string_view code);

// The languages the printed record can be in.
class Translations {
 public:
  // The built-in ones, src/data/labels.LANG.yaml.
  Translations();
  // Adds a file of labels: a new language, or changes to one. Throws Error
  // with the file and line, changing nothing, for a key that is not a
  // label, a value that is not one line of text, or a value without the
  // {name}s of the English label.
  void add(const std::string& code, std::string_view text, const std::string& display);
  // A language there is a file of labels in, not read (no export in it).
  void list(const std::string& code);
  // The languages' codes, read or listed, sorted.
  std::vector<std::string> codes() const;
  // The labels of a language, or nullptr.
  const Labels* find(std::string_view code) const;

 private:
  std::map<std::string, Labels, std::less<>> languages_;
  std::set<std::string> listed_;
};

// The built-in labels, English the first.
const Translations& built_in_translations();
// The built-in languages with what the case folder's labels/*.yaml add,
// for printing in `lang` ("" for English, "client" for each client's own,
// or a code). Only the files of the languages that may be printed are
// read, so a broken file of another language stops nothing; the others
// are listed. A file not named after a language's code is skipped with a
// warning. Throws Error for a file read that is not a language's labels.
Translations folder_translations(const CaseFolder& folder, const std::string& lang);

}  // namespace casekit
