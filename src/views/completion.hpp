// Shell completion: the command tree as plain values (built from the same
// command table as --help), what to offer for a partly typed command line,
// and the bash, zsh and fish scripts that ask casekit for it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "record/case_folder.hpp"

namespace casekit {

// What an option's value or a positional argument is, for completion:
// "" (free text), "clients", "rules", "ids:G" (a client's ids with that
// prefix), "files", "dirs", or one of `choices`.
struct CompletionOption {
  std::vector<std::string> names;  // "--goal", "-C"
  bool takes_value = false;
  std::string kind;
  std::vector<std::string> choices;
};

struct CompletionPositional {
  std::string kind;
  bool repeats = false;  // takes any number of words
};

struct CompletionNode {
  std::string name;
  std::vector<CompletionOption> options;
  std::vector<CompletionPositional> positionals;
  std::vector<CompletionNode> subcommands;
};

// What to offer for the word being typed: fixed words, or words to look up
// in the case folder (kind "clients", "rules", "ids:P" with the client named
// earlier on the line), or file or folder names (the shell completes those).
struct Completion {
  std::vector<std::string> words;
  std::string lookup;       // a kind to look up; empty: none
  std::string client;       // the client named on the line, for ids
  std::string case_folder;  // -C FOLDER, if given
  std::string prefix;       // the word being typed
};

// `words` are the words after the program's name; the last one is the word
// being typed (empty after a space).
Completion complete_line(const CompletionNode& root, const std::vector<std::string>& words);

// The words of a kind in the case folder: client ids, a client's item ids
// with a prefix ("ids:G"), or rule ids. Nothing when the record cannot be read.
std::vector<std::string> lookup_words(const CaseFolder& folder, const std::string& kind,
                                      const std::string& client);

// The words of `words` that start with `prefix`, in order.
std::vector<std::string> starting_with(const std::vector<std::string>& words,
                                       std::string_view prefix);

// The completion script for "bash", "zsh" or "fish".
std::string completion_script(std::string_view shell);

}  // namespace casekit
