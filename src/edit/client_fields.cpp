#include "edit/client_fields.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

YamlPath path_of(const std::string& dotted) {
  YamlPath path;
  std::size_t start = 0;
  for (std::size_t dot; (dot = dotted.find('.', start)) != std::string::npos; start = dot + 1)
    path.emplace_back(dotted.substr(start, dot - start));
  path.emplace_back(dotted.substr(start));
  return path;
}

void require_field_date(const std::string& field, const std::string& value) {
  if (!Date::parse(value))
    throw Error(ExitStatus::usage, {},
                fmt::format("{}: '{}' is not a real date", input_field(field), value),
                "write it as YYYY-MM-DD");
}

// The address may take several lines; the others are one line.
YamlNode value_node(const std::string& field, const std::string& value) {
  // An empty value would wipe the field (a client with no name) unseen.
  if (value.find_first_not_of(" \t\n") == std::string::npos)
    throw Error(ExitStatus::usage, {}, fmt::format("{}: the value is empty", input_field(field)),
                "give the new value; to remove a field, open the record with casekit edit "
                "CLIENT intake");
  if (field == "date_of_birth") {
    require_field_date(field, value);
    return YamlNode::scalar(value);
  }
  if (field != "address" && value.find('\n') != std::string::npos)
    throw Error(ExitStatus::usage, {},
                fmt::format("{}: the value must be one line", input_field(field)),
                "write it without line breaks");
  return text_node(value);
}

YamlNode member_node(const HouseholdMemberInput& member) {
  if (member.name.empty())
    throw Error(ExitStatus::usage, {}, input_field("add_household_member") + ": the name is empty",
                fmt::format("give the member's name, like {} \"Rosa Lopez\"",
                            input_field("add_household_member")));
  YamlNode node = YamlNode::mapping();
  node.set("name", text_node(member.name));
  if (!member.relationship.empty()) node.set("relationship", text_node(member.relationship));
  if (!member.date_of_birth.empty()) {
    require_field_date("member_date_of_birth", member.date_of_birth);
    node.set("date_of_birth", YamlNode::scalar(member.date_of_birth));
  }
  return node;
}

// A follow-up is done after the case closed and not after today.
void require_done_date(const Closure& closure, const std::string& done) {
  require_field_date("done", done);
  Date when = *Date::parse(done);
  if (when > today())
    throw Error(ExitStatus::usage, {},
                fmt::format("{}: {} is after today", input_field("done"), done),
                "give the day the follow-up took place");
  if (closure.date && when < *closure.date)
    throw Error(ExitStatus::usage, {},
                fmt::format("{}: {} is before the case closed on {}", input_field("done"), done,
                            closure.date->str()),
                "a follow-up after exit takes place after the closure");
}

// The index of the follow-up due on `due` in the closure's list.
std::size_t follow_up_index(const std::vector<FollowUp>& listed, const std::string& due) {
  std::vector<std::string> dues;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    std::string listed_due = listed[i].due ? listed[i].due->str() : "";
    if (listed_due == due) return i;
    dues.push_back(listed_due);
  }
  throw Error(
      ExitStatus::usage, {},
      fmt::format("{}: the closure lists no follow-up due {}", input_field("follow_up"), due),
      dues.empty() ? "this case has no follow-ups after exit"
                   : fmt::format("its follow-ups are due {}", fmt::join(dues, ", ")));
}

void record_follow_up(ClientEdit& edit, const FollowUpResult& input) {
  require_field_date("follow_up", input.due);
  const Closure& closure = edit.record().client.closure;
  std::size_t i = follow_up_index(closure.follow_ups, input.due);
  require_done_date(closure, input.done);
  edit.client().set({"closure", "follow_ups", i, "done"}, YamlNode::scalar(input.done));
  if (!input.result.empty())
    edit.client().set({"closure", "follow_ups", i, "result"}, text_node(input.result));
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& client_field_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys = {
      {"name", "name"},
      {"preferred_name", "preferred_name"},
      {"pronouns", "pronouns"},
      {"date_of_birth", "date_of_birth"},
      {"language", "language"},
      {"case_manager", "case_manager"},
      {"phone", "contact.phone"},
      {"email", "contact.email"},
      {"address", "contact.address"},
  };
  return keys;
}

void apply_field_edits(ClientEdit& edit, const ClientFieldEdits& edits) {
  for (const auto& [field, value] : edits.fields)
    for (const auto& [name, key] : client_field_keys())
      if (name == field) edit.client().set(path_of(key), value_node(field, value));
  for (const auto& member : edits.household)
    edit.client().append({"household"}, member_node(member));
  if (edits.follow_up) record_follow_up(edit, *edits.follow_up);
}

}  // namespace casekit
