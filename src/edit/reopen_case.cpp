#include "edit/reopen_case.hpp"

#include <fmt/format.h>

#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

void refuse_bad_reopen(const Client& client, const std::string& date, const std::string& reason) {
  if (client.status != "closed")
    throw Error(fmt::format("the case of '{}' is open", client.id),
                "only a closed case can be reopened; nothing was changed");
  if (reason.find_first_not_of(" \t\n") == std::string::npos)
    throw Error("a reopening needs a reason",
                "add " + input_field("reason") + " TEXT: what brought the client back");
  std::optional<Date> on = Date::parse(date);
  if (!on)
    throw Error(fmt::format("{}: '{}' is not a real date", input_field("date"), date),
                "write it as YYYY-MM-DD");
  if (client.closure.date && *on < *client.closure.date)
    throw Error(fmt::format("{}: the case cannot reopen on {}, before it closed on {}",
                            input_field("date"), date, client.closure.date->str()),
                "give the day the case opened again, on or after " + client.closure.date->str());
}

// The episode that ends, as client.yaml holds it now.
YamlNode closed_episode(const YamlNode& client) {
  YamlNode episode = YamlNode::mapping();
  episode.set("opened", *client.find("opened"));
  if (const YamlNode* reason = client.find("reopen_reason")) episode.set("reopen_reason", *reason);
  episode.set("closure", *client.find("closure"));
  return episode;
}

}  // namespace

void reopen_client(ClientEdit& edit, const std::string& date, const std::string& reason) {
  refuse_bad_reopen(edit.record().client, date, reason);
  YamlNode episode = closed_episode(edit.client().tree());
  edit.client().append({"episodes"}, episode);
  edit.client().set({"opened"}, YamlNode::scalar(date));
  edit.client().set({"reopen_reason"}, text_node(reason));
  edit.client().set({"status"}, YamlNode::scalar("active"));
  edit.client().remove({"closure"});
}

}  // namespace casekit
