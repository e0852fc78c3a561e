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
    throw Error(
        ExitStatus::usage, {source, 0, 0},
        fmt::format("the new assessment is dated {}, before the latest one of {}", date,
                    latest->str()),
        "a reassessment comes after the one before it: give --date " + latest->str() + " or later");
}

}  // namespace

std::string reassessment_text(const YamlNode& client, const std::string& date) {
  const YamlNode* latest = client.find("assessment");
  YamlNode assessment = latest && latest->is_mapping() ? *latest : YamlNode::mapping();
  assessment.set("date", YamlNode::scalar(date));
  return render_document(assessment);
}

void add_assessment(ClientEdit& edit, const std::string& text, const std::string& source,
                    const std::string& date) {
  YamlEditor input = input_document(text, source);
  if (!date.empty()) input.set({"date"}, YamlNode::scalar(date));
  if (!input.tree().find("date")) input.set({"date"}, YamlNode::scalar(today().str()));
  refuse_if_errors(validate_shape(input.tree(), *find_shape("assessment"), source),
                   "nothing was changed");
  refuse_earlier_date(edit.record(), input.tree().text_at("date"), source);
  if (const YamlNode* latest = edit.client().tree().find("assessment"))
    edit.client().append({"earlier_assessments"}, *latest);
  // The date first, as new-client writes it.
  YamlNode dated = YamlNode::mapping();
  dated.set("date", *input.tree().find("date"));
  for (std::size_t i = 0; i < input.tree().keys.size(); ++i)
    if (input.tree().keys[i].value != "date")
      dated.set(input.tree().keys[i].value, input.tree().items[i]);
  edit.client().set({"assessment"}, dated);
}

}  // namespace casekit
