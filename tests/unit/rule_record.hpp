// The exemplary record (examples/caseload, marcus-jones) in a fresh case
// folder, changed one edit at a time: what every rules test starts from.
// rules_test.cpp holds the table of one failing change per rule; the
// rules_<source>_test.cpp files hold each rule's variations.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "temp_folder.hpp"
#include "yaml/yaml_edit.hpp"

namespace casekit::testing {

inline const fs::path kCaseload = fs::path(CASEKIT_SOURCE_DIR) / "examples" / "caseload";
inline const char* const kToday = "2026-11-23";

// The files a row changes: casekit.yaml is the case folder's, the others
// are the client's.
inline const char* const kSettings = "casekit.yaml";
inline const char* const kClient = "client.yaml";
inline const char* const kPlan = "plan.yaml";
inline const char* const kNote = "notes/2026-11-20-1430-in-person.yaml";  // the latest note

// Items of the exemplary record, by position in their lists.
inline constexpr std::size_t G1 = 0, G3 = 2;           // short_term_goals
inline constexpr std::size_t S1 = 0, S2 = 1, S4 = 3;   // services
inline constexpr std::size_t R1 = 0, R3 = 2;           // referrals
inline constexpr std::size_t kHope = 0, kFathers = 2;  // consents (R1's and R3's partners)
inline constexpr std::size_t kFirst = 0, kThird = 2;   // milestones, next steps

inline std::string joined(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "(none)" : out;
}

// Marcus Jones's record and the program's casekit.yaml, copied into a
// fresh case folder, with the edits a test makes.
class Record {
 public:
  Record(const Record&) = delete;
  Record& operator=(const Record&) = delete;
  Record() {
    fs::copy_file(kCaseload / "casekit.yaml", tmp_.path() / "casekit.yaml");
    fs::create_directories(tmp_.path() / "clients");
    fs::copy(kCaseload / "clients" / "marcus-jones", client_folder(), fs::copy_options::recursive);
    // The signatures' digests bind them to this exact plan, so every row
    // that changes the plan would also fire plan/changed-after-signature;
    // without them each row tests its one rule (that rule's row sets one).
    std::string plan = read(kPlan);
    YamlEditor editor(plan, kPlan);
    for (const char* who : {"client", "case_manager"})
      if (const YamlNode* s = editor.tree().find("signatures");
          s && s->find(who) && s->find(who)->find("digest"))
        editor.remove({"signatures", who, "digest"});
    write(kPlan, editor.text());
  }

  fs::path client_folder() const { return tmp_.path() / "clients" / "marcus-jones"; }
  fs::path path(const std::string& file) const {
    return file == kSettings ? tmp_.path() / file : client_folder() / file;
  }

  std::string read(const std::string& file) const {
    std::ifstream in(path(file), std::ios::binary);
    REQUIRE_MESSAGE(in, "no file " << file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void write(const std::string& file, const std::string& text) const {
    fs::create_directories(path(file).parent_path());
    std::ofstream(path(file), std::ios::binary | std::ios::trunc) << text;
  }

  // Structural edits go through YamlEditor, which keeps every other line;
  // an edit that changes nothing is a broken test, not a passing one.
  template <typename Change>
  void edit(const std::string& file, Change change) {
    std::string before = read(file);
    YamlEditor editor(before, file);
    change(editor);
    REQUIRE_MESSAGE(editor.text() != before, "the edit of " << file << " changed nothing");
    write(file, editor.text());
  }
  void set(const std::string& file, const YamlPath& at, const YamlNode& value) {
    edit(file, [&](YamlEditor& e) { e.set(at, value); });
  }
  void set(const std::string& file, const YamlPath& at, const char* scalar) {
    set(file, at, YamlNode::scalar(scalar));
  }
  void remove(const std::string& file, const YamlPath& at) {
    edit(file, [&](YamlEditor& e) { e.remove(at); });
  }
  void append(const std::string& file, const YamlPath& at, const YamlNode& item) {
    edit(file, [&](YamlEditor& e) { e.append(at, item); });
  }
  // Prose and comments: the first occurrence of `from` becomes `to`.
  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = read(file);
    std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, file << " does not contain: " << from);
    write(file, text.replace(at, from.size(), to));
  }

  // Check as of another day than kToday (YYYY-MM-DD).
  void as_of(const char* day) { today_ = day; }
  CheckResult check() const {
    CaseFolder folder(tmp_.path(), real_file_system());
    return check_and_keep(folder, {*Date::parse(today_), {"marcus-jones"}});
  }
  // Every client of the folder (Marcus only), and the entries of clients/.
  CheckResult check_all() const {
    CaseFolder folder(tmp_.path(), real_file_system());
    return check_and_keep(folder, {*Date::parse(today_), {}});
  }
  fs::path root() const { return tmp_.path(); }
  // Every finding about the client, by rule id (a rule once per finding).
  std::multiset<std::string> findings() const {
    CheckResult result = check();
    REQUIRE(result.clients.size() == 1);
    std::multiset<std::string> ids;
    for (const auto& d : result.clients[0].findings) ids.insert(d.rule);
    return ids;
  }
  // The rules that fired, each once, for comparing with an expected list.
  std::string rules() const { return rules_of(check()); }
  static std::string rules_of(const CheckResult& result) {
    REQUIRE(result.clients.size() == 1);
    std::set<std::string> ids;
    for (const auto& d : result.clients[0].findings) ids.insert(d.rule);
    return joined(ids);
  }
  // The one finding of `rule` (the test fails unless there is exactly one).
  Diagnostic finding(const std::string& rule) const {
    CheckResult result = check();
    REQUIRE(result.clients.size() == 1);
    std::vector<Diagnostic> found;
    for (const auto& d : result.clients[0].findings)
      if (d.rule == rule) found.push_back(d);
    REQUIRE_MESSAGE(found.size() == 1, rule << " reported " << found.size() << " times");
    return found[0];
  }
  // The 1-based line of the first line of `file` that contains `text`.
  int line_of(const std::string& file, const std::string& text) const {
    std::string all = read(file);
    std::size_t at = all.find(text);
    REQUIRE_MESSAGE(at != std::string::npos, file << " does not contain: " << text);
    return static_cast<int>(std::count(all.begin(), all.begin() + static_cast<long>(at), '\n')) + 1;
  }

  // Another in-person contact like the latest note, on `day` (YYYY-MM-DD),
  // written that day, its next steps as far after it; returns its file.
  std::string add_note(const std::string& day) {
    std::string file = "notes/" + day + "-1430-in-person.yaml";
    std::string note = read(kNote);
    for (const char* key : {"date: ", "written: "}) {
      std::size_t at = note.find(std::string("\n") + key + "2026-11-20");
      REQUIRE(at != std::string::npos);
      note.replace(at + 1 + std::string(key).size(), 10, day);
    }
    // Its next steps move with it, so that none falls due before the contact.
    long shift = days_between(*Date::parse("2026-11-20"), *Date::parse(day));
    for (std::size_t at = note.find("\n    by: "); at != std::string::npos;
         at = note.find("\n    by: ", at + 1)) {
      std::size_t from = at + std::string("\n    by: ").size();
      note.replace(from, 10, Date::parse(note.substr(from, 10))->add_days(shift).str());
    }
    write(file, note);
    return file;
  }

 private:
  TempFolder tmp_;
  std::string today_ = kToday;
};

inline YamlNode list_of(std::initializer_list<const char*> items) {
  YamlNode list = YamlNode::sequence();
  for (const char* item : items) list.items.push_back(YamlNode::scalar(item));
  return list;
}

inline YamlNode open_need(const char* id, const char* domain, const char* description) {
  YamlNode need = YamlNode::mapping();
  need.set("id", YamlNode::scalar(id));
  need.set("domain", YamlNode::scalar(domain));
  need.set("description", YamlNode::scalar(description));
  need.set("status", YamlNode::scalar("open"));
  return need;
}

}  // namespace casekit::testing
