// `casekit completion SHELL` prints a completion script; the script calls
// `casekit completion --complete -- WORDS...`, answered here from the same
// parser (built from the command table) that --help describes.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "cli/commands.hpp"
#include "views/completion.hpp"

namespace casekit::cli {
namespace {

// What the value of an option or positional, by its name, is: the one place
// that ties option names to what completes them.
const std::map<std::string, std::string>& value_kinds() {
  static const std::map<std::string, std::string> kinds = {
      {"client", "clients"},   {"paths", "clients"},  {"goal", "ids:G"},      {"need", "ids:N"},
      {"service", "ids:S"},    {"referral", "ids:R"}, {"long-term", "ids:L"}, {"explain", "rules"},
      {"case-folder", "dirs"}, {"folder", "dirs"},    {"from", "files"},      {"file", "files"},
      {"document", "ids:D"},   {"repo", "dirs"},
  };
  return kinds;
}

std::string kind_of(const std::string& name) {
  auto found = value_kinds().find(name);
  return found == value_kinds().end() ? "" : found->second;
}

CompletionNode node_of(CLI::App& app) {
  CompletionNode node{app.get_name(), {}, {}, {}};
  for (CLI::Option* option : app.get_options()) {
    if (option->get_positional() && option->get_lnames().empty()) {
      node.positionals.push_back(
          {kind_of(option->get_name(true)), option->get_items_expected_max() > 1});
      continue;
    }
    CompletionOption out{{}, option->get_type_size() > 0, {}, choices_of(*option)};
    for (const auto& name : option->get_lnames()) out.names.push_back("--" + name);
    for (const auto& name : option->get_snames()) out.names.push_back("-" + name);
    if (!option->get_lnames().empty()) out.kind = kind_of(option->get_lnames().front());
    node.options.push_back(out);
  }
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    node.subcommands.push_back(node_of(*sub));
  return node;
}

void print_completions(CLI::App& root, const std::vector<std::string>& words,
                       const Context& context) {
  Completion answer =
      complete_line(node_of(root), words.empty() ? std::vector<std::string>{""} : words);
  if (answer.lookup == "files" || answer.lookup == "dirs") return fmt::print("{}\n", answer.lookup);
  std::vector<std::string> found = answer.words;
  if (!answer.lookup.empty()) {
    // A line that names no case folder, or a record that cannot be read,
    // completes nothing rather than printing an error into the prompt.
    try {
      std::optional<std::string> given =
          answer.case_folder.empty() ? context.case_folder : answer.case_folder;
      CaseFolder folder =
          CaseFolder::locate(given ? std::optional<fs::path>(*given) : std::nullopt);
      found = starting_with(lookup_words(folder, answer.lookup, answer.client), answer.prefix);
    } catch (const Error&) {
    }
  }
  fmt::print("words\n");
  for (const auto& word : found) fmt::print("{}\n", word);
}

}  // namespace

void setup_completion(CLI::App& command, Context& context) {
  auto args = std::make_shared<std::vector<std::string>>();
  auto complete = std::make_shared<bool>(false);
  command.add_option("shell", *args, "bash, zsh or fish; with --complete, the words typed so far");
  command.add_flag("--complete", *complete,
                   "Print what completes the last of the words (used by the scripts)");
  command.callback([&command, args, complete, &context] {
    if (*complete) return print_completions(*command.get_parent(), *args, context);
    static const std::vector<std::string> shells = {"bash", "zsh", "fish"};
    if (args->size() != 1 || std::find(shells.begin(), shells.end(), args->front()) == shells.end())
      throw Error("name one shell: bash, zsh or fish", "for example `casekit completion bash`");
    fmt::print("{}", completion_script(args->front()));
  });
}

}  // namespace casekit::cli
