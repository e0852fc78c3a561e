// A key's JSON Schema follows what validate.cpp accepts of its value. A
// YAML language server reads `2026-11-20`, `14:30` and `G1` as strings and
// `true`, `75` as a boolean and a number, as JSON would; check reads every
// scalar as text, so text keys take any scalar here. An empty key is the
// same as an absent one to check, so an optional key may be null, and a
// required one may not (check says it is missing). patternErrorMessage
// is the language server's word for a pattern's message in the editor.
#include "schema/json_schema.hpp"

#include <set>

#include "schema/key_docs.hpp"

namespace casekit {
namespace {

using json = nlohmann::ordered_json;

// A real calendar date between 1900 and 2199, as Date::parse reads one:
// February 29th only in a leap year (2000, not 1900 or 2100).
constexpr const char* kDatePattern =
    "^(?:(?:19|20|21)[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|"
    "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|"
    "(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])-02-29|2000-02-29)$";

// The characters check refuses in a value (format/control-character):
// control characters, and bidirectional overrides that reorder a line.
#define CASEKIT_UNSAFE "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069"
constexpr const char* kTextPattern = "^[^" CASEKIT_UNSAFE "]*$";
// One line: a break only at the end, where a block scalar puts one.
constexpr const char* kLinePattern = "^[^\\n" CASEKIT_UNSAFE "]*\\n*$";
// A key holds no tab or line break either.
constexpr const char* kKeyPattern = "^[^\\t\\n" CASEKIT_UNSAFE "]*$";
#undef CASEKIT_UNSAFE
constexpr const char* kControlMessage =
    "holds a control character: it may come from a YAML escape such as \\e in quotes, or from "
    "pasted text";

json types(std::initializer_list<const char*> names, bool nullable) {
  json out = json::array();
  for (const char* name : names) out.push_back(name);
  if (nullable) out.push_back("null");
  return out.size() == 1 ? out[0] : out;
}

// The schema of one value of a scalar type (not a shape).
json scalar_schema(const FieldType& type, bool nullable) {
  switch (type.kind) {
    case BaseKind::text:
      return {{"type", types({"string", "number", "boolean"}, nullable)},
              {"pattern", kTextPattern},
              {"patternErrorMessage", kControlMessage}};
    case BaseKind::line:
      return {{"type", types({"string", "number", "boolean"}, nullable)},
              {"pattern", kLinePattern},
              {"patternErrorMessage",
               "holds a line break or a control character, and is written on one line"}};
    case BaseKind::date:
      return {{"type", types({"string"}, nullable)},
              {"pattern", kDatePattern},
              {"patternErrorMessage",
               "not a real date: write it as YYYY-MM-DD, for example 2026-11-20"},
              {"examples", {"2026-11-20"}}};
    case BaseKind::time:
      return {{"type", types({"string"}, nullable)},
              {"pattern", "^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"},
              {"patternErrorMessage", "not a time: write it as HH:MM, for example 14:30"},
              {"examples", {"14:30"}}};
    case BaseKind::count:
      return {{"type", types({"integer"}, nullable)}, {"minimum", 0}, {"maximum", 999999}};
    case BaseKind::number:
      return {{"type", types({"number"}, nullable)}};
    case BaseKind::boolean:
      return {{"type", types({"boolean"}, nullable)}};
    case BaseKind::enumeration: {
      json words(type.args);
      if (nullable) words.push_back(nullptr);
      return {{"enum", words}};
    }
    case BaseKind::id:
    case BaseKind::ref: {
      const std::string& prefix = type.args.at(0);
      return {{"type", types({"string"}, nullable)},
              {"pattern", "^" + prefix + "[1-9][0-9]{0,5}$"},
              {"patternErrorMessage", "should be an id like " + prefix + "1, " + prefix + "2"},
              {"examples", {prefix + "1", prefix + "2"}}};
    }
    case BaseKind::client_id:
      return {
          {"type", types({"string"}, nullable)},
          {"pattern", "^[a-z0-9][a-z0-9-]{0,63}$"},
          {"patternErrorMessage", "should be a client id: lower-case letters, digits and dashes"},
          {"examples", {"marcus-jones"}}};
    case BaseKind::shape:
      break;
  }
  return json::object();
}

// One value of the type's base: a shape's definition, or a scalar. A
// shape's definition admits null; where check does not, `type` narrows it.
json value_schema(const FieldType& type, bool nullable) {
  if (!type.shape) return scalar_schema(type, nullable);
  json ref = {{"$ref", "#/$defs/" + type.shape->name}};
  if (!nullable) ref["type"] = "object";
  return ref;
}

// A key's schema: a list or map holds values that may not be empty.
json field_schema(const Field& field, const std::string& shape) {
  const FieldType& type = field.type;
  bool nullable = !field.required;
  json out;
  if (type.container == FieldType::Container::none) {
    out = value_schema(type, nullable);
  } else if (type.container == FieldType::Container::list) {
    out = {{"type", types({"array"}, nullable)}, {"items", value_schema(type, false)}};
  } else {
    out = {{"type", types({"object"}, nullable)},
           {"propertyNames", {{"pattern", kKeyPattern}}},
           {"additionalProperties", value_schema(type, false)}};
  }
  std::string about = key_description(shape, field.name);
  if (!about.empty()) out["description"] = about;
  return out;
}

json shape_schema(const Shape& shape, bool nullable) {
  json properties = json::object();
  json required = json::array();
  for (const auto& field : shape.fields) {
    properties[field.name] = field_schema(field, shape.name);
    if (field.required) required.push_back(field.name);
  }
  json out = {{"type", types({"object"}, nullable)},
              {"properties", properties},
              {"additionalProperties", false}};
  if (!required.empty()) out["required"] = required;
  std::string about = shape_description(shape.name);
  if (!about.empty()) out["description"] = about;
  return out;
}

void collect_shapes(const Shape& shape, std::set<std::string>& seen, json& defs) {
  for (const auto& field : shape.fields) {
    const Shape* inner = field.type.shape;
    if (!inner || !seen.insert(inner->name).second) continue;
    defs[inner->name] = shape_schema(*inner, true);
    collect_shapes(*inner, seen, defs);
  }
}

}  // namespace

const std::vector<SchemaFile>& schema_files() {
  static const std::vector<SchemaFile> files = {
      {FileKind::settings, "casekit.schema.json", "casekit.yaml"},
      {FileKind::client, "client.schema.json", "clients/*/client.yaml"},
      {FileKind::plan, "plan.schema.json", "clients/*/plan.yaml"},
      {FileKind::note, "note.schema.json", "clients/*/notes/*.yaml"},
      {FileKind::disclosures, "disclosures.schema.json", "clients/*/disclosures.yaml"},
      {FileKind::review, "review.schema.json", "clients/*/reviews/*.yaml"},
  };
  return files;
}

nlohmann::ordered_json json_schema(FileKind kind) {
  const Shape& root = shape_of(kind);
  json schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"}};
  for (const auto& file : schema_files())
    if (file.kind == kind) schema["title"] = "casekit " + file.glob;
  schema.update(shape_schema(root, false));
  json defs = json::object();
  std::set<std::string> seen{root.name};
  collect_shapes(root, seen, defs);
  if (!defs.empty()) schema["$defs"] = defs;
  return schema;
}

std::string json_schema_text(FileKind kind) {
  return json_schema(kind).dump(2) + "\n";
}

}  // namespace casekit
