#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "check/check.hpp"
#include "check/report.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "edit/plan_edits.hpp"
#include "git/git.hpp"
#include "views/quality.hpp"

namespace casekit::cli {
namespace {

struct CheckOptionsCli {
  std::vector<std::string> clients;
  std::string format{check_formats().front().name};
  std::string fail_on = "error", as_of, explain, changed_since;
  bool list_rules = false, no_cache = false;
};

void list_rules() {
  for (const auto& rule : rule_catalogue())
    fmt::print("{:<34} {:<8} {:<19} {}\n", rule.id, to_string(rule.severity), rule.checklist,
               rule.source);
}

// "text, json, ... or checklist": the formats of the table, for --help.
std::string format_names() {
  std::string out;
  auto formats = check_formats();
  for (std::size_t i = 0; i < formats.size(); ++i)
    out += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + std::string(formats[i].name);
  return out;
}

void run(const CheckOptionsCli& o, Context& context) {
  if (o.list_rules) return list_rules();
  if (!o.explain.empty()) {
    const RuleInfo* rule = find_rule(o.explain);
    if (!rule) {
      std::vector<std::string> ids;
      for (const auto& r : rule_catalogue()) ids.push_back(r.id);
      std::string guess = did_you_mean(o.explain, ids);
      throw Error(fmt::format("there is no rule '{}'", o.explain),
                  guess.empty() ? "`casekit check --list-rules` lists them"
                                : fmt::format("did you mean '{}'?", guess));
    }
    fmt::print("{}", explain_rule(*rule));
    return;
  }
  Date today_date = o.as_of.empty() ? today() : *Date::parse(require_date(o.as_of, "as_of"));
  CaseFolder folder = context.folder();
  const CheckFormat& format = *find_check_format(o.format);
  bool terminal = ::isatty(STDOUT_FILENO) != 0;
  CheckTargets targets = resolve_targets(folder, o.clients);
  CheckOptions options{
      today_date, targets.clients, format.for_people && terminal, targets.files, {}};
  if (!o.changed_since.empty()) {
    options.clients = clients_changed_since(folder, o.changed_since);
    // None changed means none checked: each format's report over zero clients.
    options.only_listed = true;
    if (options.clients.empty())
      fmt::print(stderr, "casekit: no client changed since {}\n", printable(o.changed_since));
  }
  // Progress on a terminal, for runs long enough to wonder about.
  if (::isatty(STDERR_FILENO))
    options.progress = [](std::size_t done, std::size_t total) {
      if (total >= 500 && (done % 100 == 0 || done == total))
        fmt::print(stderr, "\rcasekit: checking clients: {}/{}{}", done, total,
                   done == total ? "\n" : "");
    };
  options.rule_coverage = format.rule_coverage;
  options.use_cache = use_cache(o.no_cache);
  ReportOptions report{
      today_date.str(),
      {terminal, terminal && std::getenv("NO_COLOR") == nullptr, terminal_width()}};
  // Each client's part of the report is printed as soon as it is checked.
  std::unique_ptr<ReportWriter> writer = format.writer(report);
  std::vector<std::pair<std::string, std::size_t>> counts;  // the checklist's quality over time
  options.on_client = [&](const ClientReport& client) {
    fmt::print("{}", writer->client(client));
    if (!client.id.empty()) counts.emplace_back(client.id, client.findings.size());
  };
  CheckResult result = run_check(folder, options);
  std::size_t errors = result.count(Severity::error),
              warnings = result.count(Severity::warning) - errors;
  std::size_t infos = result.count(Severity::info) - errors - warnings;
  fmt::print("{}", writer->end({errors, warnings, infos, result.clients_checked}));
  // The supervisor's view ends with quality over time, once there are reviews.
  if (format.quality_over_time)
    fmt::print("{}", render_quality_text(folder_quality(folder, counts, today_date)));
  Severity threshold = *parse_severity(o.fail_on);
  auto plural = [](std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  // The findings first, also where stdout and stderr share a pipe (a CI
  // log): stdout is block-buffered there, stderr is not.
  std::fflush(stdout);
  // Info findings are "info", not "notes", which are the progress notes.
  if (format.for_people)
    fmt::print(stderr, "casekit: checked {}: {}, {}{}\n", plural(result.clients_checked, "client"),
               plural(errors, "error"), plural(warnings, "warning"),
               infos ? fmt::format(", {} info", infos) : "");
  if (result.spelling_unavailable)
    fmt::print(stderr,
               "casekit: spelling was not checked: no dictionary (install hunspell-en-us, or set "
               "CASEKIT_DICTIONARY)\n");
  if (result.count(threshold) > 0) context.status = ExitStatus::findings;
}

}  // namespace

void setup_check(CLI::App& command, Context& context) {
  auto o = std::make_shared<CheckOptionsCli>();
  command.add_option("paths", o->clients,
                     "What to check: client ids, a client's folder, single files, or the case "
                     "folder (default: all)");
  std::vector<std::string> formats;
  for (const auto& format : check_formats()) formats.emplace_back(format.name);
  command.add_option("--format", o->format, format_names())->check(one_of(formats));
  command
      .add_option("--fail-on", o->fail_on,
                  "Exit 1 when a finding of this severity or worse is found: error, warning, info")
      ->check(one_of({"error", "warning", "info"}));
  command.add_option("--as-of", o->as_of, "Check as if today were this date (YYYY-MM-DD)");
  command.add_flag("--list-rules", o->list_rules,
                   "List every rule: id, severity, checklist, source");
  command.add_option("--explain", o->explain, "Explain a rule: what it checks, why, and examples");
  command
      .add_option("--changed-since", o->changed_since,
                  "Only the clients whose files changed since this git revision")
      ->excludes("paths");
  command.add_flag("--no-cache", o->no_cache,
                   "Read every file: neither use nor write the cache of unchanged clients");
  command.callback([o, &context] { run(*o, context); });
}

}  // namespace casekit::cli
