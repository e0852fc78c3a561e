// The partner filter works on the files' trees, like redaction: keys are
// dropped before the record is read, so nothing left out can reach any
// export format.
#include "export/share.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/did_you_mean.hpp"
#include "base/embedded.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The client's release with the partner, or why there is none in force.
const YamlNode* release_for(const YamlNode& client, const std::string& partner, const Date& today,
                            std::string& reason) {
  const YamlNode* consents = client.find("consents");
  if (!consents) {
    reason = "there is no release of information with this partner";
    return nullptr;
  }
  // The latest release with the partner decides: a newer, narrower or
  // revoked one replaces what an older one allowed.
  const YamlNode* latest = nullptr;
  for (const auto& consent : consents->items) {
    if (lower(consent.text_at("partner")) != lower(partner)) continue;
    if (!latest || latest->text_at("signed") <= consent.text_at("signed")) latest = &consent;
  }
  if (!latest) {
    reason = "there is no release of information with this partner";
    return nullptr;
  }
  const YamlNode& consent = *latest;
  auto signed_on = Date::parse(consent.text_at("signed"));
  auto expires = Date::parse(consent.text_at("expires"));
  // A revocation takes effect on its date: until then the release holds.
  // A date that cannot be read counts as revoked already.
  std::string revoked_text = consent.text_at("revoked");
  auto revoked = Date::parse(revoked_text);
  if (!revoked_text.empty() && (!revoked || *revoked <= today))
    reason = "the release was revoked on " + revoked_text;
  else if (!signed_on)
    reason = "the release is not signed";
  else if (*signed_on > today)
    reason = "the release is signed with a later date, " + signed_on->str();
  else if (expires && *expires < today)
    reason = "the release expired on " + expires->str();
  else if (!consent.find("shares"))
    reason = "the release does not say what may be shared (add `shares:` to it)";
  else
    return &consent;
  return nullptr;
}

// The `sharing:` table of schema.yaml: the category of each key.
const YamlNode& sharing_table() {
  static const YamlNode table =
      *parse_yaml(embedded_file("schema.yaml"), "schema.yaml").find("sharing");
  return table;
}

// A key without a category is never shared, whatever `shares:` holds.
bool allowed(const std::string& category, const Strings& shares) {
  if (category.empty()) return false;
  return category == "always" || std::find(shares.begin(), shares.end(), category) != shares.end();
}

// Whether any of a file of this shape may go: all of it when the shape has
// one category, some of it when its keys have theirs.
bool file_shared(const Shape& shape, const Strings& shares) {
  const YamlNode* entry = sharing_table().find(shape.name);
  return entry && (entry->is_mapping() || allowed(entry->value, shares));
}

// The shape a key's value has when that shape's keys have categories of
// their own (client's assessment, and each of its earlier_assessments),
// else nullptr.
const Shape* split_shape(const Shape& shape, const std::string& key) {
  const Field* field = shape.find(key);
  if (!field || !field->type.shape || field->type.container == FieldType::Container::map)
    return nullptr;
  return sharing_table().find(field->type.shape->name) ? field->type.shape : nullptr;
}

void keep_categories(YamlNode& node, const Shape& shape, const Strings& shares);

// Filters a split shape's mapping, or each mapping of a list of them (an
// item left empty goes); whether anything of it is left.
bool keep_split(YamlNode& value, const Shape& inner, const Strings& shares) {
  if (value.is_mapping()) {
    keep_categories(value, inner, shares);
    return !value.keys.empty();
  }
  if (!value.is_sequence()) return false;
  for (auto& item : value.items) keep_categories(item, inner, shares);
  std::erase_if(value.items, [](const YamlNode& item) { return item.keys.empty(); });
  return !value.items.empty();
}

// Removes from a mapping of `shape` every key whose category the release
// does not share; an unknown key has none and goes too.
void keep_categories(YamlNode& node, const Shape& shape, const Strings& shares) {
  if (!node.is_mapping()) return;
  for (std::size_t i = node.keys.size(); i-- > 0;) {
    const std::string& key = node.keys[i].value;
    if (const Shape* inner = split_shape(shape, key)) {
      if (keep_split(node.items[i], *inner, shares)) continue;
    } else if (allowed(share_category(shape.name, key), shares)) {
      continue;
    }
    // By position: a file read with a key twice must lose both.
    node.keys.erase(node.keys.begin() + static_cast<long>(i));
    node.items.erase(node.items.begin() + static_cast<long>(i));
  }
}

// Keeps the parts of one client the release shares.
void keep_parts(ClientFiles& files, const YamlNode& release) {
  Strings shares = release.texts_at("shares");
  const YamlNode& kept_release = release;
  keep_categories(files.client->tree, shape_of(FileKind::client), shares);
  // A file none of which is shared is not sent at all.
  if (files.plan && !file_shared(shape_of(FileKind::plan), shares)) files.plan.reset();
  if (files.plan) keep_categories(files.plan->tree, shape_of(FileKind::plan), shares);
  if (!file_shared(shape_of(FileKind::note), shares)) files.notes.clear();
  for (auto& note : files.notes) keep_categories(note.tree, shape_of(FileKind::note), shares);
  // Coaching reviews are internal supervision, never shared.
  files.reviews.clear();
  // The partner sees its own release, not the client's other ones.
  if (files.client->tree.find("consents")) {
    YamlNode consents = YamlNode::sequence();
    consents.items.push_back(kept_release);
    files.client->tree.set("consents", consents);
  }
}

}  // namespace

namespace {

// The keys of plan.yaml whose dates say when something in it changed.
bool change_key(const std::string& key) {
  static const char* const keys[] = {"created", "reviewed", "date",       "start",
                                     "end",     "done",     "status_date"};
  return std::any_of(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; });
}

// Whether a date of one of those keys, anywhere in the tree, is on or after
// `since` and not after today (a service planned to start later is no change). Iterative, so a deep
// file costs no stack.
bool changed_since(const YamlNode& root, const Date& since, const Date& today) {
  std::vector<const YamlNode*> todo = {&root};
  while (!todo.empty()) {
    const YamlNode* node = todo.back();
    todo.pop_back();
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const YamlNode& item = node->items[i];
      bool keyed = node->is_mapping() && i < node->keys.size();
      if (keyed && item.is_scalar() && change_key(node->keys[i].value))
        if (auto d = Date::parse(item.value); d && *d >= since && *d <= today) return true;
      todo.push_back(&item);
    }
  }
  return false;
}

}  // namespace

void keep_changed_since(ClientFiles& files, const Date& since, const Date& today) {
  if (files.plan && !changed_since(files.plan->tree, since, today)) files.plan.reset();
  std::erase_if(files.notes, [&](const SourceFile& note) {
    auto d = Date::parse(note.tree.text_at("date"));
    return !d || *d < since;
  });
}

void keep_changed_since(std::vector<ClientFiles>& clients, const Date& since, const Date& today) {
  for (auto& files : clients) keep_changed_since(files, since, today);
}

std::string share_category(const std::string& shape, const std::string& key) {
  const YamlNode* entry = sharing_table().find(shape);
  if (!entry) return "";
  if (entry->is_scalar()) return entry->value;
  return key.empty() ? "" : entry->text_at(key);
}

bool keep_shared(ClientFiles& files, const std::string& partner, const Date& today,
                 std::string& reason, std::vector<std::string>& partners) {
  if (files.client && files.client->parsed)
    if (const YamlNode* consents = files.client->tree.find("consents"))
      for (const auto& consent : consents->items) partners.push_back(consent.text_at("partner"));
  const YamlNode* release = files.client && files.client->parsed
                                ? release_for(files.client->tree, partner, today, reason)
                                : nullptr;
  if (release) keep_parts(files, *release);
  return release != nullptr;
}

void refuse_nothing_shared(const std::string& partner, const std::vector<Withheld>& withheld,
                           const std::vector<std::string>& partners) {
  std::string why = withheld.size() == 1 ? withheld[0].reason
                                         : "no client has a release in force with this partner";
  std::string guess = did_you_mean(partner, partners);
  if (!guess.empty() && lower(guess) != lower(partner))
    why += fmt::format(" (did you mean '{}'?)", guess);
  throw Error(ExitStatus::usage, {},
              fmt::format("nothing may be shared with '{}': {}", partner, why),
              "nothing was written; a release needs `signed:`, `shares:`, and no `revoked:` or "
              "past `expires:`");
}

std::vector<Withheld> keep_shared(std::vector<ClientFiles>& clients, const std::string& partner,
                                  const Date& today) {
  std::vector<Withheld> withheld;
  std::vector<ClientFiles> kept;
  std::vector<std::string> partners;  // for a did-you-mean
  for (auto& files : clients) {
    std::string reason;
    if (keep_shared(files, partner, today, reason, partners))
      kept.push_back(std::move(files));
    else
      withheld.push_back({files.id, reason});
  }
  clients = std::move(kept);
  if (clients.empty()) refuse_nothing_shared(partner, withheld, partners);
  return withheld;
}

}  // namespace casekit
