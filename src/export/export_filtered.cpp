#include "export/export_filtered.hpp"

#include <fmt/format.h>

#include "export/export.hpp"
#include "export/share.hpp"
#include "record/load_each.hpp"
#include "record/plan_digest.hpp"

namespace casekit {

SentRelease sent_release(const ClientFiles& files) {
  SentRelease sent{files.id, {}, {}, {}};
  const YamlNode* consents = files.client ? files.client->tree.find("consents") : nullptr;
  if (!consents || consents->items.empty()) return sent;
  const YamlNode& release = consents->items.back();
  sent.partner = release.text_at("partner");
  sent.signed_on = release.text_at("signed");
  sent.shares = release.texts_at("shares");
  return sent;
}

FilteredClients::FilteredClients(const CaseFolder& folder, ExportFilter filter)
    : folder_(folder), filter_(std::move(filter)) {
  if (filter_.redact) redaction_.emplace(folder.settings());
}

bool FilteredClients::shared(ClientFiles& files, std::string& reason,
                             std::vector<std::string>& partners) const {
  if (filter_.partner.empty()) return true;
  if (!keep_shared(files, filter_.partner, filter_.today, reason, partners)) return false;
  if (filter_.since) keep_changed_since(files, *filter_.since, filter_.today);
  return true;
}

namespace {

// A record that was read whole in the first pass and then no longer is:
// someone changed it during the export.
[[noreturn]] void refuse_changed(const std::string& id) {
  throw Error(ExitStatus::io, {}, fmt::format("the record of {} changed while it was exported", id),
              "nothing was written; export again when no one is editing the records");
}

// Every text of the client's files, as one digest: what the passes learnt
// (the names to redact above all) holds only for the texts they read.
std::string texts_digest(const ClientFiles& files) {
  std::string all;
  auto add = [&](const std::optional<SourceFile>& file) {
    if (file)
      all += fmt::format("{}\n{}\n{}", file->display, file->source.text.size(), file->source.text);
  };
  add(files.client);
  add(files.plan);
  for (const auto& note : files.notes) add(note);
  for (const auto& review : files.reviews) add(review);
  return sha256_text(all);
}

}  // namespace

// A record changed between the passes (a name added while the export ran)
// would go out with what the redaction never learnt: refused instead.
void FilteredClients::require_unchanged(const ClientFiles& files) const {
  auto known = digests_.find(files.id);
  if (known == digests_.end() || known->second != texts_digest(files)) refuse_changed(files.id);
}

template <typename Learn>
void FilteredClients::pass(Learn learn) {
  load_each(folder_, sent_, [&](const std::string& id, LoadedRecord& loaded) {
    std::string reason;
    std::vector<std::string> partners;
    require_unchanged(loaded.files);
    if (!loaded.valid() || !shared(loaded.files, reason, partners)) refuse_changed(id);
    learn(loaded.files);
  });
}

void FilteredClients::survey(const std::vector<std::string>& ids) {
  std::vector<std::string> partners;  // for a did-you-mean
  std::vector<Withheld> withheld;
  std::size_t valid = 0;
  load_each(folder_, ids, [&](const std::string& id, LoadedRecord& loaded) {
    if (!loaded.valid()) {
      for (const auto& d : loaded.files.diagnostics)
        if (d.severity == Severity::error) problems_.push_back(d);
      skipped_.push_back(id);
      return;
    }
    ++valid;
    std::string reason;
    std::string digest = texts_digest(loaded.files);
    if (!shared(loaded.files, reason, partners)) {
      withheld.push_back({id, reason});
      return;
    }
    sent_.push_back(id);
    digests_.emplace(id, std::move(digest));
    if (redaction_) redaction_->know_names(loaded.files);
  });
  if (!filter_.skip_invalid || valid == 0) refuse_if_errors(problems_, "nothing was exported");
  if (!filter_.partner.empty() && sent_.empty())
    refuse_nothing_shared(filter_.partner, withheld, partners);
  for (auto& w : withheld) withheld_.emplace_back(w.client, w.reason);
  if (!redaction_) return;
  pass([&](ClientFiles& files) { redaction_->know_details(files); });
  pass([&](ClientFiles& files) { redaction_->learn(files); });
}

LoadedRecord FilteredClients::filter(LoadedRecord loaded, SentRelease* release) {
  std::string reason;
  std::vector<std::string> partners;
  require_unchanged(loaded.files);
  if (!loaded.valid() || !shared(loaded.files, reason, partners)) refuse_changed(loaded.files.id);
  ClientFiles& files = loaded.files;
  if (release && !filter_.partner.empty()) *release = sent_release(files);
  if (redaction_) redaction_->apply(files);
  // The accounting of disclosures is the program's own: never sent to a
  // partner, and its names would outlive a redaction.
  files.disclosures.reset();
  loaded.record = to_record(files);
  return loaded;
}

}  // namespace casekit
