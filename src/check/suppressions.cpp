#include "check/suppressions.hpp"

#include <fmt/format.h>

#include <regex>
#include <unordered_map>

#include "findings/finding_sink.hpp"
#include "findings/rule_catalogue.hpp"

namespace casekit {
namespace {

struct Suppression {
  std::string file;
  int comment_line = 0, comment_column = 0;
  int target_line = 0;  // 0: the whole file
  std::vector<std::string> rules;
  bool used = false;
};

std::vector<std::string> split_rules(const std::string& list) {
  std::vector<std::string> rules;
  std::size_t start = 0;
  for (std::size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
    rules.push_back(list.substr(start, comma - start));
  rules.push_back(list.substr(start));
  return rules;
}

bool content_line(const std::string& line) {
  std::size_t first = line.find_first_not_of(' ');
  return first != std::string::npos && line[first] != '#';
}

// Whether some comment holds "casekit:", as every suppression does. Most
// files have no comment at all, and memchr finds that at once; a search
// for the word itself would stop at every 'c' of the file.
bool comment_mentions_casekit(std::string_view text) {
  for (std::size_t hash = text.find('#'); hash != std::string_view::npos;
       hash = text.find('#', hash + 1)) {
    std::size_t end = std::min(text.find('\n', hash), text.size());
    if (text.substr(hash, end - hash).find("casekit:") != std::string_view::npos) return true;
    hash = end;
  }
  return false;
}

std::vector<Suppression> scan(const SourceFile& file) {
  static const std::regex pattern(R"(#\s*casekit:\s*disable(-file)?=([A-Za-z0-9/_,-]+))");
  std::vector<Suppression> out;
  // Most files have no suppression; the regular expression is for those that do.
  if (!comment_mentions_casekit(file.source.text)) return out;
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = file.source.text.find('\n', start)) != std::string::npos;
       start = nl + 1)
    lines.push_back(file.source.text.substr(start, nl - start));
  if (start < file.source.text.size()) lines.push_back(file.source.text.substr(start));
  // The first content line at or after each line, found once: a file may
  // hold thousands of suppression comments in a row.
  std::vector<std::size_t> next_content(lines.size() + 1, lines.size());
  for (std::size_t i = lines.size(); i-- > 0;)
    next_content[i] = content_line(lines[i]) ? i : next_content[i + 1];
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    // std::regex recurses per character; only short lines that mention
    // casekit are worth a look.
    if (lines[i].size() > 300 || lines[i].find("casekit:") == std::string::npos) continue;
    if (!std::regex_search(lines[i], m, pattern)) continue;
    Suppression s{file.display,
                  static_cast<int>(i) + 1,
                  static_cast<int>(m.position(0)) + 1,
                  0,
                  split_rules(m[2]),
                  false};
    if (!m[1].matched) {
      bool inline_comment =
          content_line(lines[i].substr(0, static_cast<std::size_t>(m.position(0))) + "x") &&
          lines[i].substr(0, static_cast<std::size_t>(m.position(0))).find_first_not_of(' ') !=
              std::string::npos;
      std::size_t target = inline_comment ? i : next_content[i + 1];
      s.target_line = static_cast<int>(target) + 1;
    }
    out.push_back(std::move(s));
  }
  return out;
}

// The suppressions of each file, line (0: the whole file) and rule, so
// that each finding costs a look-up, however many comments a file holds.
class SuppressionIndex {
 public:
  explicit SuppressionIndex(std::vector<Suppression>& all) {
    for (auto& s : all)
      for (const auto& rule : s.rules) by_place_[key(s.file, s.target_line, rule)].push_back(&s);
  }

  // Whether a suppression hides `d`; marks the ones that do as used.
  bool hides(const Diagnostic& d) {
    bool hidden = false;
    for (int line : {0, d.location.line}) {
      auto found = by_place_.find(key(d.location.file, line, d.rule));
      if (found == by_place_.end()) continue;
      hidden = true;
      for (auto* s : found->second) s->used = true;
      found->second.clear();  // used: no need to mark them again
    }
    return hidden;
  }

 private:
  static std::string key(const std::string& file, int line, const std::string& rule) {
    return fmt::format("{}\n{}\n{}", file, line, rule);
  }

  std::unordered_map<std::string, std::vector<Suppression*>> by_place_;
};

}  // namespace

void apply_suppressions(const std::vector<const SourceFile*>& files,
                        std::vector<Diagnostic>& findings) {
  std::vector<Suppression> all;
  for (const auto* f : files) {
    auto found = scan(*f);
    all.insert(all.end(), found.begin(), found.end());
  }
  if (all.empty()) return;
  SuppressionIndex index(all);
  std::vector<Diagnostic> kept;
  for (auto& d : findings)
    if (!index.hides(d)) kept.push_back(std::move(d));
  for (const auto& s : all) {
    if (s.used) continue;
    std::vector<std::string> unknown;
    for (const auto& r : s.rules)
      if (!find_rule(r)) unknown.push_back(r);
    std::string message =
        unknown.empty()
            ? fmt::format("this suppression of {} suppresses nothing", fmt::join(s.rules, ", "))
            : fmt::format("this suppression names unknown rules: {}", fmt::join(unknown, ", "));
    kept.push_back(finding("check/unused-suppression", {s.file, s.comment_line, s.comment_column},
                           message, "remove the comment"));
  }
  findings = std::move(kept);
}

}  // namespace casekit
