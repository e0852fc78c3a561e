#include "schema/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <sstream>

#include "base/did_you_mean.hpp"
#include "base/embedded.hpp"
#include "base/error.hpp"
#include "base/same_key.hpp"

namespace casekit {

const Field* Shape::find(std::string_view key) const {
  for (const auto& field : fields)
    if (same_key(field.name, key)) return &field;
  return nullptr;
}

namespace {

FieldType parse_type(const std::string& spec, bool& required) {
  std::istringstream words(spec);
  std::vector<std::string> parts;
  for (std::string w; words >> w;) parts.push_back(w);
  required = !parts.empty() && parts.back() == "required";
  if (required) parts.pop_back();
  FieldType type;
  std::size_t i = 0;
  if (parts.size() > 2 && parts[1] == "of" && (parts[0] == "list" || parts[0] == "map")) {
    type.container = parts[0] == "list" ? FieldType::Container::list : FieldType::Container::map;
    i = 2;
  }
  assert(i < parts.size());
  type.base = parts[i];
  static const std::pair<const char*, BaseKind> kinds[] = {
      {"text", BaseKind::text},    {"line", BaseKind::line},          {"date", BaseKind::date},
      {"time", BaseKind::time},    {"count", BaseKind::count},        {"number", BaseKind::number},
      {"bool", BaseKind::boolean}, {"enum", BaseKind::enumeration},   {"id", BaseKind::id},
      {"ref", BaseKind::ref},      {"client-id", BaseKind::client_id}};
  for (const auto& [name, kind] : kinds)
    if (type.base == name) type.kind = kind;
  type.args.assign(parts.begin() + static_cast<long>(i) + 1, parts.end());
  return type;
}

std::vector<Shape> load_shapes() {
  YamlNode root = parse_yaml(embedded_file("schema.yaml"), "schema.yaml");
  const YamlNode* shapes = root.find("shapes");
  assert(shapes && shapes->is_mapping());
  std::vector<Shape> result;
  for (std::size_t i = 0; i < shapes->keys.size(); ++i) {
    Shape shape{shapes->keys[i].value, {}};
    const YamlNode& fields = shapes->items[i];
    for (std::size_t k = 0; k < fields.keys.size(); ++k) {
      Field field{fields.keys[k].value, {}, false};
      field.type = parse_type(fields.items[k].value, field.required);
      shape.fields.push_back(std::move(field));
    }
    result.push_back(std::move(shape));
  }
  return result;
}

}  // namespace

// Each field's type points at the shape it names, so validating a file
// does not look shapes up by name.
void link_shapes(std::vector<Shape>& shapes) {
  for (auto& shape : shapes)
    for (auto& field : shape.fields) {
      for (const auto& named : shapes)
        if (named.name == field.type.base) field.type.shape = &named;
      // A type schema.yaml names must be a scalar kind or a shape; one that
      // is neither would never be validated.
      assert(field.type.kind != BaseKind::shape || field.type.shape);
    }
}

const std::vector<Shape>& all_shapes() {
  static std::vector<Shape> shapes = load_shapes();
  static const bool linked = (link_shapes(shapes), true);
  (void)linked;
  return shapes;
}

const Shape* find_shape(std::string_view name) {
  for (const auto& shape : all_shapes())
    if (shape.name == name) return &shape;
  return nullptr;
}

const Shape& shape_of(FileKind kind) {
  static const char* names[] = {"settings", "client", "plan", "note", "disclosures", "review"};
  const Shape* shape = find_shape(names[static_cast<int>(kind)]);
  assert(shape);
  return *shape;
}

bool is_decimal(std::string_view text) {
  std::size_t i = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  std::size_t digits = 0, dots = 0;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      ++digits;
    } else if (text[i] == '.' && dots == 0 && digits > 0) {
      ++dots;
    } else {
      return false;
    }
  }
  return digits > 0 && text.back() != '.' && text.size() <= 20;
}

}  // namespace casekit
