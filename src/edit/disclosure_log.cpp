#include "edit/disclosure_log.hpp"

#include <fmt/format.h>

#include "record/load.hpp"
#include "schema/schema.hpp"

namespace casekit {

namespace {

constexpr const char* kHeader =
    "# The accounting of disclosures: what casekit export --for sent of this\n"
    "# client, to whom and when. Written by casekit; never edit it, check\n"
    "# reports a changed or removed entry (casekit(5), DISCLOSURES).\n"
    "disclosures:\n";

// The file's entries, refusing one that has format errors or a broken chain.
std::vector<Disclosure> trusted_entries(const SourceText& source, const std::string& display) {
  YamlNode tree = parse_yaml(source, display);
  std::vector<Diagnostic> problems = validate(tree, FileKind::disclosures, display);
  std::vector<Disclosure> entries = read_disclosures(tree);
  if (problems.empty()) problems = disclosure_chain_findings(entries, display);
  refuse_if_errors(problems, "the disclosure was not recorded");
  return entries;
}

}  // namespace

Disclosure append_disclosure(const CaseFolder& folder, const std::string& id, Disclosure entry) {
  folder.require_client(id);
  fs::path dir = folder.client_folder(id);
  auto lock = folder.files().lock(dir);
  fs::path path = dir / "disclosures.yaml";
  std::string display = folder.display(path);
  auto raw = folder.files().read(path, max_file_bytes);
  std::string text = kHeader;
  std::size_t count = 0;
  if (raw) {
    SourceText source = decode_source(std::move(*raw), display);
    std::vector<Disclosure> entries = trusted_entries(source, display);
    count = entries.size();
    if (!entries.empty()) text = source.text;
    if (!entries.empty()) entry.hash = disclosure_hash(entries.back().hash, entry);
  }
  if (count == 0) entry.hash = disclosure_hash("", entry);
  if (text.back() != '\n') text += '\n';
  text += disclosure_yaml(entry);
  // Appending as text keeps every byte before it; the result is read back
  // so that a file laid out otherwise (a flow list) is refused, not broken.
  std::vector<Disclosure> after = trusted_entries(decode_source(text, display), display);
  if (after.size() != count + 1)
    throw Error(ExitStatus::usage, {display, 0, 0},
                "the accounting of disclosures is not laid out as casekit writes it",
                "restore it from git; nothing was changed");
  folder.files().replace(path, text);
  return entry;
}

}  // namespace casekit
