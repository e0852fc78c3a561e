#include <doctest/doctest.h>
#include <fmt/format.h>

#include <regex>

#include "base/date.hpp"
#include "base/embedded.hpp"
#include "base/ids.hpp"
#include "schema/json_schema.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;
using json = nlohmann::ordered_json;

namespace {

// The patterns are ECMAScript's, as the editors' validators read them.
bool matches(const json& schema, const std::string& text) {
  return std::regex_search(text, std::regex(schema.at("pattern").get<std::string>()));
}

const json& property(const json& schema, const std::string& name) {
  return schema.at("properties").at(name);
}

}  // namespace

TEST_CASE("json schema: one schema for every kind of file schema.yaml names") {
  YamlNode root = parse_yaml(embedded_file("schema.yaml"), "schema.yaml");
  const YamlNode* files = root.find("files");
  REQUIRE(files);
  CHECK(files->keys.size() == schema_files().size());
  for (std::size_t i = 0; i < files->keys.size(); ++i) {
    CAPTURE(files->keys[i].value);
    bool found = false;
    for (const auto& file : schema_files())
      found = found || &shape_of(file.kind) == find_shape(files->items[i].value);
    CHECK_MESSAGE(found, "add the kind of file to schema_files() with its glob");
  }
}

TEST_CASE("json schema: every key of every shape, with its description from casekit(5)") {
  for (const auto& file : schema_files()) {
    json schema = json_schema(file.kind);
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema["type"] == "object");
    for (const auto& shape : all_shapes()) {
      const json* object = &schema;
      if (shape.name != shape_of(file.kind).name) {
        if (!schema.contains("$defs") || !schema["$defs"].contains(shape.name)) continue;
        object = &schema["$defs"][shape.name];
      }
      CHECK((*object)["additionalProperties"] == false);
      for (const auto& field : shape.fields) {
        CAPTURE(shape.name);
        CAPTURE(field.name);
        REQUIRE(object->at("properties").contains(field.name));
        const json& key = property(*object, field.name);
        CHECK_MESSAGE(!key.value("description", "").empty(),
                      "casekit.5 has no `.TP` paragraph for the key in the shape's section");
      }
    }
  }
}

TEST_CASE("json schema: a plan's keys, required keys, enums and references") {
  json plan = json_schema(FileKind::plan);
  CHECK(property(plan, "created")["description"] ==
        "The date the plan was first written with the client.");
  const json& goal = plan["$defs"]["short_term_goal"];
  CHECK(goal["required"] == json({"id", "statement"}));
  CHECK(property(plan, "short_term_goals")["items"] ==
        json({{"$ref", "#/$defs/short_term_goal"}, {"type", "object"}}));
  // An empty optional key is as good as none to check; a required one is missing.
  CHECK(property(goal, "status")["enum"] ==
        json({"active", "achieved", "revised", "discontinued", nullptr}));
  CHECK(property(goal, "id")["type"] == "string");
  CHECK(property(goal, "target_date")["type"] == json({"string", "null"}));
  CHECK(property(goal, "target_date")["examples"] == json({"2026-11-20"}));
  CHECK(property(plan["$defs"]["referral_status"], "status")["enum"].size() == 6);
}

TEST_CASE("json schema: the date pattern takes exactly the dates check takes") {
  json date = property(json_schema(FileKind::plan), "created");
  std::regex pattern(date["pattern"].get<std::string>());
  for (int year : {1899, 1900, 1904, 1999, 2000, 2001, 2024, 2026, 2100, 2104, 2199, 2200})
    for (int month = 0; month <= 13; ++month)
      for (int day = 0; day <= 32; ++day) {
        std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
        CAPTURE(text);
        CHECK(std::regex_search(text, pattern) == Date::parse(text).has_value());
      }
  CHECK_FALSE(std::regex_search(std::string("2026-1-05"), pattern));
  CHECK_FALSE(std::regex_search(std::string("2026-01-05 "), pattern));
}

TEST_CASE("json schema: times, ids, client ids and one-line text as check reads them") {
  json note = json_schema(FileKind::note);
  for (std::string t : {"00:00", "09:30", "23:59", "24:00", "9:30", "12:60", "12:3", "1230"})
    CHECK_MESSAGE(matches(property(note, "time"), t) == valid_time(t), t);
  json plan = json_schema(FileKind::plan);
  const json& id = property(plan["$defs"]["short_term_goal"], "id");
  for (std::string g : {"G1", "G12", "G999999", "G1234567", "G0", "G01", "N1", "G", "g1"})
    CHECK_MESSAGE(matches(id, g) == is_item_id(g, 'G'), g);
  json client_schema = json_schema(FileKind::client);
  const json& client = property(client_schema, "id");
  for (std::string c : std::vector<std::string>{"ana", "marcus-jones", "2b", "-ana", "Ana", "ana_b",
                                                std::string(64, 'a'), std::string(65, 'a')})
    CHECK_MESSAGE(matches(client, c) == is_client_id(c), c);
  // Control characters and bidirectional overrides, as the editors' regular
  // expressions read \uXXXX (std::regex reads bytes).
  const json& name = property(client_schema, "name");
  CHECK(name["pattern"] ==
        "^[^\\n\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*\\n*$");
  const json& background = property(client_schema["$defs"]["assessment"], "background");
  CHECK(background["pattern"] ==
        "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$");
}

TEST_CASE("json schema: the file's own description opens its section of casekit(5)") {
  std::string about = json_schema(FileKind::client)["description"];
  CHECK(about.rfind("Who the client is", 0) == 0);
}
