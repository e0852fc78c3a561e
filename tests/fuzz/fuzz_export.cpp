// casekit export on arbitrary records (the input as for fuzz_check): the
// record is loaded as export loads it, plain, redacted or for a partner (by
// the input's length), and rendered in every format of the table. A
// document named .json must parse as JSON; nothing may crash or leak. For a partner,
// every key the filter keeps must be of a category the release shares.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "export/export.hpp"
#include "export/formats.hpp"
#include "export/share.hpp"
#include "fuzz_input.hpp"
#include "record/case_folder.hpp"
#include "schema/schema.hpp"

using namespace casekit;

// Redaction would load hunspell's dictionary on every run; without one it
// treats every capitalised word as a name, which exercises more of it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("CASEKIT_DICTIONARY", "/nonexistent/dictionary", 1);
  return 0;
}

namespace {

bool shared(const std::string& category, const Strings& shares) {
  return category == "always" || std::find(shares.begin(), shares.end(), category) != shares.end();
}

// Aborts when a key of `node` (of `shape`) is left whose category the
// release does not share: share_category names a key's own category, or
// none when its value's shape gives each of its keys one.
void check_kept(const YamlNode& node, const Shape& shape, const Strings& shares) {
  if (!node.is_mapping()) return;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    const std::string& key = node.keys[i].value;
    std::string category = share_category(shape.name, key);
    const Field* field = shape.find(key);
    if (!category.empty() && !shared(category, shares)) std::abort();
    if (!category.empty()) continue;
    // No category of its own: only a key whose shape gives its keys theirs.
    const Shape* inner = field ? field->type.shape : nullptr;
    if (!inner || inner->fields.empty() ||
        share_category(inner->name, inner->fields[0].name).empty())
      std::abort();
    check_kept(node.items[i], *inner, shares);
  }
}

// The partner filter on its own, as load_records runs it, with the check.
void check_partner_filter(const CaseFolder& folder, const ExportFilter& filter) {
  std::vector<ClientFiles> clients;
  try {
    clients.push_back(folder.load_client("fuzz-client"));
    if (has_errors(clients[0].diagnostics)) return;
    keep_shared(clients, filter.partner, filter.today);
  } catch (const Error&) {
    return;  // an unreadable record, or no release in force
  }
  Strings shares = clients[0].client->tree.find("consents")->items.at(0).texts_at("shares");
  check_kept(clients[0].client->tree, shape_of(FileKind::client), shares);
  if (clients[0].plan) check_kept(clients[0].plan->tree, shape_of(FileKind::plan), shares);
  for (const auto& note : clients[0].notes) check_kept(note.tree, shape_of(FileKind::note), shares);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzzing::MemoryFileSystem files;
  fuzzing::add_client_files(files, {reinterpret_cast<const char*>(data), size});
  CaseFolder folder("case", files);
  ExportFilter filter;
  filter.today = *Date::parse("2026-11-23");
  filter.redact = size % 3 == 1;
  if (size % 3 == 2) filter.partner = "Eastside Learning Center";
  if (!filter.partner.empty()) check_partner_filter(folder, filter);
  LoadedRecords loaded;
  try {
    loaded = load_records(folder, {"fuzz-client"}, filter);
  } catch (const Error&) {
    return 0;  // a record with errors, or nothing to share: refused
  }
  for (const ExportFormat& format : export_formats()) {
    bool json = format.extension.ends_with(".json");
    for (const auto& document : render_export(loaded.records, format))
      if (json && !nlohmann::json::accept(document.text)) std::abort();
  }
  return 0;
}
