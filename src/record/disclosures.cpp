#include "record/disclosures.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "findings/finding_sink.hpp"
#include "record/plan_digest.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {

std::string disclosure_canonical(const Disclosure& entry) {
  return fmt::format(
      "date={}\ntime={}\npartner={}\nrelease_signed={}\nshares={}\nformat={}\nby={}\noutput={}\n",
      entry.date, entry.time, entry.partner, entry.release_signed, fmt::join(entry.shares, ","),
      entry.format, entry.by, entry.output);
}

std::string disclosure_hash(const std::string& previous, const Disclosure& entry) {
  return sha256_text(previous + "\n" + disclosure_canonical(entry));
}

std::vector<Disclosure> read_disclosures(const YamlNode& root) {
  std::vector<Disclosure> out;
  const YamlNode* list = root.is_mapping() ? root.find("disclosures") : nullptr;
  if (!list || !list->is_sequence()) return out;
  for (const YamlNode& item : list->items) {
    if (!item.is_mapping()) continue;
    out.push_back({item.text_at("date"), item.text_at("time"), item.text_at("partner"),
                   item.text_at("release_signed"), item.texts_at("shares"), item.text_at("format"),
                   item.text_at("by"), item.text_at("output"), item.text_at("hash"),
                   item.mark.line + 1});
  }
  return out;
}

// Each entry is checked against the hash stored before it, so that one
// edit is reported once, at the entry edited; a removed or moved entry
// shows at the entry that now follows another.
std::vector<Diagnostic> disclosure_chain_findings(const std::vector<Disclosure>& entries,
                                                  const std::string& file) {
  std::vector<Diagnostic> out;
  std::string previous;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Disclosure& entry = entries[i];
    if (disclosure_hash(previous, entry) != entry.hash)
      out.push_back(finding(
          "format/disclosure-changed", {file, entry.line, 1},
          fmt::format("disclosure {} of {} was changed, or an entry before it was removed or "
                      "moved: its hash no longer follows from the entries before it",
                      i + 1, entries.size()),
          "disclosures are never edited: restore the file from git, for example with "
          "git checkout -- " +
              file));
    previous = entry.hash;
  }
  return out;
}

std::vector<Diagnostic> disclosures_dropped(const std::vector<Disclosure>& before,
                                            const std::vector<Disclosure>& after,
                                            const std::string& file) {
  std::unordered_map<std::string, std::size_t> kept;
  for (const Disclosure& entry : after) ++kept[disclosure_canonical(entry)];
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < before.size(); ++i) {
    auto found = kept.find(disclosure_canonical(before[i]));
    if (found != kept.end() && found->second > 0) {
      --found->second;
      continue;
    }
    out.push_back(finding(
        "format/disclosure-changed", {file, 0, 0},
        fmt::format("disclosure {} of {} on the server ({} to {}) is changed or missing in this "
                    "push: entries are only ever appended",
                    i + 1, before.size(), before[i].date, before[i].partner),
        fmt::format("put the server's entries back as they were, for example with git checkout "
                    "origin/BRANCH -- {}, keep yours after them, and push again",
                    file)));
  }
  return out;
}

std::string disclosure_yaml(const Disclosure& entry) {
  YamlNode node = YamlNode::mapping();
  node.set("date", YamlNode::scalar(entry.date));
  if (!entry.time.empty()) node.set("time", text_node(entry.time));
  node.set("partner", text_node(entry.partner));
  node.set("release_signed", YamlNode::scalar(entry.release_signed));
  YamlNode shares = YamlNode::sequence();
  shares.flow = true;
  for (const auto& share : entry.shares) shares.items.push_back(YamlNode::scalar(share));
  node.set("shares", shares);
  node.set("format", text_node(entry.format));
  node.set("by", text_node(entry.by));
  node.set("output", text_node(entry.output));
  node.set("hash", text_node(entry.hash));
  return render_item(node, 2);
}

}  // namespace casekit
