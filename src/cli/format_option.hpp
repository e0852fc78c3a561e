// --format for a command whose formats are a table (export, due): the
// choices and the help are the rows' names and summaries, so a new row is
// offered, checked and explained without touching the command.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace casekit::cli {

// `rows` are format rows with a `name` and a `summary`.
template <typename Rows>
CLI::Option* add_format_option(CLI::App& command, std::string& value, const Rows& rows) {
  std::vector<std::string> names;
  std::string help = "The format:";
  for (const auto& row : rows) {
    names.emplace_back(row.name);
    help += fmt::format("\n  {}: {}", row.name, row.summary);
  }
  return command.add_option("--format", value, help)->check(one_of(names));
}

}  // namespace casekit::cli
