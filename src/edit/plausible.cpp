#include "edit/plausible.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <optional>

#include "base/printable.hpp"
#include "schema/dates_ahead.hpp"

namespace casekit {

namespace {

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
}

void plan_values(const YamlNode& plan, const std::string& display, Date today,
                 std::vector<Implausible>& out) {
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
  for (auto& ahead : events_dated_ahead(tree, kind, display, today))
    out.push_back({ahead.where, std::move(ahead.message)});
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
                "nothing was written; correct the date, or keep it with " + input_field("force"));
  }
  for (const auto& f : found) {
    std::string where = to_string(f.where);
    fmt::print(stderr, "casekit: warning: {}{}{} (kept with --force)\n", where,
               where.empty() ? "" : ": ", printable(f.message));
  }
}

}  // namespace casekit
