#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/json_text.hpp"
#include "cli/commands.hpp"
#include "views/search.hpp"

namespace casekit::cli {

namespace {

std::string json_hits(const SearchQuery& query, const SearchResult& result) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const auto& hit : result.hits)
    hits.push_back({{"client", hit.client},
                    {"file", hit.file},
                    {"line", hit.line},
                    {"field", hit.field},
                    {"text", hit.text}});
  return json_text({{"query", query.text}, {"matches", hits}}) + "\n";
}

// FILE:LINE: KEY: the line, the key left out when the line starts with it.
std::string text_hits(const SearchResult& result) {
  std::string out;
  for (const auto& hit : result.hits) {
    std::string key = hit.field + ":";
    bool shown = hit.field.empty() || hit.text.starts_with(key) || hit.text.starts_with("- " + key);
    out += fmt::format("{}:{}: {}{}\n", hit.file, hit.line, shown ? "" : key + " ", hit.text);
  }
  return out;
}

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
    SearchResult result = search_caseload(folder, o->query);
    for (const auto& skipped : result.skipped)
      fmt::print(stderr, "casekit: warning: not searched: {}\n", skipped);
    fmt::print("{}", o->format == "json" ? json_hits(o->query, result) : text_hits(result));
    // As grep: 1 when nothing matched, so scripts can test it.
    if (result.hits.empty()) context.status = ExitStatus::findings;
  });
}

}  // namespace casekit::cli
