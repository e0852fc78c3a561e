#include "schema/dates_ahead.hpp"

#include <fmt/format.h>

#include <optional>

namespace casekit {

namespace {

// A date that says something happened (a milestone done, a referral
// made, a review held) cannot be after today; a due or target date can.
void happened(const std::optional<DateAt>& at, const std::string& what, Date today,
              std::vector<DateAhead>& out) {
  if (at && at->date > today)
    out.push_back({at->where, fmt::format("{} is dated {}, after today ({})", what, at->date.str(),
                                          today.str())});
}

// Each item of the list under `key` (or none when it is not a list).
const std::vector<YamlNode>& items_of(const YamlNode& map, const char* key) {
  static const std::vector<YamlNode> none;
  const YamlNode* list = map.is_mapping() ? map.find(key) : nullptr;
  return list && list->is_sequence() ? list->items : none;
}

std::string item_name(const YamlNode& item, const char* kind) {
  std::string id = item.is_mapping() ? item.text_at("id") : "";
  return id.empty() ? std::string("a ") + kind : std::string(kind) + " " + id;
}

void plan_events(const YamlNode& plan, const std::string& display, Date today,
                 std::vector<DateAhead>& out) {
  happened(date_at(plan, "created", display), "the plan", today, out);
  happened(date_at(plan, "reviewed", display), "the plan's review", today, out);
  for (const auto& goal : items_of(plan, "short_term_goals")) {
    happened(date_at(goal, "status_date", display), "the status of " + item_name(goal, "goal"),
             today, out);
    for (const auto& milestone : items_of(goal, "milestones"))
      happened(date_at(milestone, "done", display),
               "a milestone of " + item_name(goal, "goal") + ", marked done,", today, out);
  }
  for (const auto& service : items_of(plan, "services")) {
    std::string status = service.is_mapping() ? service.text_at("status") : "";
    if (status == "completed" || status == "discontinued")
      happened(date_at(service, "end", display), "the end of " + item_name(service, "service"),
               today, out);
  }
  for (const auto& referral : items_of(plan, "referrals")) {
    happened(date_at(referral, "date", display), item_name(referral, "referral"), today, out);
    for (const auto& step : items_of(referral, "statuses"))
      happened(date_at(step, "date", display), "a status of " + item_name(referral, "referral"),
               today, out);
  }
}

void client_events(const YamlNode& client, const std::string& display, Date today,
                   std::vector<DateAhead>& out) {
  if (const YamlNode* assessment = client.is_mapping() ? client.find("assessment") : nullptr)
    happened(date_at(*assessment, "date", display), "the assessment", today, out);
  if (const YamlNode* closure = client.is_mapping() ? client.find("closure") : nullptr)
    happened(date_at(*closure, "date", display), "the closure", today, out);
  for (const auto& consent : items_of(client, "consents"))
    happened(date_at(consent, "signed", display), "a release's signature", today, out);
  for (const auto& document : items_of(client, "documents"))
    happened(date_at(document, "date", display), item_name(document, "document"), today, out);
}

}  // namespace

std::optional<DateAt> date_at(const YamlNode& map, const char* key, const std::string& display) {
  const YamlNode* node = map.is_mapping() ? map.find(key) : nullptr;
  if (!node || !node->is_scalar()) return std::nullopt;
  auto date = Date::parse(node->value);
  if (!date) return std::nullopt;
  return DateAt{*date, {display, node->mark.line + 1, node->mark.column + 1}};
}

std::vector<DateAhead> events_dated_ahead(const YamlNode& tree, FileKind kind,
                                          const std::string& display, Date today) {
  std::vector<DateAhead> out;
  if (kind == FileKind::client) client_events(tree, display, today, out);
  if (kind == FileKind::plan) plan_events(tree, display, today, out);
  return out;
}

}  // namespace casekit
