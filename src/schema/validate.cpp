// Validation of one file against its shape. It never stops at the first
// problem: a case worker fixing a file wants the whole list.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "base/date.hpp"
#include "base/did_you_mean.hpp"
#include "base/ids.hpp"
#include "base/printable.hpp"
#include "findings/finding_sink.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

const char* kind_name(const YamlNode& node) {
  switch (node.kind) {
    case NodeKind::null:
      return "empty";
    case NodeKind::scalar:
      return "a single value";
    case NodeKind::sequence:
      return "a list";
    case NodeKind::mapping:
      return "a set of keys";
  }
  return "?";
}

std::string describe(const FieldType& type) {
  const std::string& b = type.base;
  if (b == "text") return "text";
  if (b == "line") return "one line of text";
  if (b == "date") return "a date (YYYY-MM-DD)";
  if (b == "time") return "a time (HH:MM)";
  if (b == "count") return "a whole number";
  if (b == "number") return "a number";
  if (b == "bool") return "true or false";
  if (b == "enum") return "one of: " + fmt::format("{}", fmt::join(type.args, ", "));
  if (b == "id" || b == "ref") return fmt::format("an id like {0}1, {0}2", type.args.at(0));
  if (b == "client-id") return "a client id (lower-case letters, digits and dashes)";
  return "a set of keys";
}

// The value found, in a message, only when it is a short word or date.
std::string shown(const std::string& v) {
  return showable(v) ? fmt::format("; found '{}'", v)
                     : " (the value is not shown, as it may be private)";
}

class Validator {
 public:
  explicit Validator(std::string file) : file_(std::move(file)) {}

  std::vector<Diagnostic> take() { return std::move(out_); }

  // Control characters and bidirectional overrides come in through YAML
  // escapes ("\e[2J") or pasted text, and shown they could rewrite the
  // terminal or reorder a line. Tab and newline belong in block text, never
  // in a key. Every key and value is looked at, known to the format or not.
  void check_characters(const YamlNode& node, const std::string& key) {
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
      check_character(node.keys[i], nullptr);
      check_characters(node.items[i], node.keys[i].value);
    }
    if (node.is_sequence())
      for (const auto& item : node.items) check_characters(item, key);
    if (node.is_scalar()) check_character(node, &key);
  }

  void check_shape(const YamlNode& node, const Shape& shape) {
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
      const YamlNode& key = node.keys[i];
      const Field* field = shape.find(key.value);
      if (!field) {
        std::vector<std::string> names;
        for (const auto& f : shape.fields) names.push_back(f.name);
        std::string guess = did_you_mean(key.value, names);
        report(key, "format/unknown-key", fmt::format("unknown key '{}'", key.value),
               guess.empty() ? "see casekit(5) for the keys of this file"
                             : fmt::format("did you mean '{}'?", guess));
        continue;
      }
      check_field(node.items[i], *field);
    }
    // Only the required fields are looked up: each look-up reads every key.
    for (const auto& field : shape.fields) {
      if (!field.required) continue;
      const YamlNode* value = node.find(field.name);
      if (!value || value->is_null())
        report(node, "format/missing-key", fmt::format("'{}' is missing", field.name),
               fmt::format("add `{}:`", field.name));
    }
  }

 private:
  void report(const YamlNode& at, const char* rule, std::string message, std::string hint = {}) {
    out_.push_back(finding(rule, {file_, at.mark.line + 1, at.mark.column + 1}, std::move(message),
                           std::move(hint)));
  }

  // A value (under `key`) or, with no key, a key itself.
  void check_character(const YamlNode& node, const std::string* key) {
    UnsafeCharacter found = find_unsafe_character(node.value, key ? "\t\n" : "");
    if (found.offset == std::string_view::npos) return;
    std::string what = key ? fmt::format("'{}'", *key) : "a key";
    report(node, "format/control-character",
           fmt::format("{} holds {}", what, describe_character(found.code)),
           "remove it: it may come from a YAML escape such as \\e or \\u202e in quotes, or "
           "from pasted text");
  }

  void check_field(const YamlNode& value, const Field& field) {
    if (value.is_null()) return;  // an empty key is the same as an absent one
    const FieldType& type = field.type;
    if (type.container == FieldType::Container::none) return check_value(value, type, field.name);
    bool list = type.container == FieldType::Container::list;
    if (list ? !value.is_sequence() : !value.is_mapping()) {
      report(value, "format/type",
             fmt::format("'{}' should be {}, not {}", field.name, list ? "a list" : "a set of keys",
                         kind_name(value)));
      return;
    }
    // Below this, only the base type and its arguments matter.
    for (const auto& item : value.items) check_value(item, type, field.name);
    if (list && (type.base == "need" || type.shape)) check_unique_ids(value);
  }

  void check_value(const YamlNode& value, const FieldType& type, const std::string& key) {
    if (const Shape* shape = type.shape) {
      if (!value.is_mapping()) {
        report(value, "format/type",
               fmt::format("each entry of '{}' should be a set of keys, not {}", key,
                           kind_name(value)));
        return;
      }
      return check_shape(value, *shape);
    }
    if (!value.is_scalar()) {
      report(value, "format/type",
             fmt::format("'{}' should be {}, not {}", key, describe(type), kind_name(value)));
      return;
    }
    check_scalar(value, type, key);
  }

  void check_scalar(const YamlNode& value, const FieldType& type, const std::string& key) {
    const std::string& v = value.value;
    switch (type.kind) {
      case BaseKind::date:
        if (!Date::parse(v))
          report(value, "format/date", fmt::format("'{}' is not a real date{}", key, shown(v)),
                 "write it as YYYY-MM-DD, for example 2026-11-20");
        break;
      case BaseKind::time:
        if (!valid_time(v))
          report(value, "format/type", fmt::format("'{}' is not a time{}", key, shown(v)),
                 "write it as HH:MM, for example 14:30");
        break;
      case BaseKind::count:
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 6)
          report(value, "format/type",
                 fmt::format("'{}' should be a whole number, 0 to 999999", key));
        break;
      case BaseKind::number:
        if (!is_decimal(v))
          report(value, "format/type", fmt::format("'{}' should be a number", key),
                 "put the unit under `unit:`");
        break;
      case BaseKind::boolean:
        if (v != "true" && v != "false")
          report(value, "format/type",
                 fmt::format("'{}' should be true or false{}", key, shown(v)));
        break;
      case BaseKind::enumeration:
        if (std::find(type.args.begin(), type.args.end(), v) == type.args.end()) {
          std::string guess = did_you_mean(v, type.args);
          report(value, "format/type",
                 fmt::format("'{}' should be {}{}", key, describe(type), shown(v)),
                 guess.empty() ? "" : fmt::format("did you mean '{}'?", guess));
        }
        break;
      case BaseKind::id:
      case BaseKind::ref:
        if (!is_item_id(v, type.args.at(0)[0]))
          report(value, "format/type",
                 fmt::format("'{}' should be {}{}", key, describe(type), shown(v)));
        break;
      case BaseKind::client_id:
        if (!is_client_id(v))
          report(value, "format/type", fmt::format("'{}' should be {}", key, describe(type)));
        break;
      // A name, a phone or a place prints on one line in `list`, `due` and
      // every export; a line break there (a YAML "\n" in quotes, or a
      // pasted second line) could fake a line of output, and is a typo.
      // The break a block scalar (`name: >`) ends with is not a second line.
      case BaseKind::line:
        if (auto last = v.find_last_not_of('\n'); last != std::string::npos && v.find('\n') < last)
          report(value, "format/control-character",
                 fmt::format("'{}' holds a line break, and is written on one line", key),
                 "join its lines into one");
        break;
      case BaseKind::text:
      case BaseKind::shape:
        break;
    }
  }

  void check_unique_ids(const YamlNode& list) {
    std::map<std::string, int> first_line;
    for (const auto& item : list.items) {
      const YamlNode* id = item.find("id");
      if (!id || !id->is_scalar()) continue;
      auto [it, inserted] = first_line.emplace(id->value, id->mark.line + 1);
      if (!inserted)
        report(*id, "format/duplicate-id",
               fmt::format("id '{}' is used twice (first on line {})", id->value, it->second),
               "give this one the next free id");
    }
  }

  std::string file_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> validate(const YamlNode& root, FileKind kind, const std::string& file) {
  return validate_shape(root, shape_of(kind), file);
}

std::vector<Diagnostic> validate_shape(const YamlNode& root, const Shape& shape,
                                       const std::string& file) {
  Validator validator(file);
  if (root.is_mapping()) {
    validator.check_shape(root, shape);
    validator.check_characters(root, "");
    return validator.take();
  }
  Location where = root.is_null() ? Location{file, 0, 0}
                                  : Location{file, root.mark.line + 1, root.mark.column + 1};
  return {finding(
      "format/type", where,
      root.is_null() ? "the file is empty" : "the file should hold a set of keys (key: value)",
      "see casekit(5)")};
}

}  // namespace casekit
