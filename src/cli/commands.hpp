// The table of commands, as ninja keeps its tools: a name, a one-line
// summary and a setup function that adds the command's options and action
// to the parser. --help, the man page tests and completions read this table.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "record/case_folder.hpp"
#include "record/load.hpp"

namespace casekit::cli {

// What a command needs before it runs, as ninja's Tool::when says when a
// tool runs. The table does the step, so that every command refuses a
// missing case folder, an unknown client or an invalid record alike.
enum class Needs {
  nothing,      // the command finds what it needs itself, if anything
  case_folder,  // -C FOLDER, or the case folder at or above the current one
  client,       // and an existing client, the command's first word (CLIENT)
  valid_client  // and that client's record, loaded, with no format error
};

// What every command can see: the global options, what its row needs,
// and where to report.
struct Context {
  std::optional<std::string> case_folder;  // -C FOLDER
  std::string client;                      // CLIENT, for a command that needs a client
  ExitStatus status = ExitStatus::ok;

  // Does the steps `needs` names; the table calls it once the command line
  // is parsed, before the command runs.
  void prepare(Needs needs);
  // The case folder, located on first use.
  const CaseFolder& folder();
  // The client's record; only for a command that needs a valid client.
  const ClientRecord& record() const;

 private:
  std::optional<CaseFolder> folder_;
  std::optional<LoadedRecord> loaded_;
};

struct Command {
  const char* name;
  const char* summary;
  Needs needs;
  void (*setup)(CLI::App& command, Context& context);
};

const std::vector<Command>& command_table();

// Builds the whole parser from the table.
void build_app(CLI::App& app, Context& context);

// One setup function per command, each in its own file.
void setup_init(CLI::App& command, Context& context);
void setup_new_client(CLI::App& command, Context& context);
void setup_edit(CLI::App& command, Context& context);
void setup_plan(CLI::App& command, Context& context);
void setup_note(CLI::App& command, Context& context);
void setup_close(CLI::App& command, Context& context);
void setup_assess(CLI::App& command, Context& context);
void setup_reopen(CLI::App& command, Context& context);
void setup_show(CLI::App& command, Context& context);
void setup_list(CLI::App& command, Context& context);
void setup_check(CLI::App& command, Context& context);
void setup_export(CLI::App& command, Context& context);
void setup_disclosures(CLI::App& command, Context& context);
void setup_review(CLI::App& command, Context& context);
void setup_attach(CLI::App& command, Context& context);
void setup_search(CLI::App& command, Context& context);
void setup_log(CLI::App& command, Context& context);
void setup_due(CLI::App& command, Context& context);
void setup_hook(CLI::App& command, Context& context);
void setup_merge_driver(CLI::App& command, Context& context);
void setup_schema(CLI::App& command, Context& context);
void setup_fix_renumbered(CLI::App& command, Context& context);
void setup_completion(CLI::App& command, Context& context);
void setup_lsp(CLI::App& command, Context& context);

// The message for a command line CLI11 could not parse: the problem, a
// did-you-mean for a mistyped command, and which --help to read.
std::string usage_message(const CLI::App* app, const CLI::Error& error);

// Refuses a first word that is not a command, with a did-you-mean
// (CLI11 would only say that a subcommand is required).
void refuse_unknown_command(const CLI::App& app, int argc, char** argv);

// An option value that must be one of `words`; the error offers the
// closest word ("'acheived' is not one of: ... (did you mean 'achieved'?)").
CLI::Validator one_of(std::vector<std::string> words);
// Words completion offers for an option that also takes others (a
// language a case folder adds); the help shows them as one_of's do.
CLI::Validator suggested(std::vector<std::string> words);
// The words an option's one_of() or suggested() names, for completion; empty when it
// has none. Read from one_of's own list, not from the help text.
std::vector<std::string> choices_of(CLI::Option& option);

// Prints one line per finding to stderr, compiler style.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// A step, its date and who takes it, written "STEP | DATE | WHO" (the
// last two optional) in --milestone and --next; the date is checked. The
// errors name `field`, the option's field (milestone).
struct StepSpec {
  std::string step, date, who;
};
StepSpec parse_step(const std::string& spec, const char* field);

// A change to a closed case is allowed (a late note, a correction) but
// worth a word: it may be the wrong client.
void warn_if_closed(const Client& client);

// Commits the files a command wrote, when casekit.yaml asks for it; a
// failed commit is a warning, since the change is written and stays.
void record_in_git(const CaseFolder& folder, const std::vector<fs::path>& paths,
                   const std::string& message);
// "note: add 2026-11-20 in-person note for marcus-jones"
std::string note_commit_message(const std::string& client, const fs::path& note);

// Whether a command may use and write its cache of unchanged clients
// (.casekit/cache): not with --no-cache (`no_cache_option`), nor with
// CASEKIT_NO_CACHE=1, for scripts and tests that must leave the case folder
// exactly as it was.
bool use_cache(bool no_cache_option);

// Reads all of a file, or standard input for "-"; capped like records.
std::string read_input(const std::string& path);

}  // namespace casekit::cli
