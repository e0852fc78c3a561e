// The accounting of disclosures (casekit(5), DISCLOSURES): what each
// `export --for PARTNER` sent of a client, kept in the client's
// disclosures.yaml. Entries are only ever appended: each carries a hash
// chained to the one before it, so that an entry edited, removed or moved
// no longer matches and `check` reports it (format/disclosure-changed).
#pragma once

#include <string>
#include <vector>

#include "findings/diagnostic.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

struct Disclosure {
  std::string date;                 // YYYY-MM-DD, the day it was sent
  std::string time;                 // HH:MM, or "" when not recorded
  std::string partner;              // to whom, as the release names the partner
  std::string release_signed;       // the release it went under: its signed date
  std::vector<std::string> shares;  // the sharing categories sent
  std::string format;               // the export format
  std::string by;                   // who sent it
  std::string output;               // "sha256:..." of the document sent
  std::string hash;                 // the chain: see disclosure_hash
  int line = 0;                     // where the entry starts (1-based), when read
};

// The entry's fields in a fixed order, one `key=value` a line: what its
// hash covers, whatever the file's layout or quoting.
std::string disclosure_canonical(const Disclosure& entry);
// SHA-256 of the previous entry's hash ("" for the first), a newline and
// the entry's canonical text.
std::string disclosure_hash(const std::string& previous, const Disclosure& entry);

// The entries of a disclosures.yaml, in the file's order.
std::vector<Disclosure> read_disclosures(const YamlNode& root);

// A finding of format/disclosure-changed for each entry whose hash does not
// follow from the one before it, at the entry's line.
std::vector<Diagnostic> disclosure_chain_findings(const std::vector<Disclosure>& entries,
                                                  const std::string& file);

// For the server's gate: a finding of format/disclosure-changed for each
// entry of `before` (the version on the server) that `after` (the pushed
// one) no longer holds as it was, wherever it now stands. Entries are
// compared by what they say, not by their hash: a merge of two copies
// chains the entries anew (casekit(5), MERGING).
std::vector<Diagnostic> disclosures_dropped(const std::vector<Disclosure>& before,
                                            const std::vector<Disclosure>& after,
                                            const std::string& file);

// The entry as appended to the file: "  - date: ...\n" and its keys.
std::string disclosure_yaml(const Disclosure& entry);

}  // namespace casekit
