#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cassert>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"

namespace casekit::cli {

const std::vector<Command>& command_table() {
  // A command that changes a client needs only `client`: it loads the
  // record itself, under the client's lock. init makes a case folder;
  // check --list-rules and --explain run anywhere; git runs merge-driver
  // on files outside the case folder; completion must never print an error.
  static const std::vector<Command> table = {
      {"init", "Make a new, empty case folder", Needs::nothing, setup_init},
      {"new-client", "Add a client with an intake and assessment", Needs::case_folder,
       setup_new_client},
      {"edit",
       "Edit a client's intake, assessment or plan in a text editor, checked before it is saved",
       Needs::client, setup_edit},
      {"plan", "Write and update a client's individual service plan", Needs::client, setup_plan},
      {"note", "Add a S.O.A.P.D. progress note, or list a client's notes", Needs::client,
       setup_note},
      {"close", "Close a client's case with a reason and an exit summary", Needs::client,
       setup_close},
      {"show", "Show one client's record in the terminal", Needs::valid_client, setup_show},
      {"list", "List the caseload, one line per client", Needs::case_folder, setup_list},
      {"check", "Run the desk guides' checklists on the records, like a linter", Needs::nothing,
       setup_check},
      {"export", "Export records as Markdown or HTML to print, or as JSON, CSV or FHIR data",
       Needs::case_folder, setup_export},
      {"disclosures", "List what export --for sent of a client, to whom, when and by whom",
       Needs::client, setup_disclosures},
      {"due", "List what is due or overdue across the caseload, most urgent first",
       Needs::case_folder, setup_due},
      {"hook", "Install the git hooks and merge driver for the case folder", Needs::nothing,
       setup_hook},
      {"merge-driver", "Merge two copies of a plan.yaml or client.yaml (run by git)",
       Needs::nothing, setup_merge_driver},
      {"fix-renumbered",
       "After a merge, point the other copy's notes at its renumbered items (run by git)",
       Needs::case_folder, setup_fix_renumbered},
      {"completion", "Print a shell's completion script (bash, zsh or fish)", Needs::nothing,
       setup_completion},
      {"review",
       "Keep a supervisor's coaching review of a client's record, or acknowledge or list them",
       Needs::client, setup_review},
      {"attach", "Keep a signed plan, a release or a form in the client's documents", Needs::client,
       setup_attach},
      {"search", "Find text across the caseload's records and notes, as grep does",
       Needs::case_folder, setup_search},
      {"log", "Show one client's record over time: intake, plan changes, notes, closure",
       Needs::valid_client, setup_log},
      {"assess", "Add a dated reassessment of a client; the earlier ones are kept", Needs::client,
       setup_assess},
      {"reopen", "Reopen a closed case as a new episode; the earlier one is kept", Needs::client,
       setup_reopen},
      {"schema", "Write the JSON Schemas of the records, for an editor's YAML language server",
       Needs::nothing, setup_schema},
      {"lsp", "Run the language server an editor starts: check's findings as you type",
       Needs::nothing, setup_lsp},
  };
  return table;
}

void build_app(CLI::App& app, Context& context) {
  // Set before the commands are made: each subcommand inherits it.
  app.formatter(std::make_shared<HelpFormatter>());
  app.description(
      "casekit keeps a caseload as plain YAML files under git and checks them\n"
      "against the case management desk guides. See casekit(1) and casekit(5).");
  app.set_version_flag("--version", std::string("casekit ") + CASEKIT_VERSION);
  app.add_option("-C,--case-folder", context.case_folder,
                 "Use this case folder instead of the one at or above the current folder");
  app.require_subcommand(1);
  app.fallthrough();
  for (const auto& command : command_table()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    if (command.needs >= Needs::client)
      sub->add_option("client", context.client, "The client's id")->required();
    command.setup(*sub, context);
  }
  // The root's parse-complete callback runs once the whole line is parsed
  // and checked, before any command's own callback.
  app.parse_complete_callback([&app, &context] {
    for (const auto& command : command_table())
      if (app.got_subcommand(command.name)) context.prepare(command.needs);
  });
  app.footer(
      "Exit status: 0 ok, 1 problems found (check) or something overdue (due),\n"
      "2 usage or invalid input, 3 the file system refused (permissions, disk\n"
      "full), 4 internal error.\n"
      "Run `casekit COMMAND --help` for a command's options.");
}

void Context::prepare(Needs needs) {
  if (needs == Needs::nothing) return;
  const CaseFolder& located = folder();
  if (needs == Needs::client) located.require_client(client);
  if (needs != Needs::valid_client) return;
  loaded_ = load_record(located, client);
  loaded_->require_valid("the record cannot be shown");
}

const CaseFolder& Context::folder() {
  if (!folder_)
    folder_ =
        CaseFolder::locate(case_folder ? std::optional<fs::path>(*case_folder) : std::nullopt);
  return *folder_;
}

const ClientRecord& Context::record() const {
  assert(loaded_ && loaded_->valid());
  return *loaded_->record;
}

std::string usage_message(const CLI::App* app, const CLI::Error& error) {
  // The deepest command that was recognised is the one whose help to show.
  // Positionals of the commands on the way (plan's CLIENT) are part of it.
  const CLI::App* deepest = app;
  std::string path = "casekit";
  for (auto parsed = deepest->get_subcommands(); !parsed.empty();
       parsed = deepest->get_subcommands()) {
    for (const auto* option : deepest->get_options())
      if (option->get_positional() && deepest != app && option->count() == 1)
        path += " " + option->as<std::string>();
    deepest = parsed.front();
    path += " " + deepest->get_name();
  }
  std::string message = fmt::format("casekit: error: {}", error.what());
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    std::vector<std::string> names;
    for (const auto* sub : deepest->get_subcommands({})) names.push_back(sub->get_name());
    std::string what = error.what();
    std::string extra = what.substr(what.rfind(": ") + 2);
    extra = extra.substr(0, extra.find(' '));
    if (!extra.empty()) {
      std::string guess = did_you_mean(extra, names);
      if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
    }
  }
  // CLI11's messages quote what was typed.
  return printable(fmt::format("{}\nRun `{} --help` for the options.\n", message, path), "\n");
}

namespace {

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

void refuse_unknown(const std::string& word, const std::vector<std::string>& names,
                    const std::string& what, const std::string& help) {
  if (std::find(names.begin(), names.end(), word) != names.end()) return;
  std::string guess = did_you_mean(word, names);
  throw Error(fmt::format("'{}' is not {}", word, what),
              guess.empty() ? fmt::format("run `{} --help` for the list", help)
                            : fmt::format("did you mean '{}'?", guess));
}

// The index of the first word after the global options: the command. An
// option's value is skipped when the app says the option takes one, so no
// option's name is written twice.
int command_word_index(const CLI::App& app, int argc, char** argv) {
  int i = 1;
  while (i < argc && argv[i][0] == '-') {
    std::string word = argv[i++];
    if (word.find('=') != std::string::npos) continue;
    const CLI::Option* option = app.get_option_no_throw(word);
    if (option && option->get_items_expected_min() > 0) ++i;
  }
  return i;
}

}  // namespace

void refuse_unknown_command(const CLI::App& app, int argc, char** argv) {
  int i = command_word_index(app, argc, argv);
  if (i >= argc) return;
  std::string command = argv[i];
  refuse_unknown(command, subcommand_names(app), "a casekit command", "casekit");
  if (command != "plan") return;
  // `plan CLIENT VERB ...`: the second word that is not an option is the verb.
  std::vector<std::string> words;
  for (int k = i + 1; k < argc && words.size() < 2; ++k)
    if (argv[k][0] != '-') words.push_back(argv[k]);
  if (words.size() == 2)
    refuse_unknown(words[1], subcommand_names(*app.get_subcommand("plan")),
                   "a change `casekit plan` makes", "casekit plan " + words[0]);
}

namespace {

// Every one_of() list, by the validator's name ("one-of-3"): CLI11 keeps
// validators by name, so completion finds the words without reading them
// back out of the help text.
std::vector<std::vector<std::string>>& choice_lists() {
  static std::vector<std::vector<std::string>> lists;
  return lists;
}
constexpr std::string_view choices_prefix = "one-of-";

}  // namespace

namespace {

// A name for the validator of `words`, under which completion finds them.
std::string remember_choices(const std::vector<std::string>& words) {
  std::string name = fmt::format("{}{}", choices_prefix, choice_lists().size());
  choice_lists().push_back(words);
  return name;
}

}  // namespace

CLI::Validator suggested(std::vector<std::string> words) {
  std::string name = remember_choices(words);
  return CLI::Validator([](std::string&) { return std::string(); },
                        fmt::format("one of: {}", fmt::join(words, ", ")), name);
}

CLI::Validator one_of(std::vector<std::string> words) {
  std::string list = fmt::format("{}", fmt::join(words, ", "));
  std::string name = remember_choices(words);
  return CLI::Validator(
      [words, list](std::string& value) -> std::string {
        if (std::find(words.begin(), words.end(), value) != words.end()) return {};
        std::string guess = did_you_mean(value, words);
        return fmt::format("'{}' is not one of: {}{}", value, list,
                           guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess));
      },
      "one of: " + list, name);
}

std::vector<std::string> choices_of(CLI::Option& option) {
  for (int index = 0;; ++index) {
    const CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(index);
    } catch (const CLI::OptionNotFound&) {
      return {};
    }
    const std::string& name = validator->get_name();
    if (name.rfind(choices_prefix, 0) != 0) continue;
    return choice_lists().at(std::stoul(name.substr(choices_prefix.size())));
  }
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) fmt::print(stderr, "{}\n", format_diagnostic(d));
}

}  // namespace casekit::cli
