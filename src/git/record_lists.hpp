// Where a record's lists of items with ids are, from the schema; shared by
// the renumbering and the copying of items in a merge (record_merge.hpp).
#pragma once

#include <vector>

#include "schema/schema.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit {

// A list of items with ids of one prefix, as the schema lays it out.
struct IdList {
  YamlPath path;
  char prefix = 0;
};

// The lists of items with ids in a file of `kind` (plan: long-term goals,
// goals, services, referrals; client: the assessment's needs).
std::vector<IdList> id_lists(FileKind kind);

// The item of a list with this id, or nullptr (also when `list` is null
// or not a list).
const YamlNode* item_with_id(const YamlNode* list, const std::string& id);

// The node at `path` under `root`, or nullptr when `root` is null.
inline const YamlNode* at(const YamlNode* root, const YamlPath& path) {
  return root ? node_at(*root, path) : nullptr;
}

}  // namespace casekit
