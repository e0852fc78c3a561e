// How `casekit ... --help` is laid out: CLI11's own layout, with usage
// lines that show every word to type (`casekit plan CLIENT add-goal
// [OPTIONS]`) and option lines without CLI11's "Excludes:" lists, which
// said more about the parser than about the option.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace casekit::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
};

}  // namespace casekit::cli
