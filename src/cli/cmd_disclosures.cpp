#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/json_text.hpp"
#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "record/disclosures.hpp"
#include "record/load.hpp"

namespace casekit::cli {

namespace {

// Every field goes through printable(): an entry edited by hand may hold
// a YAML escape (check reports the edit; the list still shows it).
std::string text_list(const std::vector<Disclosure>& entries) {
  std::string out;
  for (const Disclosure& d : entries) {
    std::string shares = d.shares.empty() ? "-" : fmt::format("{}", fmt::join(d.shares, ","));
    out += printable(fmt::format("{}{}{}  {}  release signed {}  {}  {}  by {}  {}", d.date,
                                 d.time.empty() ? "" : " ", d.time, d.partner, d.release_signed,
                                 shares, d.format, d.by, d.hash.substr(0, 7 + 12))) +
           "\n";
  }
  return out;
}

std::string json_list(const std::string& id, const std::vector<Disclosure>& entries) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Disclosure& d : entries)
    list.push_back(
        {{"date", d.date},
         {"time", d.time.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.time)},
         {"partner", d.partner},
         {"release_signed", d.release_signed},
         {"shares", d.shares},
         {"format", d.format},
         {"by", d.by},
         {"output", d.output},
         {"hash", d.hash}});
  return json_text({{"client", id}, {"disclosures", list}}) + "\n";
}

}  // namespace

void setup_disclosures(CLI::App& command, Context& context) {
  auto format = std::make_shared<std::string>("text");
  command.add_option("--format", *format, "text (one line per disclosure) or json")
      ->check(one_of({"text", "json"}));
  command.callback([format, &context] {
    const CaseFolder& folder = context.folder();
    ClientFiles files = folder.load_client(context.client);
    std::vector<Disclosure> entries;
    if (files.disclosures && files.disclosures->parsed)
      entries = read_disclosures(files.disclosures->tree);
    if (*format == "json")
      fmt::print("{}", json_list(context.client, entries));
    else if (entries.empty())
      fmt::print(stderr, "casekit: nothing of {} was sent to a partner yet\n", context.client);
    else
      fmt::print("{}", text_list(entries));
    // The list is only as good as the file: a changed entry is said, with
    // its line, and the exit status is 2.
    std::vector<Diagnostic> problems;
    for (const auto& d : files.diagnostics)
      if (files.disclosures && d.location.file == files.disclosures->display) problems.push_back(d);
    refuse_if_errors(problems, "the accounting of disclosures was changed");
  });
}

}  // namespace casekit::cli
