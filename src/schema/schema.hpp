// The case folder format as data: src/data/schema.yaml, compiled in.
// Validation checks keys, types, dates and enums of one file and reports
// every problem it finds with its location.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "findings/diagnostic.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

enum class FileKind { settings, client, plan, note, disclosures, review };

struct Shape;

// The scalar types of schema.yaml; `shape` when the base names a shape.
enum class BaseKind {
  text,
  line,
  date,
  time,
  count,
  number,
  boolean,
  enumeration,
  id,
  ref,
  client_id,
  shape
};

struct FieldType {
  enum class Container { none, list, map } container = Container::none;
  std::string base;                 // text, date, enum, id, ref, a shape name, ...
  std::vector<std::string> args;    // enum words, or the id prefix
  const Shape* shape = nullptr;     // the shape named by base, if it names one
  BaseKind kind = BaseKind::shape;  // base, read once (validation runs on every value)
};

struct Field {
  std::string name;
  FieldType type;
  bool required = false;
};

struct Shape {
  std::string name;
  std::vector<Field> fields;
  const Field* find(std::string_view key) const;
};

const Shape& shape_of(FileKind kind);
const Shape* find_shape(std::string_view name);
// Every shape, in the order of schema.yaml (for documentation tests).
const std::vector<Shape>& all_shapes();

// Checks one parsed file against its shape; every finding has rule format/*.
std::vector<Diagnostic> validate(const YamlNode& root, FileKind kind, const std::string& file);
// The same for a document of one shape: an assessment written alone
// (`casekit assess --from FILE`).
std::vector<Diagnostic> validate_shape(const YamlNode& root, const Shape& shape,
                                       const std::string& file);

// A plain decimal number: 75, -2, 78.5 (not 1e3, 0x1A, nan or inf).
bool is_decimal(std::string_view text);

}  // namespace casekit
