#include "edit/close_case.hpp"

#include <fmt/format.h>

#include "yaml/yaml_write.hpp"

namespace casekit {

std::vector<std::string> close_client(ClientEdit& edit, const std::string& date,
                                      const std::string& reason, const std::string& summary) {
  const Client client = edit.record().client;
  if (client.status == "closed")
    throw Error(fmt::format("the case of '{}' is closed already", client.id),
                "nothing was changed");
  if (reason.empty()) throw Error("a closure needs a reason", "add --reason TEXT");
  if (!Date::parse(date))
    throw Error(fmt::format("--date: '{}' is not a real date", date), "write it as YYYY-MM-DD");
  YamlNode closure = YamlNode::mapping();
  closure.set("date", YamlNode::scalar(date));
  closure.set("reason", text_node(reason));
  if (!summary.empty()) closure.set("summary", text_node(summary));
  edit.client().set({"status"}, YamlNode::scalar("closed"));
  edit.client().set({"closure"}, closure);
  std::vector<std::string> active;
  if (edit.has_plan())
    for (const auto& goal : edit.record().plan.value_or(Plan{}).short_term_goals)
      if (goal.status == "active") active.push_back(goal.id);
  return active;
}

}  // namespace casekit
