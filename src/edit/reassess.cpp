#include "edit/reassess.hpp"

#include <fmt/format.h>

#include "edit/input_document.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

void refuse_earlier_date(const ClientRecord& record, const std::string& date,
                         const std::string& source) {
  std::optional<Date> on = Date::parse(date);
  if (!on)
    throw Error(ExitStatus::usage, {source, 0, 0},
                fmt::format("the assessment's date '{}' is not a real date", date),
                "write it as YYYY-MM-DD");
  const std::optional<Date>& latest = record.client.assessment.date;
  if (latest && *on < *latest)
    throw Error(ExitStatus::usage, {source, 0, 0},
                fmt::format("the new assessment is dated {}, before the latest one of {}", date,
                            latest->str()),
                fmt::format("a reassessment comes after the one before it: give {} {} or later",
                            input_field("date"), latest->str()));
}

// The date first, as new-client writes it.
YamlNode dated(const YamlNode& input) {
  YamlNode out = YamlNode::mapping();
  out.set("date", *input.find("date"));
  for (std::size_t i = 0; i < input.keys.size(); ++i)
    if (input.keys[i].value != "date") out.set(input.keys[i].value, input.items[i]);
  return out;
}

// Key by key, so the comments between the keys of the assessment (the
// desk guide's questions, a worker's own) stay where they are; a value
// that did not change is not touched at all, and a key the text leaves
// out carries over from the assessment before.
void replace_keys(YamlEditor& client, const YamlNode& latest) {
  for (std::size_t i = 0; i < latest.keys.size(); ++i) {
    const std::string& key = latest.keys[i].value;
    const YamlNode* before = client.tree().find("assessment")->find(key);
    if (before && render_after_key(*before, 4) == render_after_key(latest.items[i], 4)) continue;
    client.set({"assessment", key}, latest.items[i]);
  }
}

}  // namespace

std::string reassessment_text(const YamlNode& client, const std::string& date) {
  const YamlNode* latest = client.find("assessment");
  YamlNode assessment = latest && latest->is_mapping() ? *latest : YamlNode::mapping();
  assessment.set("date", YamlNode::scalar(date));
  return render_document(assessment);
}

// The keys of the latest assessment that the new one leaves out.
void remove_left_out(YamlEditor& client, const YamlNode& latest) {
  std::vector<std::string> gone;
  for (const auto& key : client.tree().find("assessment")->keys)
    if (!latest.find(key.value)) gone.push_back(key.value);
  for (const auto& key : gone) client.remove({"assessment", key});
}

void add_assessment(ClientEdit& edit, const std::string& text, const std::string& source,
                    const std::string& date, bool whole) {
  YamlEditor input = input_document(text, source);
  if (!date.empty()) input.set({"date"}, YamlNode::scalar(date));
  if (!input.tree().find("date")) input.set({"date"}, YamlNode::scalar(today().str()));
  refuse_if_errors(validate_shape(input.tree(), *find_shape("assessment"), source),
                   "nothing was changed");
  refuse_earlier_date(edit.record(), input.tree().text_at("date"), source);
  if (const YamlNode* latest = edit.client().tree().find("assessment"))
    edit.client().append({"earlier_assessments"}, *latest);
  if (!edit.client().tree().find("assessment")) {
    edit.client().set({"assessment"}, dated(input.tree()));
    return;
  }
  replace_keys(edit.client(), dated(input.tree()));
  if (whole) remove_left_out(edit.client(), input.tree());
}

}  // namespace casekit
