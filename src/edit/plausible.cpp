#include "edit/plausible.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "base/printable.hpp"

namespace casekit {

namespace {

struct DateAt {
  Date date;
  Location where;
};

// The date under `key`, with its place in the file; nothing when absent or
// not a date (validation reports that).
std::optional<DateAt> date_at(const YamlNode& map, const char* key, const std::string& display) {
  const YamlNode* node = map.is_mapping() ? map.find(key) : nullptr;
  if (!node || !node->is_scalar()) return std::nullopt;
  auto date = Date::parse(node->value);
  if (!date) return std::nullopt;
  return DateAt{*date, {display, node->mark.line + 1, node->mark.column + 1}};
}

// A date that says something happened (a milestone done, a referral
// made, a review held) cannot be after today; a due or target date can.
void happened(const std::optional<DateAt>& at, const std::string& what, Date today,
              std::vector<Implausible>& out) {
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
                 std::vector<Implausible>& out) {
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

void note_values(const YamlNode& note, const std::string& display, Date today,
                 std::vector<Implausible>& out) {
  if (auto date = date_at(note, "date", display); date && date->date > today)
    out.push_back({date->where, fmt::format("the note is dated {}, after today ({})",
                                            date->date.str(), today.str())});
}

void client_values(const YamlNode& client, const std::string& display, Date today,
                   std::vector<Implausible>& out) {
  if (auto born = date_at(client, "date_of_birth", display))
    if (auto problem = birth_date_problem(born->date, today))
      out.push_back({born->where, *problem});
  if (auto opened = date_at(client, "opened", display); opened && opened->date > today)
    out.push_back({opened->where, fmt::format("the case is opened on {}, after today ({})",
                                              opened->date.str(), today.str())});
  if (const YamlNode* assessment = client.is_mapping() ? client.find("assessment") : nullptr)
    happened(date_at(*assessment, "date", display), "the assessment", today, out);
  if (const YamlNode* closure = client.is_mapping() ? client.find("closure") : nullptr)
    happened(date_at(*closure, "date", display), "the closure", today, out);
  for (const auto& consent : items_of(client, "consents"))
    happened(date_at(consent, "signed", display), "a release's signature", today, out);
}

void plan_values(const YamlNode& plan, const std::string& display, Date today,
                 std::vector<Implausible>& out) {
  plan_events(plan, display, today, out);
  auto created = date_at(plan, "created", display);
  const YamlNode* signatures = plan.find("signatures");
  if (!signatures || !signatures->is_mapping()) return;
  for (std::size_t i = 0; i < signatures->keys.size(); ++i) {
    auto signed_on = date_at(signatures->items[i], "date", display);
    if (!signed_on) continue;
    const std::string& who = signatures->keys[i].value;
    if (signed_on->date > today)
      out.push_back({signed_on->where, fmt::format("the {} signature is dated {}, after today ({})",
                                                   who, signed_on->date.str(), today.str())});
    else if (created && signed_on->date < created->date)
      out.push_back({signed_on->where,
                     fmt::format("the {} signature is dated {}, before the plan was written ({})",
                                 who, signed_on->date.str(), created->date.str())});
  }
}

}  // namespace

std::vector<Implausible> implausible_values(const YamlNode& tree, FileKind kind,
                                            const std::string& display, Date today) {
  std::vector<Implausible> out;
  if (kind == FileKind::note) note_values(tree, display, today, out);
  if (kind == FileKind::client) client_values(tree, display, today, out);
  if (kind == FileKind::plan) plan_values(tree, display, today, out);
  return out;
}

void refuse_implausible(const YamlNode* before, const YamlNode& after, FileKind kind,
                        const std::string& display, bool force) {
  Date now = today();
  std::vector<Implausible> found = implausible_values(after, kind, display, now);
  if (before) {
    std::vector<Implausible> old = implausible_values(*before, kind, display, now);
    std::erase_if(found, [&](const Implausible& f) {
      return std::any_of(old.begin(), old.end(),
                         [&](const Implausible& o) { return o.message == f.message; });
    });
  }
  if (found.empty()) return;
  // Values given as options have no place in a file to point at.
  if (display == "options")
    for (auto& f : found) f.where = {};
  // Every one at once: all but the last printed, the last thrown with the
  // hint, so the worker corrects them in one go.
  if (!force) {
    for (std::size_t i = 0; i + 1 < found.size(); ++i)
      fmt::print(stderr, "{}\n",
                 format_error(Error(ExitStatus::usage, found[i].where, found[i].message)));
    throw Error(ExitStatus::usage, found.back().where, found.back().message,
                "nothing was written; correct the date, or keep it with --force");
  }
  for (const auto& f : found) {
    std::string where = to_string(f.where);
    fmt::print(stderr, "casekit: warning: {}{}{} (kept with --force)\n", where,
               where.empty() ? "" : ": ", printable(f.message));
  }
}

}  // namespace casekit
