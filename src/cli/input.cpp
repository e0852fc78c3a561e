#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "cli/commands.hpp"
#include "edit/plan_edits.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit::cli {

void warn_if_closed(const Client& client) {
  if (client.status != "closed") return;
  fmt::print(stderr, "casekit: warning: the case of {} was closed{}; the change was made\n",
             client.id, client.closure.date ? " on " + client.closure.date->str() : "");
}

bool use_cache(bool no_cache_option) {
  const char* no_cache = std::getenv("CASEKIT_NO_CACHE");
  return !no_cache_option && !(no_cache && *no_cache && std::string(no_cache) != "0");
}

StepSpec parse_step(const std::string& spec, const char* field) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t bar; (bar = spec.find('|', start)) != std::string::npos; start = bar + 1)
    parts.push_back(spec.substr(start, bar - start));
  parts.push_back(spec.substr(start));
  for (auto& p : parts) {
    p.erase(0, p.find_first_not_of(' '));
    p.erase(p.find_last_not_of(' ') + 1);
  }
  if (parts.size() > 3 || parts[0].empty())
    throw Error(
        fmt::format("{} '{}' should be STEP, or STEP | DATE | WHO", input_field(field), spec),
        fmt::format("for example {} \"Register for classes | 2026-12-01 | Marcus\"",
                    input_field(field)));
  StepSpec out{parts[0], parts.size() > 1 ? parts[1] : "", parts.size() > 2 ? parts[2] : ""};
  if (!out.date.empty()) require_date(out.date, field);
  return out;
}

std::string read_input(const std::string& path) {
  if (path != "-") {
    auto text = real_file_system().read(path, max_file_bytes);
    if (!text) throw Error(ExitStatus::usage, {path, 0, 0}, "the file does not exist");
    return *text;
  }
  std::string data;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(ExitStatus::io, {"<stdin>", 0, 0}, "could not read standard input");
    if (n == 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > max_file_bytes)
      throw Error(ExitStatus::usage, {"<stdin>", 0, 0},
                  fmt::format("the input is larger than {} MiB",
                              max_file_bytes / (std::size_t{1024} * 1024)));
  }
  return data;
}

}  // namespace casekit::cli
