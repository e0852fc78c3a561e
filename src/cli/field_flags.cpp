#include "cli/field_flags.hpp"

#include <algorithm>

namespace casekit::cli {
namespace {

// The commands on the line, outermost first: casekit, plan, add-goal.
std::vector<const CLI::App*> parsed_chain(const CLI::App& app) {
  std::vector<const CLI::App*> chain{&app};
  for (;;) {
    std::vector<CLI::App*> parsed = chain.back()->get_subcommands();
    if (parsed.empty()) return chain;
    chain.push_back(parsed.front());
  }
}

}  // namespace

std::string option_of_field(std::string field) {
  std::replace(field.begin(), field.end(), '_', '-');
  return "--" + field;
}

std::string field_of_option(std::string long_name) {
  std::replace(long_name.begin(), long_name.end(), '-', '_');
  return long_name;
}

std::map<std::string, std::string> field_option_table(const CLI::App& app) {
  std::map<std::string, std::string> table;
  // The innermost command's option wins over a global one of the same field.
  for (const CLI::App* command : parsed_chain(app))
    for (const CLI::Option* option : command->get_options())
      for (const std::string& name : option->get_lnames())
        table[field_of_option(name)] = "--" + name;
  return table;
}

FieldNamer option_namer(const CLI::App& app) {
  return [table = field_option_table(app)](const std::string& field) {
    auto found = table.find(field);
    return found == table.end() ? field_in_words(field) : found->second;
  };
}

}  // namespace casekit::cli
