// The partner filter works on the files' trees, like redaction: keys are
// dropped before the record is read, so nothing left out can reach any
// export format.
#include "casekit/share.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "casekit/schema.hpp"

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
  if (!consent.text_at("revoked").empty()) reason = "the release was revoked on " + consent.text_at("revoked");
  else if (!signed_on) reason = "the release is not signed";
  else if (*signed_on > today) reason = "the release is signed with a later date, " + signed_on->str();
  else if (expires && *expires < today) reason = "the release expired on " + expires->str();
  else if (!consent.find("shares")) reason = "the release does not say what may be shared (add `shares:` to it)";
  else return &consent;
  return nullptr;
}

// Keeps the parts of one client the release shares.
void keep_parts(ClientFiles& files, const YamlNode& release) {
  Strings shares = release.texts_at("shares");
  auto shared = [&](const char* part) { return std::find(shares.begin(), shares.end(), part) != shares.end(); };
  YamlNode kept_release = release;
  YamlNode& client = files.client->tree;
  if (!shared("contact")) {
    client.erase("date_of_birth");
    client.erase("contact");
  }
  // The needs belong to the plan; the rest of the assessment is its own part.
  if (YamlNode* assessment = client.find("assessment"); assessment && !shared("assessment")) {
    YamlNode needs = assessment->find("needs") ? *assessment->find("needs") : YamlNode::sequence();
    *assessment = YamlNode::mapping();
    if (shared("plan")) assessment->set("needs", needs);
  }
  if (!shared("plan")) {
    files.plan.reset();
    client.erase("closure");
  }
  if (!shared("notes")) files.notes.clear();
  // The partner sees its own release, not the client's other ones.
  YamlNode consents = YamlNode::sequence();
  consents.items.push_back(kept_release);
  client.set("consents", consents);
}

}  // namespace

std::vector<Withheld> keep_shared(std::vector<ClientFiles>& clients, const std::string& partner, const Date& today) {
  std::vector<Withheld> withheld;
  std::vector<ClientFiles> kept;
  std::vector<std::string> partners;  // for a did-you-mean
  for (auto& files : clients) {
    if (files.client && files.client->parsed)
      if (const YamlNode* consents = files.client->tree.find("consents"))
        for (const auto& consent : consents->items) partners.push_back(consent.text_at("partner"));
    std::string reason;
    const YamlNode* release =
        files.client && files.client->parsed ? release_for(files.client->tree, partner, today, reason) : nullptr;
    if (!release) {
      withheld.push_back({files.id, reason});
      continue;
    }
    keep_parts(files, *release);
    kept.push_back(std::move(files));
  }
  clients = std::move(kept);
  if (clients.empty()) {
    std::string why = withheld.size() == 1 ? withheld[0].reason : "no client has a release in force with this partner";
    std::string guess = did_you_mean(partner, partners);
    if (!guess.empty() && lower(guess) != lower(partner)) why += fmt::format(" (did you mean '{}'?)", guess);
    throw Error(ExitStatus::usage, {}, fmt::format("nothing may be shared with '{}': {}", partner, why),
                "nothing was written; a release needs `signed:`, `shares:`, and no `revoked:` or past `expires:`");
  }
  return withheld;
}

}  // namespace casekit
