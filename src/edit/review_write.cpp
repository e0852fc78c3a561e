#include "edit/review_write.hpp"

#include <fmt/format.h>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "edit/input_document.hpp"
#include "record/load.hpp"
#include "record/review.hpp"
#include "schema/schema.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

Location at(const YamlNode& root, const char* key, const std::string& file) {
  const YamlNode* node = root.find(key);
  return node ? Location{file, node->mark.line + 1, node->mark.column + 1} : Location{file, 1, 1};
}

// The dates a review cannot have: one after today, a follow-up before it.
void refuse_dates(const YamlNode& root, const std::string& file) {
  auto date = Date::parse(root.text_at("date"));
  auto follow_up = Date::parse(root.text_at("follow_up"));
  if (date && *date > today())
    throw Error(ExitStatus::usage, at(root, "date", file),
                fmt::format("the review is dated {}, after today ({})", date->str(), today().str()),
                "date it the day the record was reviewed");
  if (date && follow_up && *follow_up < *date)
    throw Error(ExitStatus::usage, at(root, "follow_up", file),
                fmt::format("the follow-up {} is before the review itself ({})", follow_up->str(),
                            date->str()),
                "set the follow-up on or after the review's date");
}

// Checks the review against the record as it is under the lock.
void refuse_problems(ClientFiles& files, const YamlNode& tree, const std::string& source) {
  files.reviews.push_back(SourceFile{{}, source, {}, tree, true});
  files.diagnostics.clear();
  check_review_references(files);
  refuse_if_errors(std::move(files.diagnostics), "nothing was changed");
}

}  // namespace

fs::path add_review(const CaseFolder& folder, const std::string& id, const std::string& text,
                    const std::string& source_name) {
  YamlEditor editor = input_document(text, source_name);
  refuse_if_errors(validate(editor.tree(), FileKind::review, source_name), "nothing was changed");
  refuse_dates(editor.tree(), source_name);
  folder.require_client(id);
  fs::path client_dir = folder.client_folder(id);
  auto lock = folder.files().lock(client_dir);
  LoadedRecord loaded = load_record(folder, id);
  loaded.require_valid("nothing was changed");
  refuse_problems(loaded.files, editor.tree(), source_name);

  fs::path reviews = client_dir / "reviews";
  const std::string first = review_file_name(read_review(editor.tree(), ""));
  std::string name = first;
  for (int n = 2; folder.files().exists(reviews / name); ++n)
    name = first.substr(0, first.size() - 5) + fmt::format("-{}.yaml", n);
  if (!folder.files().exists(reviews))
    folder.files().create_folder_with_file(reviews, name, editor.text());
  else
    folder.files().create(reviews / name, editor.text());
  return reviews / name;
}

namespace {

const SourceFile& find_review(const ClientFiles& files, std::string name) {
  if (auto slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
  if (!name.ends_with(".yaml")) name += ".yaml";
  std::vector<std::string> names;
  for (const SourceFile& review : files.reviews) {
    if (review.path.filename() == name) return review;
    names.push_back(review.path.filename().string());
  }
  std::string guess = did_you_mean(name, names);
  throw Error(fmt::format("{} has no coaching review {}", files.id, printable(name)),
              guess.empty() ? fmt::format("`casekit review {}` lists its reviews", files.id)
                            : fmt::format("did you mean '{}'?", guess));
}

void refuse_ack(const Review& review, const std::string& display, const Date& date) {
  if (review.acknowledged())
    throw Error(ExitStatus::usage, {display, 0, 0},
                fmt::format("this review was acknowledged already, on {} by {}", review.ack_date,
                            printable(review.ack_by)),
                "nothing to do; a new review starts a new file");
  if (date > today())
    throw Error(
        fmt::format("{}: {} is after today ({})", input_field("date"), date.str(), today().str()),
        "acknowledge it today or on a day before");
  if (auto reviewed = Date::parse(review.date); reviewed && date < *reviewed)
    throw Error(fmt::format("{}: {} is before the review ({})", input_field("date"), date.str(),
                            review.date),
                "a review is acknowledged on or after its date");
}

}  // namespace

fs::path acknowledge_review(const CaseFolder& folder, const std::string& id,
                            const std::string& review, const std::string& by,
                            const std::string& date) {
  Date when = *Date::parse(date);
  folder.require_client(id);
  auto lock = folder.files().lock(folder.client_folder(id));
  LoadedRecord loaded = load_record(folder, id);
  const ClientRecord& record = loaded.require_valid("nothing was changed");
  const SourceFile& file = find_review(loaded.files, review);
  refuse_ack(read_review(file.tree, file.path.filename().string()), file.display, when);
  std::string who = by.empty() ? record.client.case_manager : by;
  if (who.empty())
    throw Error("say who acknowledges the review", "add " + input_field("by") + " NAME");
  YamlEditor editor(file.source.text, file.display);
  YamlNode ack = YamlNode::mapping();
  ack.set("by", text_node(who));
  ack.set("date", YamlNode::scalar(when.str()));
  editor.set({"acknowledged"}, ack);
  refuse_if_errors(validate(editor.tree(), FileKind::review, file.display), "nothing was changed");
  folder.files().replace(file.path, editor.text());
  return file.path;
}

}  // namespace casekit
