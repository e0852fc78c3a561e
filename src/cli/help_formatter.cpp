#include "cli/help_formatter.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace casekit::cli {

namespace {

// A positional as the usage line shows it: CLIENT, [PATHS...].
std::string positional_word(const CLI::Option* option) {
  std::string word = option->get_name(true, false);
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (option->get_expected_max() > 1) word += "...";
  return option->get_required() ? word : "[" + word + "]";
}

std::vector<std::string> positional_words(const CLI::App* app) {
  std::vector<std::string> words;
  for (const CLI::Option* option :
       app->get_options([](const CLI::Option* o) { return o->get_positional(); }))
    words.push_back(positional_word(option));
  return words;
}

// The words before this command's own: each parent's name and the
// positionals it takes before its subcommand (`plan CLIENT`).
std::string command_path(const CLI::App* app) {
  std::string path = app->get_name();
  for (const CLI::App* parent = app->get_parent(); parent; parent = parent->get_parent()) {
    std::string words = parent->get_name();
    for (const auto& word : positional_words(parent)) words += " " + word;
    path = words + " " + path;
  }
  return path;
}

}  // namespace

std::string HelpFormatter::make_usage(const CLI::App* app, std::string) const {
  std::string out = "Usage: " + command_path(app);
  bool has_verbs = !app->get_subcommands([](const CLI::App* sub) {
                         return !sub->get_disabled() && !sub->get_name().empty();
                       })
                        .empty();
  for (const auto& word : positional_words(app)) out += " " + word;
  // The top level takes a command (`casekit check`); `plan` a verb.
  std::string verb = app->get_parent() ? "VERB" : "COMMAND";
  if (has_verbs) out += app->get_require_subcommand_min() == 0 ? " [" + verb + "]" : " " + verb;
  if (!app->get_options([](const CLI::Option* o) { return o->nonpositional(); }).empty())
    out += " [OPTIONS]";
  return out + "\n";
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (!option->get_option_text().empty()) return " " + option->get_option_text();
  std::string out;
  if (option->get_type_size() != 0) {
    if (!option->get_type_name().empty()) out += " " + option->get_type_name();
    if (!option->get_default_str().empty()) out += "=" + option->get_default_str();
    if (option->get_required()) out += " REQUIRED";
  }
  return out;
}

}  // namespace casekit::cli
