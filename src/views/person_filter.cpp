#include "views/person_filter.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "base/did_you_mean.hpp"
#include "base/error.hpp"

namespace casekit {

std::string fold_name(std::string_view name) {
  std::string folded;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return folded;
}

PersonFilter::PersonFilter(std::string name)
    : given_(std::move(name)), wanted_(fold_name(given_)) {}

bool PersonFilter::matches(std::string_view name) {
  if (wanted_.empty()) return true;
  std::string folded = fold_name(name);
  bool match = folded == wanted_;
  matched_ = matched_ || match;
  if (!folded.empty() && std::find(seen_.begin(), seen_.end(), name) == seen_.end())
    seen_.emplace_back(name);
  return match;
}

// The name meant: the nearest by spelling, or the one name that the given
// words begin or end ("Darnell" for "Darnell Price").
static std::string nearest(const std::string& wanted, const std::vector<std::string>& folded) {
  std::string guess = did_you_mean(wanted, folded);
  if (!guess.empty()) return guess;
  std::vector<std::string> partial;
  for (const auto& name : folded)
    if (name.rfind(wanted + " ", 0) == 0 ||
        (name.size() > wanted.size() && name.ends_with(" " + wanted)))
      partial.push_back(name);
  return partial.size() == 1 ? partial[0] : std::string();
}

void PersonFilter::require_known(std::string_view role) const {
  if (wanted_.empty() || matched_) return;
  std::vector<std::string> folded;
  for (const auto& name : seen_) folded.push_back(fold_name(name));
  std::string guess = nearest(wanted_, folded);
  std::string hint = fmt::format("`casekit list` shows each client's {}", role);
  if (!guess.empty()) {
    auto at = std::find(folded.begin(), folded.end(), guess) - folded.begin();
    hint = fmt::format("did you mean '{}'?", seen_[static_cast<std::size_t>(at)]);
  }
  throw Error(fmt::format("no client's {} is '{}'", role, given_), hint);
}

}  // namespace casekit
