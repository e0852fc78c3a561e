// What to offer for a partly typed command line. The shell scripts pass the
// words to `casekit completion --complete`, so every shell completes the
// same way, from the same command tree as --help.
#include "views/completion.hpp"

#include <algorithm>

#include "base/ids.hpp"
#include "findings/rule_catalogue.hpp"
#include "record/load.hpp"

namespace casekit {
namespace {

// Walks the words typed before the current one: which command they reach,
// how many positionals it has, and the option waiting for its value.
struct Walk {
  std::vector<const CompletionNode*> chain;
  std::size_t positionals = 0;
  const CompletionOption* pending = nullptr;
};

// Options of the command reached and of the commands above it (their
// options may follow a subcommand, as the parser allows).
const CompletionOption* find_option(const Walk& walk, std::string_view name) {
  for (auto node = walk.chain.rbegin(); node != walk.chain.rend(); ++node)
    for (const auto& option : (*node)->options)
      if (std::find(option.names.begin(), option.names.end(), name) != option.names.end())
        return &option;
  return nullptr;
}

const CompletionNode* find_subcommand(const CompletionNode& node, std::string_view name) {
  for (const auto& sub : node.subcommands)
    if (sub.name == name) return &sub;
  return nullptr;
}

// The kind of the next positional of the command reached; empty when it
// takes no more.
const CompletionPositional* next_positional(const Walk& walk) {
  const CompletionNode& node = *walk.chain.back();
  if (walk.positionals < node.positionals.size()) return &node.positionals[walk.positionals];
  if (!node.positionals.empty() && node.positionals.back().repeats) return &node.positionals.back();
  return nullptr;
}

void take_value(const CompletionOption& option, const std::string& value, Completion& out) {
  if (std::find(option.names.begin(), option.names.end(), "--case-folder") != option.names.end())
    out.case_folder = value;
}

void take_word(Walk& walk, const std::string& word, Completion& out) {
  if (walk.pending) {
    take_value(*walk.pending, word, out);
    walk.pending = nullptr;
    return;
  }
  if (word.size() > 1 && word[0] == '-') {
    std::size_t equals = word.find('=');
    const CompletionOption* option = find_option(walk, word.substr(0, equals));
    if (option && option->takes_value && equals == std::string::npos) walk.pending = option;
    if (option && equals != std::string::npos) take_value(*option, word.substr(equals + 1), out);
    return;
  }
  const CompletionPositional* positional = next_positional(walk);
  const CompletionNode* sub = find_subcommand(*walk.chain.back(), word);
  if (sub && !(positional && !positional->repeats)) {
    walk.chain.push_back(sub);
    walk.positionals = 0;
    return;
  }
  if (positional && positional->kind == "clients" && out.client.empty()) out.client = word;
  ++walk.positionals;
}

void offer_kind(const std::string& kind, const std::vector<std::string>& choices, Completion& out) {
  if (!choices.empty())
    out.words = choices;
  else if (!kind.empty())
    out.lookup = kind;
}

void offer_options(const Walk& walk, Completion& out) {
  for (const CompletionNode* node : walk.chain)
    for (const auto& option : node->options)
      for (const auto& name : option.names)
        if (name.rfind("--", 0) == 0) out.words.push_back(name);
}

}  // namespace

Completion complete_line(const CompletionNode& root, const std::vector<std::string>& words) {
  Completion out;
  Walk walk;
  walk.chain.push_back(&root);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) take_word(walk, words[i], out);
  out.prefix = words.empty() ? "" : words.back();
  if (walk.pending) {
    offer_kind(walk.pending->kind, walk.pending->choices, out);
  } else if (!out.prefix.empty() && out.prefix[0] == '-') {
    offer_options(walk, out);
  } else if (const CompletionPositional* positional = next_positional(walk)) {
    offer_kind(positional->kind, {}, out);
  } else {
    for (const auto& sub : walk.chain.back()->subcommands) out.words.push_back(sub.name);
  }
  out.words = starting_with(out.words, out.prefix);
  return out;
}

std::vector<std::string> starting_with(const std::vector<std::string>& words,
                                       std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& word : words)
    if (word.rfind(prefix, 0) == 0) out.push_back(word);
  return out;
}

namespace {

std::vector<std::string> item_ids(const ClientRecord& record, char prefix) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (!id.empty() && id[0] == prefix) ids.push_back(id);
  };
  for (const auto& need : record.client.assessment.needs) add(need.id);
  for (const auto& document : record.client.documents) add(document.id);
  if (!record.plan) return ids;
  for (const auto& goal : record.plan->long_term_goals) add(goal.id);
  for (const auto& goal : record.plan->short_term_goals) add(goal.id);
  for (const auto& service : record.plan->services) add(service.id);
  for (const auto& referral : record.plan->referrals) add(referral.id);
  return ids;
}

}  // namespace

std::vector<std::string> lookup_words(const CaseFolder& folder, const std::string& kind,
                                      const std::string& client) {
  std::vector<std::string> words;
  if (kind == "rules") {
    for (const auto& rule : rule_catalogue()) words.push_back(rule.id);
  } else if (kind == "clients") {
    words = folder.client_ids();
  } else if (kind.rfind("ids:", 0) == 0 && kind.size() == 5 && is_client_id(client) &&
             folder.has_client(client)) {
    words = item_ids(load_record(folder, client).readable_part(), kind[4]);
  }
  return words;
}

}  // namespace casekit
