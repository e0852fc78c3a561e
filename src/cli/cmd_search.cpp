#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "base/json_text.hpp"
#include "cli/commands.hpp"
#include "views/search.hpp"

namespace casekit::cli {

namespace {

// FILE:LINE: KEY: the line, the key left out when the line starts with it.
std::string text_hit(const SearchHit& hit) {
  std::string key = hit.field + ":";
  bool shown = hit.field.empty() || hit.text.starts_with(key) || hit.text.starts_with("- " + key);
  return fmt::format("{}:{}: {}{}\n", hit.file, hit.line, shown ? "" : key + " ", hit.text);
}

nlohmann::ordered_json json_hit(const SearchHit& hit) {
  return {{"client", hit.client},
          {"file", hit.file},
          {"line", hit.line},
          {"field", hit.field},
          {"text", hit.text}};
}

// Prints each hit as the search finds it: memory stays flat however many
// there are. JSON is one document, its list of matches written in pieces.
class HitPrinter {
 public:
  HitPrinter(const SearchQuery& query, bool json) {
    if (json)
      cut_.emplace(
          nlohmann::ordered_json{{"query", query.text},
                                 {"matches", nlohmann::ordered_json::array({kHitsGoHere})}},
          kHitsGoHere);
  }
  void hit(const SearchHit& hit) {
    if (!cut_) {
      fmt::print("{}", text_hit(hit));
    } else {
      if (count_ == 0) fmt::print("{}", cut_->head());
      fmt::print("{}", cut_->element(json_hit(hit), count_ == 0));
    }
    ++count_;
  }
  // The JSON document's end (its head too, when nothing was found).
  void finish() {
    if (!cut_) return;
    if (count_ == 0) fmt::print("{}", cut_->head());
    fmt::print("{}\n", cut_->tail(count_));
  }
  std::size_t count() const { return count_; }

 private:
  static constexpr const char* kHitsGoHere = "casekit-search-hits-go-here";
  std::optional<JsonListCut> cut_;
  std::size_t count_ = 0;
};

}  // namespace

void setup_search(CLI::App& command, Context& context) {
  struct Options {
    SearchQuery query;
    std::string since, format = "text";
  };
  auto o = std::make_shared<Options>();
  command.add_option("text", o->query.text, "The text to find; case and accents do not matter")
      ->required();
  command.add_option("--client", o->query.client, "Search this client's record only");
  command.add_option("--since", o->since, "Only the notes dated on or after this date");
  command.add_option("--field", o->query.field,
                     "Only text under this key, like objective or strengths (casekit(5))");
  command.add_option("--format", o->format, "text (FILE:LINE: KEY: the line) or json")
      ->check(one_of({"text", "json"}));
  command.callback([o, &context] {
    if (!o->since.empty() && !(o->query.since = Date::parse(o->since)))
      throw Error(fmt::format("--since: '{}' is not a real date", o->since),
                  "write it as YYYY-MM-DD, for example 2026-11-01");
    require_valid(o->query);
    const CaseFolder& folder = context.folder();
    if (!o->query.client.empty()) folder.require_client(o->query.client);
    HitPrinter printer(o->query, o->format == "json");
    search_caseload(folder, o->query,
                    {[&](SearchHit hit) { printer.hit(hit); },
                     [](std::string skipped) {
                       fmt::print(stderr, "casekit: warning: not searched: {}\n", skipped);
                     }});
    printer.finish();
    // As grep: 1 when nothing matched, so scripts can test it.
    if (printer.count() == 0) context.status = ExitStatus::findings;
  });
}

}  // namespace casekit::cli
