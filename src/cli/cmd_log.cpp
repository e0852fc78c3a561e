#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/json_text.hpp"
#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "cli/pager.hpp"
#include "git/git.hpp"
#include "views/timeline.hpp"

namespace casekit::cli {

namespace {

std::vector<PlanChange> plan_changes(const CaseFolder& folder, const std::string& id) {
  std::vector<PlanChange> changes;
  for (const auto& commit : file_history(folder, folder.client_folder(id) / "plan.yaml"))
    if (auto date = Date::parse(commit.date)) changes.push_back({*date, commit.subject});
  return changes;
}

std::string text_log(const std::vector<TimelineEvent>& events) {
  std::string out;
  for (const auto& e : events)
    out += printable(fmt::format("{}  {:<10}  {}", e.date.str(), e.kind, e.text)) + "\n";
  return out;
}

std::string json_log(const std::string& id, const std::vector<TimelineEvent>& events) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& e : events)
    list.push_back(
        {{"date", e.date.str()},
         {"kind", e.kind},
         {"text", e.text},
         {"item", e.item.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.item)}});
  return json_text({{"client", id}, {"events", list}}) + "\n";
}

}  // namespace

void setup_log(CLI::App& command, Context& context) {
  struct Options {
    std::string since, format = "text";
    bool no_pager = false;
  };
  auto o = std::make_shared<Options>();
  command.add_option("--since", o->since, "Only what happened on or after this date");
  command.add_option("--format", o->format, "text (one line per event) or json")
      ->check(one_of({"text", "json"}));
  command.add_flag("--no-pager", o->no_pager, "Print without the pager, even on a terminal");
  command.callback([o, &context] {
    std::optional<Date> since;
    if (!o->since.empty() && !(since = Date::parse(o->since)))
      throw Error(fmt::format("--since: '{}' is not a real date", o->since),
                  "write it as YYYY-MM-DD, for example 2026-11-01");
    auto events =
        client_timeline(context.record(), plan_changes(context.folder(), context.client), since);
    if (o->format == "json")
      fmt::print("{}", json_log(context.client, events));
    else if (events.empty())
      fmt::print(stderr, "casekit: nothing of {} is dated {}\n", context.client,
                 since ? "on or after " + since->str() : "yet");
    else
      print_paged(text_log(events), !o->no_pager);
  });
}

}  // namespace casekit::cli
