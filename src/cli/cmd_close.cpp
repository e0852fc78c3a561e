// `casekit close CLIENT`: ends what still runs, asks whether the releases
// end (on a terminal, when neither --end-releases nor --keep-releases
// says), and records the closure with its follow-ups after exit.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <iostream>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "edit/close_case.hpp"

namespace casekit::cli {
namespace {

struct CloseOptions {
  std::string reason, summary, date, exit_plan;
  bool end_all = false, end_releases = false, keep_releases = false, force = false;
};

// y or n from the terminal; nothing when the answer is neither.
std::optional<bool> ask_releases(const std::vector<std::string>& partners) {
  std::vector<std::string> shown;
  for (const auto& partner : partners) shown.push_back(printable(partner));
  fmt::print(stderr, "End the release{} with {} on the closure date? [y/n] ",
             partners.size() == 1 ? "" : "s", fmt::join(shown, ", "));
  std::string answer;
  if (!std::getline(std::cin, answer)) return std::nullopt;
  if (answer == "y" || answer == "yes") return true;
  if (answer == "n" || answer == "no") return false;
  return std::nullopt;
}

CloseRequest request_of(const CloseOptions& o, const Settings& settings) {
  CloseRequest request;
  request.date = o.date.empty() ? today().str() : o.date;
  request.reason = o.reason;
  request.summary = o.summary;
  request.exit_plan = o.exit_plan;
  request.end_all = o.end_all;
  if (o.end_releases || o.keep_releases) request.end_releases = o.end_releases;
  request.follow_up_months = settings.follow_up_months;
  if (!request.end_releases && ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO))
    request.ask_releases = ask_releases;
  return request;
}

void close_case(const CloseOptions& o, Context& context) {
  CaseFolder folder = context.folder();
  ClientEdit edit(folder, context.client);
  edit.keep_implausible(o.force);
  const SettingsByProfile programs(folder.settings());
  CloseRequest request = request_of(o, programs.for_client(edit.record().client.profile));
  std::vector<std::string> ended = close_client(edit, request);
  std::vector<fs::path> written = edit.save();
  fmt::print("Closed the case of {}\n", context.client);
  if (!ended.empty()) fmt::print("Ended on {}: {}\n", request.date, fmt::join(ended, ", "));
  if (!request.follow_up_months.empty())
    fmt::print("Follow-ups after exit: {} months after closure (casekit due lists them)\n",
               fmt::join(request.follow_up_months, ", "));
  record_in_git(folder, written, fmt::format("close: close the case of {}", context.client));
}

}  // namespace

void setup_close(CLI::App& command, Context& context) {
  auto o = std::make_shared<CloseOptions>();
  command.add_option("--reason", o->reason, "Why the case is closed (goals met, moved, ...)")
      ->required();
  command.add_option("--summary", o->summary,
                     "The exit summary: what was achieved, what continues");
  command.add_option("--exit-plan", o->exit_plan,
                     "The exit plan: how the client leaves and what support continues");
  command.add_option("--date", o->date, "Date of closure (default: today)");
  command.add_flag("--end-all", o->end_all,
                   "End the active goals (discontinued), active services (completed) and "
                   "planned services (discontinued) on the closure date");
  auto* end = command.add_flag("--end-releases", o->end_releases,
                               "The releases in force end on the closure date");
  auto* keep = command.add_flag("--keep-releases", o->keep_releases,
                                "The releases in force stay until their own end");
  end->excludes(keep);
  command.add_flag("--force", o->force, "Keep a closure date after today, with a warning");
  command.callback([o, &context] { close_case(*o, context); });
}

}  // namespace casekit::cli
