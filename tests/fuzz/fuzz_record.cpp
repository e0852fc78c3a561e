// The record model on arbitrary documents: a file is decoded, parsed and
// validated against the schema as casekit.yaml, client.yaml, plan.yaml, a
// note, disclosures.yaml or a supervisor's review (the first byte picks
// which); a file without format errors must then read into the model
// without surprises.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/error.hpp"
#include "findings/diagnostic.hpp"
#include "record/disclosures.hpp"
#include "record/model_read.hpp"
#include "record/review.hpp"
#include "schema/schema.hpp"
#include "schema/settings.hpp"
#include "yaml/yaml_tree.hpp"

using namespace casekit;

namespace {

void read_model(const YamlNode& tree, FileKind kind) {
  switch (kind) {
    case FileKind::settings:
      read_settings(tree);
      break;
    case FileKind::client:
      read_client(tree, "fuzz.yaml");
      break;
    case FileKind::plan:
      read_plan(tree, "fuzz.yaml");
      break;
    case FileKind::note:
      read_note(tree, "fuzz.yaml", "2026-11-20-1430-in-person.yaml");
      break;
    case FileKind::disclosures:
      read_disclosures(tree);
      break;
    case FileKind::review:
      read_review(tree, "2026-11-25-isp-short-term-goal-G1.yaml");
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto kind = static_cast<FileKind>(data[0] % 6);
  std::string raw(reinterpret_cast<const char*>(data + 1), size - 1);
  YamlNode tree;
  try {
    tree = parse_yaml(decode_source(raw, "fuzz.yaml").text, "fuzz.yaml");
  } catch (const Error&) {
    return 0;
  }
  std::vector<Diagnostic> problems = validate(tree, kind, "fuzz.yaml");
  for (const auto& d : problems)
    if (d.location.file != "fuzz.yaml" || d.rule.rfind("format/", 0) != 0) std::abort();
  if (has_errors(problems)) return 0;
  // A valid file reads into the model; an Error here means validation let
  // through something the model cannot hold.
  read_model(tree, kind);
  return 0;
}
